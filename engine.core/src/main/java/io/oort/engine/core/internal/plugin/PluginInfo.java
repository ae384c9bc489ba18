package io.oort.engine.core.internal.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.api.ConnectorKind;

/**
 * One plugin as the REST API and the shell describe it: its name (the jar's file name in {@code plugins/} without
 * {@code .jar}), bundle, version and state, what it provides, and the rules using it. A connector type or function
 * built into a non-plugin bundle (the engine's memory connector, say) is described with {@code builtin} set.
 */
public record PluginInfo(String name, String file, long bundleId, String symbolicName, String version, String state,
        long lastModified, List<ConnectorOffer> connectors, List<String> functions, List<String> rules,
        boolean builtin) {

    /** The connector types of a kind (a source kind includes lookup sources). */
    public List<String> types(ConnectorKind kind) {
        List<String> out = new ArrayList<>();
        for (ConnectorOffer c : connectors) {
            if (c.kind() == kind && !out.contains(c.type())) {
                out.add(c.type());
            }
        }
        return out;
    }

    public boolean provides(ConnectorKind kind, String type) {
        return connectors.contains(new ConnectorOffer(kind, type));
    }

    /** eKuiper's describe shape ({@code name}, {@code version}) plus Oort's details. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("version", version);
        m.put("bundle", symbolicName);
        m.put("bundleId", bundleId);
        m.put("state", state);
        if (file != null) {
            m.put("file", file);
        }
        m.put("builtin", builtin);
        m.put("sources", types(ConnectorKind.SOURCE));
        m.put("sinks", types(ConnectorKind.SINK));
        m.put("lookups", types(ConnectorKind.LOOKUP));
        m.put("functions", functions);
        m.put("rules", rules);
        m.put("lastModified", lastModified);
        return m;
    }
}
