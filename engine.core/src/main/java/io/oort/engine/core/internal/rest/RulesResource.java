package io.oort.engine.core.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.SourceInfo;

/**
 * {@code /rules}: create, list, describe, update, delete, start/stop/restart, status, topology, plan, validate,
 * tags and bulk start/stop — eKuiper's paths, sentences and error prefixes.
 */
final class RulesResource {

    private final EngineService engine;

    RulesResource(EngineService engine) {
        this.engine = engine;
    }

    void register(Router r) {
        r.post("/rules", this::create);
        r.get("/rules", req -> RestResponse.json(engine.rules().list()));
        r.post("/rules/validate", this::validate);
        r.get("/rules/status/all", req -> RestResponse.json(engine.rules().allStatus()));
        r.get("/rules/tags/match", req -> RestResponse.json(Map.of("rules", engine.rules().matchTags(tags(req,
                true)))));
        r.post("/rules/bulkstart", req -> bulk(req, true));
        r.post("/rules/bulkstop", req -> bulk(req, false));
        r.get("/rules/{id}", req -> call(() -> RestResponse.json(engine.rules().definition(req.param("id")).tree()),
                "Describe rule error"));
        r.put("/rules/{id}", req -> call(() -> RestResponse.text(engine.rules().update(
                RuleDef.parse(body(req), req.param("id")))), "Update rule error"));
        r.delete("/rules/{id}", req -> call(() -> RestResponse.text(engine.rules().delete(req.param("id"))),
                "Delete rule error"));
        r.post("/rules/{id}/start", req -> call(() -> RestResponse.text(engine.rules().start(req.param("id"))),
                "start rule error"));
        r.post("/rules/{id}/stop", req -> call(() -> RestResponse.text(engine.rules().stop(req.param("id"))),
                "stop rule error"));
        r.post("/rules/{id}/restart", req -> call(() -> RestResponse.text(engine.rules().restart(req.param("id"))),
                "restart rule error"));
        r.get("/rules/{id}/status", req -> call(() -> RestResponse.json(engine.rules().status(req.param("id"))),
                "get rule status error"));
        r.get("/rules/{id}/topo", req -> call(() -> RestResponse.json(engine.plans().topo(req.param("id"))),
                "get rule topo error"));
        r.get("/rules/{id}/explain", req -> call(() -> RestResponse.text(engine.plans().explain(req.param("id"))),
                "explain rules error"));
        r.put("/rules/{id}/tags", req -> tagsChange(req, 0));
        r.patch("/rules/{id}/tags", req -> tagsChange(req, 1));
        r.delete("/rules/{id}/tags", req -> tagsChange(req, -1));
    }

    /** A service call with eKuiper's "<prefix>: <message>" errors. */
    interface Call {
        RestResponse run() throws ServiceException;
    }

    /** A service call returning a value. */
    interface Get<T> {
        T run() throws ServiceException;
    }

    /** The value of a service call, with eKuiper's "<prefix>: <message>" errors. */
    static <T> T get(Get<T> c, String prefix) {
        try {
            return c.run();
        } catch (ServiceException e) {
            throw StreamsResource.error(e, prefix);
        }
    }

    static RestResponse call(Call c, String prefix) {
        try {
            return c.run();
        } catch (ServiceException e) {
            throw StreamsResource.error(e, prefix);
        }
    }

    private static String body(RestRequest req) {
        return new String(req.body(), StandardCharsets.UTF_8);
    }

    private RestResponse create(RestRequest req) {
        req.json(); // a clean 400 for malformed JSON
        return call(() -> RestResponse.text(201, engine.rules().create(RuleDef.parse(body(req), null))), "");
    }

    /** 200 {"valid":true,"sources":[...]}; 422 when the rule is invalid; 400 when the body is not a JSON object. */
    private RestResponse validate(RestRequest req) {
        JsonNode n = req.json();
        if (!n.isObject()) {
            throw RestException.badRequest(RestException.GENERAL, "Invalid body: the rule must be a JSON object");
        }
        try {
            AnalyzedQuery q = engine.rules().validate(RuleDef.parse(body(req), null));
            List<String> sources = new ArrayList<>();
            for (SourceInfo s : q.sources()) {
                sources.add(s.name());
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("valid", true);
            m.put("sources", sources);
            return RestResponse.json(m);
        } catch (ServiceException e) {
            throw new RestException(422, e.code(), e.getMessage());
        }
    }

    /** The {@code tags} of a body {@code {"tags":[...]}} (or of {@code ?tags=a,b} on GET). */
    private static List<String> tags(RestRequest req, boolean queryAllowed) {
        if (queryAllowed && req.body().length == 0 && req.query("tags") != null) {
            List<String> out = new ArrayList<>();
            for (String t : req.query("tags").split(",")) {
                if (!t.isBlank()) {
                    out.add(t.trim());
                }
            }
            return out;
        }
        JsonNode n;
        try {
            n = req.json();
        } catch (RestException e) {
            throw RestException.badRequest(RestException.GENERAL, "decode body error: " + e.getMessage());
        }
        JsonNode t = n.isObject() ? n.get("tags") : null;
        if (t == null || t.isNull()) {
            return List.of();
        }
        if (!t.isArray()) {
            throw RestException.badRequest(RestException.GENERAL, "decode body error: tags must be an array of "
                    + "strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : t) {
            if (!x.isTextual()) {
                throw RestException.badRequest(RestException.GENERAL, "decode body error: tags must be an array of "
                        + "strings");
            }
            out.add(x.asText());
        }
        return out;
    }

    /** PUT replaces the tags, PATCH (mode 1) adds, DELETE (mode -1) removes. */
    private RestResponse tagsChange(RestRequest req, int mode) {
        List<String> given = tags(req, false);
        return call(() -> {
            String id = req.param("id");
            Set<String> tags = new LinkedHashSet<>(mode == 0 ? List.of() : engine.rules().definition(id).tags());
            if (mode >= 0) {
                tags.addAll(given);
            } else {
                tags.removeAll(given);
            }
            engine.rules().setTags(id, new ArrayList<>(tags));
            return RestResponse.empty();
        }, "Get rule error");
    }

    /** Starts or stops every rule carrying all the given tags; not atomic, one result per rule. */
    private RestResponse bulk(RestRequest req, boolean start) {
        List<String> ids = engine.rules().matchTags(tags(req, false));
        if (ids.isEmpty()) {
            throw RestException.badRequest(RestException.UNDEFINED, "bulk " + (start ? "start" : "stop")
                    + " failed: no matching rules");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", id);
            try {
                if (start) {
                    engine.rules().start(id);
                } else {
                    engine.rules().stop(id);
                }
                m.put("success", true);
            } catch (ServiceException e) {
                m.put("success", false);
                m.put("error", e.getMessage());
            }
            out.add(m);
        }
        return RestResponse.json(out);
    }
}
