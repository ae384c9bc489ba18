package io.oort.engine.core.internal.rest;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.internal.service.EngineService;

/** {@code /connections}: named connections {@code {"id","typ","props"}} with their status. */
final class ConnectionsResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request body: id, type and properties. */
    private record Body(String id, String typ, Map<String, Object> props) {
    }

    private final EngineService engine;

    ConnectionsResource(EngineService engine) {
        this.engine = engine;
    }

    void register(Router r) {
        r.get("/connections", req -> RestResponse.json(engine.connections().list()));
        r.post("/connections", req -> {
            Body b = body(req);
            return RulesResource.call(() -> {
                engine.connections().create(b.id, b.typ, b.props);
                return RestResponse.text(201, "success");
            }, "create connection failed");
        });
        r.get("/connections/{id}", req -> RulesResource.call(() -> RestResponse.json(
                engine.connections().get(req.param("id"))), ""));
        r.put("/connections/{id}", req -> {
            Body b = body(req);
            return RulesResource.call(() -> {
                engine.connections().update(req.param("id"), b.typ, b.props);
                return RestResponse.text("success");
            }, "update connection failed");
        });
        r.delete("/connections/{id}", req -> RulesResource.call(() -> {
            engine.connections().delete(req.param("id"));
            return RestResponse.text("success");
        }, "drop connection failed"));
    }

    @SuppressWarnings("unchecked")
    private static Body body(RestRequest req) {
        JsonNode n = req.json();
        if (!n.isObject()) {
            throw RestException.badRequest(RestException.UNDEFINED, "Invalid body: expected {\"id\",\"typ\",\"props\"}");
        }
        JsonNode id = n.get("id");
        JsonNode typ = n.get("typ");
        JsonNode props = n.get("props");
        if ((id != null && !id.isNull() && !id.isTextual()) || (typ != null && !typ.isNull() && !typ.isTextual())) {
            throw RestException.badRequest(RestException.UNDEFINED, "Invalid body: id and typ must be strings");
        }
        if (props != null && !props.isNull() && !props.isObject()) {
            throw RestException.badRequest(RestException.UNDEFINED, "Invalid body: props must be an object");
        }
        return new Body(id == null || id.isNull() ? null : id.asText(), typ == null || typ.isNull() ? null
                : typ.asText(), props == null || props.isNull() ? Map.of() : JSON.convertValue(props, Map.class));
    }
}
