package io.oort.engine.core.internal.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.system.SystemInfo;
import io.oort.engine.core.internal.time.SystemClock;

/**
 * The engine's service API: everything the REST API and the shell offer goes through here, so neither holds
 * logic of its own.
 */
@Component(service = EngineService.class, immediate = true)
public class EngineService {

    private final ConnectorRegistry connectors;
    private final EngineConfig config;
    private final SystemInfo system;

    @Activate
    public EngineService(@Reference ConnectorRegistry connectors, BundleContext ctx) {
        this(connectors, readConfig(ctx));
    }

    public EngineService(ConnectorRegistry connectors, EngineConfig config) {
        this.connectors = connectors;
        this.config = config;
        this.system = new SystemInfo(SystemClock.INSTANCE);
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

    public EngineConfig config() {
        return config;
    }

    public SystemInfo system() {
        return system;
    }

    public ConnectorRegistry connectors() {
        return connectors;
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
}
