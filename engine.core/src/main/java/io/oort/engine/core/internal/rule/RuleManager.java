package io.oort.engine.core.internal.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.internal.format.FormatRegistry;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.core.internal.sink.SinkCaches;
import io.oort.engine.core.internal.store.Store;
import io.oort.engine.sql.analyzer.AnalysisException;
import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.Analyzer;
import io.oort.engine.sql.analyzer.SourceInfo;
import io.oort.engine.sql.ast.Call;
import io.oort.engine.sql.ast.SelectStatement;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.parser.ParseException;
import io.oort.engine.sql.parser.SqlParser;

/**
 * Rules: their definitions and desired state persist in the store; running ones have a {@link RuleRuntime}.
 * A rule whose connector is not installed waits ("connector X is not installed") and starts by itself when the
 * connector appears; a rule whose connector goes away stops the same way. Thread-safe (one lock).
 */
public final class RuleManager implements ConnectorRegistry.Listener, FunctionRegistry.Listener,
        FormatRegistry.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RuleManager.class);
    static final String RULES = "rules";
    static final String STATES = "rule_states";

    /** A rule and its life. */
    private final class Managed {
        RuleDef def;
        RuleRuntime runtime;
        boolean wanted;
        String message = "";
        MissingConnectorException waiting;
        /** A plugin function the rule calls that is not installed; it starts when the function appears. */
        String missingFunction;
        long lastStart;
        long lastStop;
        int attempts;
        /** When the rule runs (cron, duration, datetime ranges); null until it first tries to start. */
        RuleSchedule schedule;
        /** Held by its schedule until the next window. */
        boolean held;

        String status() {
            return runtime != null ? "running" : held ? "stopped: waiting for next schedule." : "stopped";
        }
    }

    private final Store store;
    private final RuleEnv env;
    private final Checkpoints checkpoints;
    private final Map<String, Managed> rules = new LinkedHashMap<>();
    private java.util.concurrent.ScheduledFuture<?> wake;
    private long wakeAt = Long.MAX_VALUE;
    private java.util.concurrent.ScheduledFuture<?> patrolTask;

    public RuleManager(Store store, RuleEnv env) {
        this.store = store;
        this.env = env;
        this.checkpoints = new Checkpoints(env.dataDir());
        env.shared().bind(env);
        env.connectors().addListener(this);
        env.connectors().formats().addListener(this);
        env.functions().addListener(this);
    }

    /** Loads the stored rules and starts those that were running. */
    public synchronized void recover() {
        Map<String, String> states = store.all(STATES);
        for (Map.Entry<String, String> e : store.all(RULES).entrySet()) {
            try {
                RuleDef def = RuleDef.parse(e.getValue(), null);
                Managed m = new Managed();
                m.def = def;
                m.wanted = "running".equals(states.getOrDefault(e.getKey(), def.triggered() ? "running" : "stopped"));
                rules.put(def.id(), m);
                if (m.wanted) {
                    tryStart(m);
                }
            } catch (ServiceException ex) {
                LOG.error("stored rule {} is invalid and skipped: {}", e.getKey(), ex.getMessage());
            }
        }
        LOG.info("recovered {} rules", rules.size());
    }

    /** Parses, checks and plans a rule without creating it. */
    public AnalyzedQuery validate(RuleDef def) throws ServiceException {
        return validate(def, env.catalog());
    }

    /**
     * Parses, checks and plans a rule against another catalog (a batch import checks its rules against the
     * streams as they will be after the import).
     */
    public AnalyzedQuery validate(RuleDef def, io.oort.engine.sql.analyzer.Catalog catalog) throws ServiceException {
        SelectStatement s;
        try {
            s = SqlParser.parseSelect(def.sql());
        } catch (ParseException e) {
            throw ServiceException.badRequest(ServiceException.PARSER, e.getMessage());
        }
        AnalyzedQuery q;
        try {
            q = new Analyzer(catalog, env.functions(), env.ignoreCase()).analyze(s);
        } catch (AnalysisException e) {
            throw ServiceException.badRequest(ServiceException.PLAN, e.getMessage());
        }
        RuleOptions opts = options(def);
        if (opts.sendMetaToSink() && (q.sources().size() > 1 || q.hasWindow() || !q.groupBy().isEmpty())) {
            throw ServiceException.badRequest(ServiceException.PLAN,
                    "Invalid option sendMetaToSink, it can not be applied to window");
        }
        if (opts.isEventTime()) {
            for (SourceInfo src : q.sources()) {
                if (!src.isTable() && (src.stream().options().timestamp() == null
                        || src.stream().options().timestamp().isEmpty())) {
                    throw ServiceException.badRequest(ServiceException.PLAN,
                            "preprocessor is set to be event time but stream option TIMESTAMP not found");
                }
            }
            if (q.hasWindow() && (q.window().window().type() == io.oort.engine.sql.ast.Window.Type.COUNT)) {
                throw ServiceException.badRequest(ServiceException.PLAN,
                        "count window is not supported in event time mode");
            }
        }
        for (RuleDef.Action a : def.actions()) {
            if (env.connectors().find(ConnectorKind.SINK, a.type()) == null) {
                throw ServiceException.badRequest(ServiceException.RULE,
                        "sink " + a.type() + " is not installed (installed: " + installed(ConnectorKind.SINK) + ")");
            }
        }
        return q;
    }

    private String installed(ConnectorKind kind) {
        List<String> types = new ArrayList<>();
        for (ConnectorRegistry.Entry e : env.connectors().list(kind)) {
            types.add(e.type());
        }
        return String.join(", ", types);
    }

    private RuleOptions options(RuleDef def) throws ServiceException {
        try {
            RuleOptions opts = RuleOptions.parse(def.options(), env.ruleDefaults());
            RuleSchedule.of(opts, env.zone());
            return opts;
        } catch (IllegalArgumentException e) {
            throw ServiceException.badRequest(ServiceException.RULE, e.getMessage());
        }
    }

    public synchronized String create(RuleDef def) throws ServiceException {
        if (rules.containsKey(def.id())) {
            throw ServiceException.badRequest(ServiceException.RULE, "rule " + def.id() + " already exists");
        }
        validate(def);
        Managed m = new Managed();
        m.def = def;
        m.wanted = def.triggered();
        store.write(tx -> {
            tx.put(RULES, def.id(), def.json());
            tx.put(STATES, def.id(), m.wanted ? "running" : "stopped");
        });
        rules.put(def.id(), m);
        if (m.wanted) {
            tryStart(m);
        }
        return "Rule " + def.id() + " was created successfully.";
    }

    /** Replaces a rule's definition (PUT); a running rule restarts with it. Creates the rule when absent. */
    public synchronized String update(RuleDef def) throws ServiceException {
        Managed m = rules.get(def.id());
        if (m == null) {
            create(def);
            return "Rule " + def.id() + " was updated successfully.";
        }
        if (!m.def.version().isEmpty() && !def.version().isEmpty() && def.version().compareTo(m.def.version()) <= 0) {
            throw ServiceException.badRequest(ServiceException.RULE, "rule " + def.id() + " version " + def.version()
                    + " is not newer than " + m.def.version());
        }
        validate(def);
        boolean wasRunning = m.runtime != null || m.waiting != null;
        halt(m, "");
        checkpoints.drop(def.id()); // the state of the old definition
        m.def = def;
        store.put(RULES, def.id(), def.json());
        if (wasRunning || m.wanted) {
            m.wanted = true;
            tryStart(m);
        }
        return "Rule " + def.id() + " was updated successfully.";
    }

    public synchronized String delete(String id) throws ServiceException {
        Managed m = get(id);
        halt(m, "");
        rules.remove(id);
        store.write(tx -> {
            tx.delete(RULES, id);
            tx.delete(STATES, id);
        });
        forgetData(id);
        return "Rule " + id + " is dropped.";
    }

    public synchronized String start(String id) throws ServiceException {
        Managed m = get(id);
        setWanted(m, true);
        if (m.runtime == null) {
            m.attempts = 0;
            m.held = false;
            tryStart(m);
        }
        return "Rule " + id + " was started";
    }

    public synchronized String stop(String id) throws ServiceException {
        Managed m = get(id);
        setWanted(m, false);
        halt(m, "");
        m.held = false;
        m.message = "Stopped by user.";
        return "Rule " + id + " was stopped.";
    }

    public synchronized String restart(String id) throws ServiceException {
        Managed m = get(id);
        setWanted(m, true);
        halt(m, "");
        m.attempts = 0;
        m.held = false;
        tryStart(m);
        return "Rule " + id + " was restarted";
    }

    private void setWanted(Managed m, boolean wanted) {
        if (m.wanted != wanted) {
            m.wanted = wanted;
            store.put(STATES, m.def.id(), wanted ? "running" : "stopped");
        }
    }

    private Managed get(String id) throws ServiceException {
        Managed m = rules.get(id);
        if (m == null) {
            throw ServiceException.notFound("Rule " + id + " is not found");
        }
        return m;
    }

    /** Starts the runtime; failures leave the rule stopped with the reason (and a retry when configured). */
    private void tryStart(Managed m) {
        RuleDef def = m.def;
        m.waiting = null;
        m.missingFunction = null;
        if (waitsForPlugin(m)) {
            return;
        }
        AnalyzedQuery q;
        RuleOptions opts;
        try {
            q = validate(def);
            opts = options(def);
        } catch (ServiceException e) {
            m.message = e.getMessage();
            LOG.warn("rule {} cannot start: {}", def.id(), e.getMessage());
            return;
        }
        m.schedule = RuleSchedule.of(opts, env.zone());
        if (m.schedule.active()) {
            long now = env.clock().millis();
            armWake(m.schedule.nextChange(now, true, now));
            if (m.schedule.decide(now, false, 0) == RuleSchedule.Action.HOLD) {
                m.held = true;
                m.message = "";
                LOG.info("rule {} waits for its schedule", def.id());
                return;
            }
        }
        m.held = false;
        RuleRuntime rt = new RuleRuntime(def, q, opts, env, checkpoints);
        try {
            rt.start();
            m.runtime = rt;
            m.message = "";
            m.lastStart = env.clock().millis();
            LOG.info("rule {} started", def.id());
        } catch (MissingConnectorException e) {
            m.waiting = e;
            m.message = e.getMessage();
            LOG.info("rule {} waits: {}", def.id(), e.getMessage());
        } catch (ConnectorException | RuntimeException e) {
            m.message = String.valueOf(e.getMessage());
            LOG.warn("rule {} failed to start: {}", def.id(), e.getMessage());
            scheduleRetry(m, opts);
        }
    }

    private void scheduleRetry(Managed m, RuleOptions opts) {
        RuleOptions.RestartStrategy rs = opts.restartStrategy();
        if (rs.attempts() <= 0 || m.attempts >= rs.attempts()) {
            return;
        }
        double delay = rs.delayMillis() * Math.pow(rs.multiplier(), m.attempts);
        delay = Math.min(delay, rs.maxDelayMillis());
        delay += delay * rs.jitterFactor() * (Math.random() * 2 - 1);
        m.attempts++;
        String id = m.def.id();
        env.timers().schedule(() -> {
            synchronized (RuleManager.this) {
                Managed cur = rules.get(id);
                if (cur == m && cur.wanted && cur.runtime == null) {
                    tryStart(cur);
                }
            }
        }, Math.max(0, (long) delay), TimeUnit.MILLISECONDS);
    }

    private void halt(Managed m, String message) {
        m.waiting = null;
        m.missingFunction = null;
        if (m.runtime != null) {
            m.runtime.stop();
            m.runtime = null;
            m.lastStop = env.clock().millis();
            LOG.info("rule {} stopped", m.def.id());
        }
        m.message = message;
    }

    @Override
    public synchronized void added(ConnectorKind kind, String type) {
        for (Managed m : rules.values()) {
            if (m.wanted && m.runtime == null && m.waiting != null && m.waiting.type().equals(type)) {
                tryStart(m);
            }
        }
    }

    @Override
    public synchronized void removed(ConnectorKind kind, String type) {
        for (Managed m : rules.values()) {
            if (m.runtime != null && uses(m.def, kind, type)) {
                halt(m, "");
                m.waiting = new MissingConnectorException(kind, type);
                m.message = m.waiting.getMessage();
                LOG.info("rule {} stopped: connector {} was removed", m.def.id(), type);
            }
        }
    }

    /**
     * A rule whose sink connector or called function is not installed (a plugin not there yet, or uninstalled) waits
     * for it instead of failing validation: it reports what is missing and starts when that appears.
     */
    private boolean waitsForPlugin(Managed m) {
        for (RuleDef.Action a : m.def.actions()) {
            if (env.connectors().find(ConnectorKind.SINK, a.type()) == null) {
                m.waiting = new MissingConnectorException(ConnectorKind.SINK, a.type());
                m.message = m.waiting.getMessage();
                LOG.info("rule {} waits: {}", m.def.id(), m.message);
                return true;
            }
        }
        try {
            // sources too, before any sink is opened (and its cache read) only to be closed again
            for (var ref : SqlParser.parseSelect(m.def.sql()).sources()) {
                var st = env.catalog().lookup(ref.name());
                ConnectorKind kind = st != null && st.lookupTable() ? ConnectorKind.LOOKUP : ConnectorKind.SOURCE;
                if (st != null && env.connectors().find(kind, st.options().type()) == null) {
                    m.waiting = new MissingConnectorException(kind, st.options().type());
                    m.message = m.waiting.getMessage();
                    LOG.info("rule {} waits: {}", m.def.id(), m.message);
                    return true;
                }
            }
        } catch (ParseException e) {
            // validation reports it
        }
        for (String fn : calledFunctions(m.def)) {
            if (env.functions().lookup(fn) == null) {
                m.missingFunction = fn;
                m.message = "function " + fn + " is not installed";
                LOG.info("rule {} waits: {}", m.def.id(), m.message);
                return true;
            }
        }
        return false;
    }

    /** The lower-case names of the functions a rule's SQL calls. */
    private static java.util.Set<String> calledFunctions(RuleDef def) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        try {
            SqlParser.parseSelect(def.sql()).expressions(e -> e.walk(n -> {
                if (n instanceof Call c) {
                    names.add(c.name().toLowerCase(java.util.Locale.ROOT));
                }
                return true;
            }));
        } catch (ParseException e) {
            // validation reports it
        }
        return names;
    }

    @Override
    public synchronized void changed(String function, boolean present) {
        for (Managed m : rules.values()) {
            if (present && m.wanted && m.runtime == null && function.equals(m.missingFunction)) {
                tryStart(m);
            } else if (!present && m.runtime != null && calledFunctions(m.def).contains(function)) {
                halt(m, "");
                m.missingFunction = function;
                m.message = "function " + function + " is not installed";
                LOG.info("rule {} stopped: function {} was removed", m.def.id(), function);
            }
        }
    }

    /** The ids of the rules using a connector type of a kind (sources: streams and tables of that type). */
    public synchronized List<String> usersOf(ConnectorKind kind, String type) {
        List<String> out = new ArrayList<>();
        for (Managed m : rules.values()) {
            if (uses(m.def, kind, type)) {
                out.add(m.def.id());
            }
        }
        return out;
    }

    /** The ids of the rules calling a function. */
    public synchronized List<String> usersOfFunction(String function) {
        List<String> out = new ArrayList<>();
        String name = function.toLowerCase(java.util.Locale.ROOT);
        for (Managed m : rules.values()) {
            if (calledFunctions(m.def).contains(name)) {
                out.add(m.def.id());
            }
        }
        return out;
    }

    @Override
    public synchronized void formatAdded(String name) {
        for (Managed m : rules.values()) {
            if (m.wanted && m.runtime == null && m.waiting != null && m.waiting.kind() == null
                    && m.waiting.type().equals(name)) {
                tryStart(m);
            }
        }
    }

    @Override
    public synchronized void formatRemoved(String name) {
        for (Managed m : rules.values()) {
            if (m.runtime != null && usesFormat(m.def, name)) {
                halt(m, "");
                m.waiting = MissingConnectorException.format(name);
                m.message = m.waiting.getMessage();
                LOG.info("rule {} stopped: format {} was removed", m.def.id(), name);
            }
        }
    }

    /** Whether a rule reads a stream or writes a sink in the format (sink properties as its conf key gives them). */
    private boolean usesFormat(RuleDef def, String name) {
        try {
            for (var ref : SqlParser.parseSelect(def.sql()).sources()) {
                var st = env.catalog().lookup(ref.name());
                if (st != null && name.equalsIgnoreCase(st.options().format())) {
                    return true;
                }
            }
        } catch (ParseException e) {
            return false;
        }
        for (RuleDef.Action a : def.actions()) {
            Object f = a.props().get("format");
            if (f == null) {
                try {
                    Object rid = a.props().get("resourceId");
                    f = env.confKeys().sinkProps(a.type(), rid == null ? null : String.valueOf(rid)).get("format");
                } catch (IllegalArgumentException e) {
                    f = null;
                }
            }
            if (f != null && name.equalsIgnoreCase(String.valueOf(f))) {
                return true;
            }
        }
        return false;
    }

    private boolean uses(RuleDef def, ConnectorKind kind, String type) {
        if (kind == ConnectorKind.SINK) {
            return def.actions().stream().anyMatch(a -> a.type().equals(type));
        }
        try {
            SelectStatement s = SqlParser.parseSelect(def.sql());
            for (var ref : s.sources()) {
                var st = env.catalog().lookup(ref.name());
                if (st != null && st.options().type().equals(type)) {
                    return true;
                }
            }
        } catch (ParseException e) {
            return false;
        }
        return false;
    }

    /** Whether any rule reads the stream or table. */
    public synchronized boolean usesStream(String name) {
        for (Managed m : rules.values()) {
            try {
                for (var ref : SqlParser.parseSelect(m.def.sql()).sources()) {
                    if (ref.name().equals(name)) {
                        return true;
                    }
                }
            } catch (ParseException e) {
                // an invalid stored rule reads nothing
            }
        }
        return false;
    }

    public synchronized RuleDef definition(String id) throws ServiceException {
        return get(id).def;
    }

    /** {@code [{"id","name","status","tags"}]} as GET /rules lists them. */
    public synchronized List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Managed m : rules.values()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", m.def.id());
            r.put("name", m.def.name());
            r.put("status", m.status());
            r.put("version", m.def.version());
            r.put("trace", false);
            r.put("tags", m.def.tags());
            out.add(r);
        }
        return out;
    }

    public synchronized List<String> ids() {
        return new ArrayList<>(rules.keySet());
    }

    /** eKuiper's flat status object: status, message, timestamps, then every operator metric. */
    public synchronized Map<String, Object> status(String id) throws ServiceException {
        Managed m = get(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", m.status());
        out.put("message", m.message);
        out.put("lastStartTimestamp", m.lastStart);
        out.put("lastStopTimestamp", m.lastStop);
        out.put("nextStartTimestamp", m.schedule == null ? 0 : m.schedule.nextStart(env.clock().millis()));
        if (m.runtime != null) {
            m.runtime.metrics(out);
        }
        return out;
    }

    /** GET /rules/status/all: {id: {status, last_exception, exceptions_total}}. */
    public synchronized Map<String, Object> allStatus() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Managed m : rules.values()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("status", m.status());
            long exceptions = 0;
            String last = m.message == null ? "" : m.message;
            if (m.runtime != null) {
                Map<String, Object> metrics = new LinkedHashMap<>();
                m.runtime.metrics(metrics);
                for (Map.Entry<String, Object> e : metrics.entrySet()) {
                    if (e.getKey().endsWith("_exceptions_total") && e.getValue() instanceof Long l) {
                        exceptions += l;
                    }
                    if (e.getKey().endsWith("_last_exception") && !String.valueOf(e.getValue()).isEmpty()) {
                        last = String.valueOf(e.getValue());
                    }
                }
            }
            s.put("last_exception", last);
            s.put("exceptions_total", exceptions);
            out.put(m.def.id(), s);
        }
        return out;
    }

    /** Whether the rule should run (its persisted desired state). */
    public synchronized boolean wanted(String id) throws ServiceException {
        return get(id).wanted;
    }

    /** The ids of the rules that read a stream or table. */
    public synchronized List<String> readers(String stream) {
        List<String> out = new ArrayList<>();
        for (Managed m : rules.values()) {
            try {
                for (var ref : SqlParser.parseSelect(m.def.sql()).sources()) {
                    if (ref.name().equals(stream)) {
                        out.add(m.def.id());
                        break;
                    }
                }
            } catch (ParseException e) {
                // an invalid stored rule reads nothing
            }
        }
        return out;
    }

    /** The ids of the rules with a runtime (running now). */
    public synchronized List<String> runningIds() {
        List<String> out = new ArrayList<>();
        for (Managed m : rules.values()) {
            if (m.runtime != null) {
                out.add(m.def.id());
            }
        }
        return out;
    }

    /**
     * Replaces a rule's tags (the tag endpoints). The stored JSON changes; a running rule keeps running, as in
     * eKuiper.
     */
    public synchronized RuleDef setTags(String id, List<String> tags) throws ServiceException {
        Managed m = get(id);
        m.def = m.def.withTags(tags);
        store.put(RULES, id, m.def.json());
        return m.def;
    }

    /** Ids of the rules carrying every one of the tags (eKuiper's match: all given tags present). */
    public synchronized List<String> matchTags(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (Managed m : rules.values()) {
            if (m.def.tags().containsAll(tags)) {
                out.add(m.def.id());
            }
        }
        return out;
    }

    /**
     * Stops the given rules (every rule when {@code ids} is null) ahead of a batch change of definitions, keeping
     * their desired state; {@link #reload} brings them back.
     */
    public synchronized void suspend(java.util.Collection<String> ids) {
        for (Managed m : rules.values()) {
            if (ids == null || ids.contains(m.def.id())) {
                halt(m, "");
            }
        }
    }

    /**
     * Re-reads rules from the store after a batch write (every rule when {@code ids} is null): rules gone from the
     * store are stopped and forgotten, the others take their stored definition and desired state, and the wanted
     * ones start when {@code start} is true.
     */
    public synchronized void reload(java.util.Collection<String> ids, boolean start) {
        Map<String, String> defs = store.all(RULES);
        Map<String, String> states = store.all(STATES);
        java.util.Set<String> scope = new java.util.LinkedHashSet<>();
        if (ids == null) {
            scope.addAll(rules.keySet());
            scope.addAll(defs.keySet());
        } else {
            scope.addAll(ids);
        }
        for (String id : scope) {
            Managed old = rules.remove(id);
            if (old != null) {
                halt(old, "");
            }
            String json = defs.get(id);
            if (json == null) {
                forgetData(id); // deleted by the batch: its undelivered results and its state go too
                continue;
            }
            try {
                Managed m = new Managed();
                m.def = RuleDef.parse(json, null);
                m.wanted = "running".equals(states.getOrDefault(id, m.def.triggered() ? "running" : "stopped"));
                if (old != null) {
                    m.lastStart = old.lastStart;
                    m.lastStop = old.lastStop;
                }
                rules.put(id, m);
                if (m.wanted && start) {
                    tryStart(m);
                }
            } catch (ServiceException ex) {
                LOG.error("stored rule {} is invalid and skipped: {}", id, ex.getMessage());
            }
        }
    }

    /** Puts a rule and its desired state into a batch write. */
    public static void write(Store.Tx tx, RuleDef def, boolean wanted) {
        tx.put(RULES, def.id(), def.json());
        tx.put(STATES, def.id(), wanted ? "running" : "stopped");
    }

    /** Removes every rule in a batch write (a full import replaces them all). */
    public static void clear(Store.Tx tx) {
        tx.clear(RULES);
        tx.clear(STATES);
    }

    /** Deletes what a deleted rule kept under data/: its sink caches and its checkpoint. */
    private void forgetData(String id) {
        SinkCaches.dropRule(env.dataDir(), id);
        checkpoints.drop(id);
    }

    /**
     * Runs a rule that is neither listed nor persisted (one-off shell queries), and never checkpointed. The returned
     * handle stops it.
     */
    public AutoCloseable startTemporary(RuleDef def) throws ServiceException {
        AnalyzedQuery q = validate(def);
        RuleOptions opts = options(def);
        RuleRuntime rt = new RuleRuntime(def, q, opts, env, null);
        try {
            rt.start();
        } catch (ConnectorException | MissingConnectorException e) {
            throw ServiceException.badRequest(ServiceException.RULE, String.valueOf(e.getMessage()));
        }
        return rt::stop;
    }

    /**
     * Checks every wanted rule against its schedule every {@code interval} (eKuiper's basic.rulePatrolInterval).
     * Between patrols the manager also wakes at the next known schedule change, so windows open and close on time.
     */
    public synchronized void startPatrol(Duration interval) {
        if (patrolTask == null && !interval.isZero() && !interval.isNegative()) {
            long ms = interval.toMillis();
            patrolTask = env.timers().scheduleWithFixedDelay(this::patrolSafely, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void patrolSafely() {
        try {
            patrol();
        } catch (RuntimeException e) {
            LOG.error("rule patrol failed", e);
        }
    }

    /**
     * Applies the schedules at the clock's now: starts held rules whose window opened, holds running rules whose
     * window closed, stops duration-only rules whose time is up ("duration terminated").
     */
    synchronized void patrol() {
        long now = env.clock().millis();
        long next = Long.MAX_VALUE;
        for (Managed m : new ArrayList<>(rules.values())) {
            if (!m.wanted || m.schedule == null || !m.schedule.active()) {
                continue;
            }
            boolean running = m.runtime != null;
            switch (m.schedule.decide(now, running, m.lastStart)) {
                case START -> {
                    if (!running && m.held) {
                        LOG.info("rule {}: schedule starts it", m.def.id());
                        tryStart(m);
                    }
                }
                case HOLD -> {
                    if (running) {
                        LOG.info("rule {}: schedule stops it", m.def.id());
                        halt(m, "");
                        m.held = true;
                    }
                }
                case FINISH -> {
                    halt(m, "duration terminated");
                    LOG.info("rule {}: duration terminated", m.def.id());
                }
                case NONE -> { }
            }
            long c = m.schedule.nextChange(now, m.runtime != null, m.lastStart);
            if (c > now) {
                next = Math.min(next, c);
            }
        }
        wakeAt = Long.MAX_VALUE;
        armWake(next == Long.MAX_VALUE ? -1 : next);
    }

    /** Makes sure the patrol runs at {@code at} (epoch ms; -1 = nothing to wait for). */
    private void armWake(long at) {
        if (at < 0 || at >= wakeAt) {
            return;
        }
        if (wake != null) {
            wake.cancel(false);
        }
        wakeAt = at;
        long delay = Math.max(0, at - env.clock().millis());
        wake = env.timers().schedule(this::patrolSafely, delay, TimeUnit.MILLISECONDS);
    }

    /** Stops every rule (engine shutdown), keeping their desired state. */
    public synchronized void shutdown() {
        if (patrolTask != null) {
            patrolTask.cancel(false);
        }
        if (wake != null) {
            wake.cancel(false);
        }
        env.connectors().removeListener(this);
        env.connectors().formats().removeListener(this);
        env.functions().removeListener(this);
        for (Managed m : rules.values()) {
            halt(m, "");
        }
        checkpoints.close();
    }
}
