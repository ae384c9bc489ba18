package io.oort.engine.core.internal.rest;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.internal.connector.ConfKeys;
import io.oort.engine.core.internal.service.EngineService;

/**
 * {@code /metadata}: connector forms (from the connectors' property declarations), conf keys of sources, sinks and
 * connections ({@code yaml/{type}} and {@code {type}/confKeys/{key}}), and the function list.
 */
final class MetadataResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineService engine;

    MetadataResource(EngineService engine) {
        this.engine = engine;
    }

    void register(Router r) {
        r.get("/metadata/functions", req -> RestResponse.json(engine.metadata().functions()));
        r.get("/metadata/sources", req -> RestResponse.json(engine.metadata().list(
                "lookup".equalsIgnoreCase(req.query("kind")) ? ConnectorKind.LOOKUP : ConnectorKind.SOURCE)));
        r.get("/metadata/sinks", req -> RestResponse.json(engine.metadata().list(ConnectorKind.SINK)));
        r.get("/metadata/connections", req -> RestResponse.json(engine.metadata().connectionTypes()));
        r.get("/metadata/sources/{name}", req -> RulesResource.call(() -> RestResponse.json(
                engine.metadata().describe(ConnectorKind.SOURCE, req.param("name"))), ""));
        r.get("/metadata/sinks/{name}", req -> RulesResource.call(() -> RestResponse.json(
                engine.metadata().describe(ConnectorKind.SINK, req.param("name"))), ""));
        r.get("/metadata/connections/{name}", req -> RulesResource.call(() -> RestResponse.json(
                engine.metadata().describeConnection(req.param("name"))), ""));
        for (ConfKeys.Kind kind : ConfKeys.Kind.values()) {
            String base = "/metadata/" + kind.name().toLowerCase();
            r.get(base + "/yaml/{name}", req -> RulesResource.call(() -> RestResponse.json(
                    engine.metadata().confKeys(kind, req.param("name"))), ""));
            r.put(base + "/{name}/confKeys/{key}", req -> putKey(req, kind));
            r.delete(base + "/{name}/confKeys/{key}", req -> RulesResource.call(() -> {
                engine.metadata().deleteConfKey(kind, req.param("name"), req.param("key"));
                return RestResponse.empty();
            }, ""));
        }
    }

    @SuppressWarnings("unchecked")
    private RestResponse putKey(RestRequest req, ConfKeys.Kind kind) {
        JsonNode n = req.json();
        if (!n.isObject()) {
            throw RestException.badRequest(RestException.CONF_KEY, "Invalid body: the conf key's properties must be "
                    + "a JSON object");
        }
        Map<String, Object> props = JSON.convertValue(n, Map.class);
        return RulesResource.call(() -> {
            engine.metadata().putConfKey(kind, req.param("name"), req.param("key"), props);
            return RestResponse.empty();
        }, "");
    }
}
