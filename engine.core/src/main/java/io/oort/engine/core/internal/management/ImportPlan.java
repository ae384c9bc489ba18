package io.oort.engine.core.internal.management;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.internal.catalog.StreamCatalog;
import io.oort.engine.core.internal.catalog.StreamDef;
import io.oort.engine.core.internal.connector.ConfKeys;
import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.rule.RuleManager;
import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.sql.ast.StreamStatement;

/**
 * An import checked entry by entry before anything changes: the streams, tables, conf keys and rules that are
 * valid, and an error for each one that is not. Rules are checked against the streams as they will be after the
 * import (the file's, plus the existing ones when the import is partial).
 */
record ImportPlan(Map<String, String> streams, List<Conf> confs, Map<String, RuleDef> rules, Sections errors) {

    /** One conf key to write. */
    record Conf(ConfKeys.Kind kind, String type, String key, Map<String, Object> props) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static ImportPlan check(Sections file, boolean partial, StreamCatalog catalog, RuleManager rules,
            ConfKeys confKeys) {
        Sections errors = new Sections();
        Map<String, String> streams = new LinkedHashMap<>();
        Map<String, StreamStatement> view = new HashMap<>();
        if (partial) {
            for (StreamDef d : catalog.all()) {
                view.put(d.name(), d.statement());
            }
        }
        for (String section : List.of(Sections.STREAMS, Sections.TABLES)) {
            for (Map.Entry<String, String> e : file.get(section).entrySet()) {
                try {
                    StreamStatement st = StreamCatalog.parse(e.getValue());
                    if (!st.name().equals(e.getKey())) {
                        throw ServiceException.badRequest(ServiceException.STREAM, "the statement defines "
                                + st.name() + ", not " + e.getKey());
                    }
                    catalog.check(st);
                    streams.put(st.name(), e.getValue());
                    view.put(st.name(), st);
                } catch (ServiceException ex) {
                    errors.put(section, e.getKey(), ex.getMessage());
                }
            }
        }
        List<Conf> confs = new ArrayList<>();
        conf(file, Sections.SOURCE_CONFIG, ConfKeys.Kind.SOURCES, confs, errors);
        conf(file, Sections.SINK_CONFIG, ConfKeys.Kind.SINKS, confs, errors);
        conf(file, Sections.CONNECTION_CONFIG, ConfKeys.Kind.CONNECTIONS, confs, errors);
        Map<String, RuleDef> ruleDefs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : file.get(Sections.RULES).entrySet()) {
            try {
                RuleDef def = RuleDef.parse(e.getValue(), e.getKey());
                rules.validate(def, view::get);
                ruleDefs.put(def.id(), def);
            } catch (ServiceException ex) {
                errors.put(Sections.RULES, e.getKey(), ex.getMessage());
            }
        }
        for (String section : Sections.UNSUPPORTED) {
            for (String name : file.get(section).keySet()) {
                errors.put(section, name, "skipped: Oort does not import " + section);
            }
        }
        return new ImportPlan(streams, confs, ruleDefs, errors);
    }

    /** A conf section: {type: "{\"key\": {props}}"}. */
    private static void conf(Sections file, String section, ConfKeys.Kind kind, List<Conf> out, Sections errors) {
        for (Map.Entry<String, String> e : file.get(section).entrySet()) {
            Map<String, Map<String, Object>> keys;
            try {
                keys = JSON.readValue(e.getValue(), new TypeReference<LinkedHashMap<String, Map<String, Object>>>() { });
            } catch (JsonProcessingException ex) {
                errors.put(section, e.getKey(), "invalid conf keys of " + e.getKey() + ": " + ex.getOriginalMessage());
                continue;
            }
            if (keys == null) {
                continue;
            }
            List<Conf> typeConfs = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> k : keys.entrySet()) {
                if (k.getValue() == null) {
                    errors.put(section, e.getKey(), "conf key " + k.getKey() + " has no properties");
                    typeConfs = null;
                    break;
                }
                typeConfs.add(new Conf(kind, e.getKey(), k.getKey(), k.getValue()));
            }
            if (typeConfs != null) {
                out.addAll(typeConfs);
            }
        }
    }
}
