package io.oort.engine.core.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.oort.engine.core.internal.catalog.StreamDef;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.sql.ast.StreamField;
import io.oort.engine.sql.ast.StreamStatement;

/**
 * {@code /streams} and {@code /tables}: create, list, details, describe, replace, drop, schema — eKuiper's paths,
 * bodies and sentences.
 */
final class StreamsResource {

    private final EngineService engine;

    StreamsResource(EngineService engine) {
        this.engine = engine;
    }

    void register(Router r) {
        for (boolean table : new boolean[] {false, true}) {
            String base = table ? "/tables" : "/streams";
            r.post(base, req -> create(req, table));
            r.get(base, req -> RestResponse.json(names(table, req.query("kind"))));
            r.get(table ? "/tabledetails" : "/streamdetails", req -> RestResponse.json(details(table)));
            r.get(base + "/{name}", req -> describe(req.param("name"), table));
            r.put(base + "/{name}", req -> replace(req, table));
            r.delete(base + "/{name}", req -> drop(req.param("name"), table));
            r.get(base + "/{name}/schema", req -> schema(req.param("name"), table));
        }
    }

    private static String title(boolean table) {
        return table ? "Table" : "Stream";
    }

    static RestException error(ServiceException e, String prefix) {
        return new RestException(e.status(), e.code(), prefix == null ? e.getMessage() : prefix + ": " + e.getMessage());
    }

    private RestResponse create(RestRequest req, boolean table) {
        String sql = sql(req);
        try {
            StreamDef d = engine.catalog().create(sql);
            return RestResponse.text(201, d.kindTitle() + " " + d.name() + " is created.");
        } catch (ServiceException e) {
            throw error(e, title(table) + " command error");
        }
    }

    private static String sql(RestRequest req) {
        JsonNode body = req.json();
        JsonNode sql = body.get("sql");
        if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
            throw RestException.badRequest(RestException.GENERAL, "Invalid body: expected {\"sql\": \"CREATE ...\"}");
        }
        return sql.asText();
    }

    private List<String> names(boolean table, String kind) {
        List<String> out = new ArrayList<>();
        for (StreamDef d : engine.catalog().list(table)) {
            if (kind == null || kind.isEmpty() || kind.equals(d.statement().options().kind())) {
                out.add(d.name());
            }
        }
        return out;
    }

    private List<Map<String, Object>> details(boolean table) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StreamDef d : engine.catalog().list(table)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("type", d.statement().options().type());
            m.put("format", d.statement().options().format());
            out.add(m);
        }
        return out;
    }

    private RestResponse describe(String name, boolean table) {
        StreamDef d;
        try {
            d = engine.catalog().get(name, table);
        } catch (ServiceException e) {
            throw error(e, "describe " + title(table).toLowerCase() + " error");
        }
        return RestResponse.json(describe(d));
    }

    /** eKuiper's describe shape: Name, StreamFields (Name, FieldType), Options, StreamType, Statement. */
    static Map<String, Object> describe(StreamDef d) {
        StreamStatement st = d.statement();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", d.name());
        List<Object> fields = new ArrayList<>();
        for (StreamField f : st.fields()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("Name", f.name());
            fm.put("FieldType", fieldType(f));
            fields.add(fm);
        }
        m.put("StreamFields", fields.isEmpty() ? null : fields);
        m.put("Options", st.options().describe());
        m.put("StreamType", d.table() ? 1 : 0);
        m.put("Statement", d.sql());
        return m;
    }

    private static Object fieldType(StreamField f) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("Type", f.type().kind().ordinal() + 1);
        t.put("Name", f.type().toString());
        return t;
    }

    private RestResponse replace(RestRequest req, boolean table) {
        String name = req.param("name");
        String sql = sql(req);
        try {
            engine.catalog().replace(name, sql, table);
            return RestResponse.text(title(table) + " " + name + " is replaced.");
        } catch (ServiceException e) {
            throw error(e, title(table) + " command error");
        }
    }

    private RestResponse drop(String name, boolean table) {
        try {
            engine.catalog().drop(name, table, engine.rules()::usesStream);
            return RestResponse.text(title(table) + " " + name + " is dropped.");
        } catch (ServiceException e) {
            throw error(e, "delete " + title(table).toLowerCase() + " error");
        }
    }

    private RestResponse schema(String name, boolean table) {
        StreamDef d;
        try {
            d = engine.catalog().get(name, table);
        } catch (ServiceException e) {
            throw error(e, "get schema error");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (StreamField f : d.statement().fields()) {
            m.put(f.name(), f.type().schemaJson());
        }
        return RestResponse.json(m);
    }
}
