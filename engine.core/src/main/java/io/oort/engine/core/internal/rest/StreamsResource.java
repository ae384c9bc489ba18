package io.oort.engine.core.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.oort.engine.core.internal.catalog.StreamDef;
import io.oort.engine.core.internal.management.StreamStatements;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.ServiceException;

/**
 * {@code /streams} and {@code /tables}: create (any stream statement, as eKuiper), list, details, describe, replace,
 * drop, schema — eKuiper's paths, bodies, sentences and error prefixes.
 */
final class StreamsResource {

    private final EngineService engine;

    StreamsResource(EngineService engine) {
        this.engine = engine;
    }

    void register(Router r) {
        for (boolean table : new boolean[] {false, true}) {
            String base = table ? "/tables" : "/streams";
            String kind = table ? "table" : "stream";
            r.post(base, req -> create(req, table));
            r.get(base, req -> RestResponse.json(names(table, req.query("kind"))));
            r.get(table ? "/tabledetails" : "/streamdetails", req -> RestResponse.json(details(table,
                    req.query("kind"))));
            r.get(base + "/{name}", req -> RulesResource.call(() -> RestResponse.json(StreamStatements.describeJson(
                    engine.catalog().get(req.param("name"), table))), "describe " + kind + " error"));
            r.put(base + "/{name}", req -> replace(req, table));
            r.delete(base + "/{name}", req -> RulesResource.call(() -> RestResponse.text(
                    engine.streamStatements().drop(req.param("name"), table)), "delete " + kind + " error"));
            r.get(base + "/{name}/schema", req -> RulesResource.call(() -> RestResponse.json(StreamStatements.schema(
                    engine.catalog().get(req.param("name"), table))), "get schema of " + kind + " error"));
        }
    }

    private static String title(boolean table) {
        return table ? "Table" : "Stream";
    }

    static RestException error(ServiceException e, String prefix) {
        return new RestException(e.status(), e.code(), prefix == null || prefix.isEmpty() ? e.getMessage()
                : prefix + ": " + e.getMessage());
    }

    private RestResponse create(RestRequest req, boolean table) {
        String sql = sql(req);
        return RulesResource.call(() -> RestResponse.text(201, engine.streamStatements().execute(sql)),
                title(table) + " command error");
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
            if (matchesKind(d, table, kind)) {
                out.add(d.name());
            }
        }
        return out;
    }

    /** {@code ?kind=scan|lookup} filters tables (a table without KIND is a scan table). */
    private static boolean matchesKind(StreamDef d, boolean table, String kind) {
        if (!table || kind == null || !(kind.equals("scan") || kind.equals("lookup"))) {
            return true;
        }
        String k = d.statement().options().kind();
        return kind.equals("lookup") ? "lookup".equalsIgnoreCase(k) : !"lookup".equalsIgnoreCase(k);
    }

    private List<Map<String, Object>> details(boolean table, String kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StreamDef d : engine.catalog().list(table)) {
            if (!matchesKind(d, table, kind)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("type", d.statement().options().type().toLowerCase());
            m.put("format", d.statement().options().format().toLowerCase());
            out.add(m);
        }
        return out;
    }

    private RestResponse replace(RestRequest req, boolean table) {
        String name = req.param("name");
        String sql = sql(req);
        return RulesResource.call(() -> {
            engine.catalog().replace(name, sql, table);
            return RestResponse.text(title(table) + " " + name + " is replaced.");
        }, title(table) + " command error");
    }
}
