package io.oort.engine.core.internal.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;
import io.oort.engine.core.internal.builtin.MemoryBus;
import io.oort.engine.core.internal.builtin.MemoryConnectors;
import io.oort.engine.core.internal.catalog.StreamCatalog;
import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.connector.ConfKeys;
import io.oort.engine.core.internal.management.Connections;
import io.oort.engine.core.internal.management.DataTransfer;
import io.oort.engine.core.internal.management.Metadata;
import io.oort.engine.core.internal.management.Prometheus;
import io.oort.engine.core.internal.management.QueryRunner;
import io.oort.engine.core.internal.management.RulePlans;
import io.oort.engine.core.internal.management.StreamStatements;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.rule.RuleEnv;
import io.oort.engine.core.internal.rule.RuleManager;
import io.oort.engine.core.internal.rule.SharedSources;
import io.oort.engine.core.internal.store.MemoryStore;
import io.oort.engine.core.internal.store.MvStoreStore;
import io.oort.engine.core.internal.store.Store;
import io.oort.engine.core.internal.system.SystemInfo;
import io.oort.engine.core.internal.time.SystemClock;
import io.oort.engine.core.internal.util.EngineThreads;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.function.FunctionRegistry;

/**
 * The engine's service API: everything the REST API and the shell offer goes through here (streams, tables,
 * rules, connectors, configuration), so neither holds logic of its own.
 */
@Component(service = EngineService.class, immediate = true)
public class EngineService {

    private static final Logger LOG = LoggerFactory.getLogger(EngineService.class);

    private final ConnectorRegistry connectors;
    private final EngineConfig config;
    private final SystemInfo system;
    private final Store store;
    private final StreamCatalog catalog;
    private final RuleManager rules;
    private final FunctionRegistry functions;
    private final ConfKeys confKeys;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Path home;
    private final MemoryBus bus;
    private final StreamStatements streamStatements;
    private final DataTransfer transfer;
    private final Connections connections;
    private final Metadata metadata;
    private final Prometheus prometheus;
    private final RulePlans plans;
    private final QueryRunner queries;
    private volatile Runnable stopHook = () -> LOG.warn("a stop was requested, but Oort is embedded: ignored");

    @Activate
    public EngineService(@Reference ConnectorRegistry connectors, BundleContext ctx) {
        this(connectors, readConfig(ctx), homeOf(ctx));
        stopHook = () -> {
            try {
                LOG.info("stopping Oort as requested");
                ctx.getBundle(0).stop();
            } catch (org.osgi.framework.BundleException | IllegalStateException e) {
                LOG.error("cannot stop the framework: {}", e.getMessage());
            }
        };
    }

    public EngineService(ConnectorRegistry connectors, EngineConfig config, Path home) {
        this(connectors, config, home, SystemClock.INSTANCE);
    }

    /** An engine on another clock (tests drive schedules and processing-time windows with a manual one). */
    public EngineService(ConnectorRegistry connectors, EngineConfig config, Path home,
            io.oort.engine.core.api.EngineClock clock) {
        this.connectors = connectors;
        this.config = config;
        this.home = home;
        this.system = new SystemInfo(SystemClock.INSTANCE);
        this.functions = FunctionRegistry.withBuiltins();
        this.store = openStore(home);
        this.confKeys = new ConfKeys(home == null ? null : home.resolve("etc"), store, System.getenv());
        this.catalog = new StreamCatalog(store, this::checkStream);
        int n = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.workers = Executors.newFixedThreadPool(n, EngineThreads.daemon("oort-worker"));
        this.timers = Executors.newSingleThreadScheduledExecutor(EngineThreads.daemon("oort-timer"));
        this.bus = new MemoryBus();
        for (ConnectorProvider p : MemoryConnectors.providers(bus)) {
            connectors.addProvider(p, Map.of(ConnectorProvider.TYPE, p.descriptor().type(), ConnectorProvider.KIND,
                    p.descriptor().kind().id()));
        }
        RuleEnv env = new RuleEnv(catalog, connectors, functions, confKeys, clock, zone(config),
                config.getBoolean("basic.ignoreCase", false), workers, timers, new SharedSources(), bus,
                ruleDefaults(config), sinkDefaults(config), home == null ? null : home.resolve("data"));
        this.rules = new RuleManager(store, env);
        this.streamStatements = new StreamStatements(catalog, rules);
        this.transfer = new DataTransfer(catalog, rules, confKeys, store, () -> stopHook.run());
        this.connections = new Connections(confKeys, rules, catalog, connectors);
        this.metadata = new Metadata(connectors, confKeys, functions);
        this.prometheus = new Prometheus(rules);
        this.plans = new RulePlans(rules);
        this.queries = new QueryRunner(rules, bus);
        rules.recover();
        rules.startPatrol(config.getDuration("basic.rulePatrolInterval", java.time.Duration.ofSeconds(10)));
    }

    @Deactivate
    void deactivate() {
        rules.shutdown();
        workers.shutdown();
        timers.shutdown();
        store.close();
    }

    private static Path homeOf(BundleContext ctx) {
        String h = ctx.getProperty("oort.home");
        return h == null ? null : Paths.get(h);
    }

