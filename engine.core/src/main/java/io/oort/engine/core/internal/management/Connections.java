package io.oort.engine.core.internal.management;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.internal.catalog.StreamCatalog;
import io.oort.engine.core.internal.connector.ConfKeys;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.rule.RuleManager;
import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.sql.ast.StreamStatement;

/**
 * Named connections ({@code /connections}): connection profiles kept with the conf keys (kind connections, as in
 * {@code etc/connections/connection.yaml}), selected by sources and sinks with {@code connectionSelector} — the plain
 * id (eKuiper 2.x) or {@code type.id} (1.x). A connection that a running rule uses cannot be changed or dropped; its
 * status is what those rules' connectors report.
 */
public final class Connections {

    private final ConfKeys confKeys;
    private final RuleManager rules;
    private final StreamCatalog catalog;
    private final ConnectorRegistry connectors;

    public Connections(ConfKeys confKeys, RuleManager rules, StreamCatalog catalog, ConnectorRegistry connectors) {
        this.confKeys = confKeys;
        this.rules = rules;
        this.catalog = catalog;
        this.connectors = connectors;
    }

    /** Every connection as {@code {"id","typ","props","isNamed","status"?,"refCount"?}}, sorted by type then id. */
    public List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String type : confKeys.types(ConfKeys.Kind.CONNECTIONS)) {
            for (Map.Entry<String, Map<String, Object>> e : confKeys.all(ConfKeys.Kind.CONNECTIONS, type).entrySet()) {
                out.add(describe(e.getKey(), type, e.getValue()));
            }
        }
        return out;
    }

    public Map<String, Object> get(String id) throws ServiceException {
        String type = typeOf(id);
        return describe(id, type, confKeys.get(ConfKeys.Kind.CONNECTIONS, type, id));
    }

    public synchronized void create(String id, String typ, Map<String, Object> props) throws ServiceException {
        Ids.check(id);
        checkType(typ);
        if (confKeys.connectionType(id) != null) {
            throw ServiceException.badRequest(ServiceException.UNDEFINED, "connection " + id + " already been created");
        }
        confKeys.put(ConfKeys.Kind.CONNECTIONS, typ, id, props == null ? Map.of() : props);
    }

    public synchronized void update(String id, String typ, Map<String, Object> props) throws ServiceException {
        String old = typeOf(id);
        checkType(typ);
        refuseIfUsed(id, old, "updated");
        if (!old.equals(typ)) {
            confKeys.delete(ConfKeys.Kind.CONNECTIONS, old, id);
        }
        confKeys.put(ConfKeys.Kind.CONNECTIONS, typ, id, props == null ? Map.of() : props);
    }

    public synchronized void delete(String id) throws ServiceException {
        String type = typeOf(id);
        refuseIfUsed(id, type, "dropped");
        confKeys.delete(ConfKeys.Kind.CONNECTIONS, type, id);
    }

    private String typeOf(String id) throws ServiceException {
        String type = confKeys.connectionType(id);
        if (type == null) {
            throw ServiceException.notFound("connection " + id + " not existed");
        }
        return type;
    }

    private void checkType(String typ) throws ServiceException {
        if (typ == null || typ.isBlank()) {
            throw ServiceException.badRequest(ServiceException.UNDEFINED, "connection id and type should be defined");
        }
        for (ConnectorKind k : ConnectorKind.values()) {
            if (connectors.find(k, typ) != null) {
                return;
            }
        }
        List<String> types = new ArrayList<>();
        connectors.all().forEach(e -> {
            if (!types.contains(e.type())) {
                types.add(e.type());
            }
        });
        throw ServiceException.badRequest(ServiceException.UNDEFINED, "unknown connection type " + typ
                + " (installed connectors: " + String.join(", ", types) + ")");
    }

    private void refuseIfUsed(String id, String type, String verb) throws ServiceException {
        List<String> users = new ArrayList<>(usage(id, type).keySet());
        if (!users.isEmpty()) {
            throw ServiceException.badRequest(ServiceException.UNDEFINED, "connection " + id + " can't be " + verb
                    + " due to rule references " + users);
        }
    }

    private Map<String, Object> describe(String id, String type, Map<String, Object> props) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("typ", type);
        m.put("props", props);
        m.put("isNamed", true);
        Map<String, Integer> usage = usage(id, type);
        if (!usage.isEmpty()) {
            int worst = 1;
            for (int s : usage.values()) {
                worst = Math.min(worst, s);
            }
            m.put("status", worst == 1 ? "connected" : worst == 0 ? "connecting" : "disconnected");
            m.put("refCount", usage.size());
        }
        return m;
    }

    /** The running rules that select this connection, with the connection status their connectors report. */
    private Map<String, Integer> usage(String id, String type) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String ruleId : rules.runningIds()) {
            try {
                RuleDef def = rules.definition(ruleId);
                Map<String, Object> status = rules.status(ruleId);
                for (StreamStatement st : Dependencies.streams(def, catalog)) {
                    for (String sel : Dependencies.sourceSelectors(st, confKeys)) {
                        if (Dependencies.selects(sel, type, id)) {
                            merge(out, ruleId, status.get("source_" + st.name() + "_0_connection_status"));
                        }
                    }
                }
                int i = 0;
                for (RuleDef.Action a : def.actions()) {
                    for (String sel : Dependencies.sinkSelectors(a, confKeys)) {
                        if (Dependencies.selects(sel, type, id)) {
                            merge(out, ruleId, status.get("sink_" + a.type() + "_" + i + "_0_connection_status"));
                        }
                    }
                    i++;
                }
            } catch (ServiceException e) {
                // the rule went away meanwhile
            }
        }
        return out;
    }

    private static void merge(Map<String, Integer> out, String rule, Object status) {
        int s = status instanceof Number n ? n.intValue() : 0;
        out.merge(rule, s, Math::min);
    }
}
