package io.oort.engine.core.internal.management;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.internal.catalog.StreamCatalog;
import io.oort.engine.core.internal.catalog.StreamDef;
import io.oort.engine.core.internal.connector.ConfKeys;
import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.rule.RuleManager;
import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.core.internal.store.Store;
import io.oort.engine.core.internal.util.EngineThreads;
import io.oort.engine.sql.ast.StreamStatement;

/**
 * eKuiper's batch configuration: export everything or some rules with what they depend on, and import a file.
 * Unlike eKuiper, a full import is all-or-nothing: every entry is checked first and the change is one store
 * transaction, so a bad entry leaves the previous state intact (and is named in the error). A partial import
 * applies the good entries and reports the bad ones, as eKuiper does.
 */
public final class DataTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(DataTransfer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATUS_TABLE = "import_status";

    /** The outcome of an import: whether it was applied without errors, and the per-entry messages. */
    public record Result(boolean ok, Sections errors) {
    }

    private final StreamCatalog catalog;
    private final RuleManager rules;
    private final ConfKeys confKeys;
    private final Store store;
    private final Runnable shutdown;

    /**
     * @param shutdown stops the engine (import with {@code stop=1}); runs on its own thread after the answer
     */
    public DataTransfer(StreamCatalog catalog, RuleManager rules, ConfKeys confKeys, Store store, Runnable shutdown) {
        this.catalog = catalog;
        this.rules = rules;
        this.confKeys = confKeys;
        this.store = store;
        this.shutdown = shutdown;
    }

    // ---------------------------------------------------------------------------------------------- export

    /** Everything: streams, tables, rules (with their desired state as {@code triggered}) and changed conf keys. */
    public synchronized Sections exportAll() {
        Sections s = new Sections();
        for (StreamDef d : catalog.all()) {
            s.put(d.table() ? Sections.TABLES : Sections.STREAMS, d.name(), d.sql());
        }
        for (String id : rules.ids()) {
            try {
                s.put(Sections.RULES, id, rules.definition(id).withTriggered(rules.wanted(id)).json());
            } catch (ServiceException e) {
                // deleted meanwhile
            }
        }
        putConf(s, Sections.SOURCE_CONFIG, confKeys.stored(ConfKeys.Kind.SOURCES), null);
        putConf(s, Sections.SINK_CONFIG, confKeys.stored(ConfKeys.Kind.SINKS), null);
        putConf(s, Sections.CONNECTION_CONFIG, confKeys.stored(ConfKeys.Kind.CONNECTIONS), null);
        return s;
    }

    /**
     * The given rules with the streams and tables they read and the changed conf keys they use (CONF_KEY or
     * {@code default} of their sources, {@code resourceId} of their sinks, the connections both select).
     */
    public synchronized Sections exportRules(List<String> ids) throws ServiceException {
        Sections s = new Sections();
        Map<String, Set<String>> sourceKeys = new LinkedHashMap<>();
        Map<String, Set<String>> sinkKeys = new LinkedHashMap<>();
        Set<String> selectors = new LinkedHashSet<>();
        for (String id : ids) {
            RuleDef def = rules.definition(id);
            s.put(Sections.RULES, id, def.withTriggered(rules.wanted(id)).json());
            for (StreamStatement st : Dependencies.streams(def, catalog)) {
                StreamDef d = catalog.find(st.name());
                s.put(d.table() ? Sections.TABLES : Sections.STREAMS, d.name(), d.sql());
                String key = st.options().confKey() == null || st.options().confKey().isEmpty() ? "default"
                        : st.options().confKey();
                sourceKeys.computeIfAbsent(st.options().type(), k -> new LinkedHashSet<>()).add("default");
                sourceKeys.get(st.options().type()).add(key);
                selectors.addAll(Dependencies.sourceSelectors(st, confKeys));
            }
            for (RuleDef.Action a : def.actions()) {
                Object rid = a.props().get("resourceId");
                if (rid != null) {
                    sinkKeys.computeIfAbsent(a.type(), k -> new LinkedHashSet<>()).add(String.valueOf(rid));
                }
                selectors.addAll(Dependencies.sinkSelectors(a, confKeys));
            }
        }
        putConf(s, Sections.SOURCE_CONFIG, confKeys.stored(ConfKeys.Kind.SOURCES), sourceKeys);
        putConf(s, Sections.SINK_CONFIG, confKeys.stored(ConfKeys.Kind.SINKS), sinkKeys);
        Map<String, Set<String>> connKeys = new LinkedHashMap<>();
        for (String sel : selectors) {
            int dot = sel.indexOf('.');
            String type = dot > 0 ? sel.substring(0, dot) : confKeys.connectionType(sel);
            if (type != null) {
                connKeys.computeIfAbsent(type, k -> new LinkedHashSet<>()).add(dot > 0 ? sel.substring(dot + 1) : sel);
            }
        }
        putConf(s, Sections.CONNECTION_CONFIG, confKeys.stored(ConfKeys.Kind.CONNECTIONS), connKeys);
        return s;
    }

    private static void putConf(Sections s, String section, Map<String, Map<String, Map<String, Object>>> stored,
            Map<String, Set<String>> only) {
        for (Map.Entry<String, Map<String, Map<String, Object>>> e : stored.entrySet()) {
            Map<String, Map<String, Object>> keys = new LinkedHashMap<>(e.getValue());
            if (only != null) {
                Set<String> wanted = only.getOrDefault(e.getKey(), Set.of());
                keys.keySet().removeIf(k -> wanted.stream().noneMatch(k::equalsIgnoreCase));
            }
            if (!keys.isEmpty()) {
                try {
                    s.put(section, e.getKey(), JSON.writeValueAsString(keys));
                } catch (JsonProcessingException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
    }

    /** The legacy ruleset export: only streams, tables and rules. */
    public synchronized Map<String, Map<String, String>> exportRuleset() {
        Sections all = exportAll();
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        out.put(Sections.STREAMS, all.get(Sections.STREAMS));
        out.put(Sections.TABLES, all.get(Sections.TABLES));
        out.put(Sections.RULES, all.get(Sections.RULES));
        return out;
    }

    // ---------------------------------------------------------------------------------------------- import

    /**
     * Imports a configuration file.
     *
     * @param partial keep what exists and add or replace the file's entries; otherwise replace everything
     * @param stop    store the import without starting rules, then stop the engine (eKuiper's {@code stop=1})
     * @throws ServiceException when the content is not a configuration file (nothing changed)
     */
    public synchronized Result importData(String content, boolean partial, boolean stop) throws ServiceException {
        Sections file;
        try {
            file = Sections.parse(content);
        } catch (IllegalArgumentException e) {
            throw ServiceException.badRequest(ServiceException.GENERAL, e.getMessage());
        }
        ImportPlan plan = ImportPlan.check(file, partial, catalog, rules, confKeys);
        Sections errors = plan.errors();
        if (!partial && !errors.onlyNotices()) {
            saveStatus(errors);
            LOG.warn("import refused, nothing changed: {}", errors.toJson());
            return new Result(false, errors);
        }
        apply(plan, partial, stop);
        saveStatus(errors);
        LOG.info("imported {} streams/tables, {} rules, {} conf key sets{}", plan.streams().size(),
                plan.rules().size(), plan.confs().size(), partial ? " (partial)" : "");
        if (stop) {
            Thread t = EngineThreads.daemon(() -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                shutdown.run();
            }, "oort-import-stop");
            t.start();
        }
        return new Result(errors.onlyNotices(), errors);
    }

    private void apply(ImportPlan plan, boolean partial, boolean stop) {
        Collection<String> affected = null;
        if (partial) {
            Set<String> ids = new LinkedHashSet<>(plan.rules().keySet());
            for (String stream : plan.streams().keySet()) {
                ids.addAll(rules.readers(stream));
            }
            affected = ids;
        }
        rules.suspend(affected);
        try {
            store.write(tx -> {
                if (!partial) {
                    StreamCatalog.clear(tx);
                    RuleManager.clear(tx);
                    ConfKeys.clearStored(tx);
                }
                plan.streams().forEach((name, sql) -> StreamCatalog.write(tx, name, sql));
                for (ImportPlan.Conf c : plan.confs()) {
                    ConfKeys.put(tx, c.kind(), c.type(), c.key(), c.props());
                }
                for (RuleDef def : plan.rules().values()) {
                    RuleManager.write(tx, def, def.triggered());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("import failed to commit; the previous state stays", e);
            rules.reload(affected, true);
            throw e;
        }
        catalog.reload();
        rules.reload(affected, !stop);
    }

    /** The legacy ruleset import: streams, tables and rules are added or replaced; bad entries are skipped. */
    public synchronized String importRuleset(String content) throws ServiceException {
        Sections file;
        try {
            file = Sections.parse(content);
        } catch (IllegalArgumentException e) {
            throw ServiceException.badRequest(ServiceException.GENERAL, e.getMessage());
        }
        Sections only = new Sections();
        for (String section : List.of(Sections.STREAMS, Sections.TABLES, Sections.RULES)) {
            file.get(section).forEach((k, v) -> only.put(section, k, v));
        }
        ImportPlan plan = ImportPlan.check(only, true, catalog, rules, confKeys);
        apply(plan, true, false);
        int streams = 0;
        int tables = 0;
        for (String name : plan.streams().keySet()) {
            if (catalog.find(name) != null && catalog.find(name).table()) {
                tables++;
            } else {
                streams++;
            }
        }
        return "imported " + streams + " streams, " + tables + " tables and " + plan.rules().size() + " rules";
    }

    /** The errors of the last import, every section present (all empty after a clean import). */
    public Sections status() {
        String json = store.get(STATUS_TABLE, "last");
        Sections s = new Sections();
        if (json != null) {
            try {
                Map<String, Map<String, String>> m = JSON.readValue(json,
                        new TypeReference<Map<String, Map<String, String>>>() { });
                m.forEach((section, entries) -> {
                    if (s.get(section) != null) {
                        entries.forEach((k, v) -> s.put(section, k, v));
                    }
                });
            } catch (JsonProcessingException e) {
                LOG.warn("stored import status is unreadable: {}", e.getMessage());
            }
        }
        return s;
    }

    private void saveStatus(Sections errors) {
        store.put(STATUS_TABLE, "last", errors.toJson());
    }
}