    private static Store openStore(Path home) {
        if (home == null) {
            return new MemoryStore();
        }
        try {
            Files.createDirectories(home.resolve("data"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + home.resolve("data") + ": " + e.getMessage(), e);
        }
        return new MvStoreStore(home.resolve("data/oort.db"));
    }

    private static ZoneId zone(EngineConfig c) {
        String tz = c.get("basic.timezone", "Local");
        try {
            return "Local".equalsIgnoreCase(tz) || tz.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(tz);
        } catch (RuntimeException e) {
            LOG.warn("unknown basic.timezone {}; using the system zone", tz);
            return ZoneId.systemDefault();
        }
    }

    private static Map<String, Object> ruleDefaults(EngineConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : c.asMap().entrySet()) {
            if (e.getKey().startsWith("rule.")) {
                String k = e.getKey().substring(5);
                String v = e.getValue();
                m.put(k, v.startsWith("{") ? parseJsonish(v) : v);
            }
        }
        return m;
    }

    private static Object parseJsonish(String v) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(v, Map.class);
        } catch (java.io.IOException e) {
            return v;
        }
    }

    private static Map<String, String> sinkDefaults(EngineConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : c.asMap().entrySet()) {
            if (e.getKey().startsWith("sink.")) {
                m.put(e.getKey().substring(5), e.getValue());
            }
        }
        return m;
    }

    private static EngineConfig readConfig(BundleContext ctx) {
        List<String> names = new ArrayList<>();
        for (Object k : Collections.list(System.getProperties().keys())) {
            names.add(String.valueOf(k));
        }
        // The launcher passes the configuration as framework properties; those are visible through the context.
        String list = ctx.getProperty(EngineConfig.PREFIX + "keys");
        if (list != null) {
            for (String k : list.split(",")) {
                names.add(EngineConfig.PREFIX + k.trim());
            }
        }
        return EngineConfig.fromProperties(names, ctx::getProperty);
    }

    /** Checks a stream definition against what is installed; an error message or null. */
    private String checkStream(StreamStatement st) {
        String type = st.options().type();
        ConnectorKind kind = st.lookupTable() ? ConnectorKind.LOOKUP : ConnectorKind.SOURCE;
        if (connectors.find(kind, type) == null) {
            List<String> types = connectorTypes(kind);
            return (kind == ConnectorKind.LOOKUP ? "lookup source type " : "source type ") + type
                    + " is not installed (installed: " + String.join(", ", types) + ")";
        }
        if (!st.lookupTable() && !connectors.formats().knows(st.options().format())
                && connectors.find(kind, type).descriptor().payload()
                        == io.oort.engine.core.api.ConnectorDescriptor.Payload.BYTES) {
            return "option 'format=" + st.options().format() + "' is invalid";
        }
        return null;
    }

    public EngineConfig config() {
        return config;
    }

    public SystemInfo system() {
        return system;
    }

    public ConnectorRegistry connectors() {
        return connectors;
    }

    public StreamCatalog catalog() {
        return catalog;
    }

    public RuleManager rules() {
        return rules;
    }

    public FunctionRegistry functions() {
        return functions;
    }

    public ConfKeys confKeys() {
        return confKeys;
    }

    public Store store() {
        return store;
    }

    /** Stream and table statements with eKuiper's sentences (POST /streams, the shell). */
    public StreamStatements streamStatements() {
        return streamStatements;
    }

    /** Batch import and export. */
    public DataTransfer transfer() {
        return transfer;
    }

    /** Named connections. */
    public Connections connections() {
        return connections;
    }

    /** Connector and function metadata, conf keys. */
    public Metadata metadata() {
        return metadata;
    }

    /** Metrics in the Prometheus text format. */
    public Prometheus prometheus() {
        return prometheus;
    }

    /** Rule topologies and plans. */
    public RulePlans plans() {
        return plans;
    }

    /** One-off queries. */
    public QueryRunner queries() {
        return queries;
    }

    /** Stops the whole engine (the framework) from another thread, as eKuiper's import with stop=1 does. */
    public void requestStop() {
        Thread t = new Thread(() -> stopHook.run(), "oort-stop");
        t.setDaemon(true);
        t.start();
    }

    /** The installation directory (null when embedded). */
    public Path home() {
        return home;
    }

    /** The installed connector types of a kind, as eKuiper's {@code GET /plugins/sources|sinks} lists them. */
    public List<String> connectorTypes(ConnectorKind kind) {
        List<String> out = new ArrayList<>();
        for (ConnectorRegistry.Entry e : connectors.list(kind)) {
            out.add(e.type());
        }
        return out;
    }

    /** Rows for {@code oort:connectors}: type, kinds, bundle, version. */
    public List<Map<String, String>> connectorTable() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (ConnectorRegistry.Entry e : connectors.all()) {
            rows.add(Map.of("type", e.type(), "kind", e.kind().id(), "bundle", e.bundle(), "version", e.version()));
        }
        return rows;
    }

    /** The in-process memory bus (memory sources and sinks). */
    public MemoryBus memoryBus() {
        return bus;
    }

    /** Stops the rules and closes the store. */
    public void close() {
        deactivate();
    }
}
