package io.oort.engine.core.internal.rest;

import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.internal.service.EngineService;

/** {@code /}, {@code /ping} and the connector listings under {@code /plugins}. */
final class SystemResource {

    private final EngineService engine;

    SystemResource(EngineService engine) {
        this.engine = engine;
    }

    void register(Router r) {
        r.get("/ping", req -> RestResponse.empty());
        r.get("/", req -> RestResponse.json(engine.system().describe()));
        r.post("/", req -> RestResponse.json(engine.system().describe()));
        r.get("/metrics", req -> RestResponse.raw(200, engine.prometheus().scrape(),
                "text/plain; version=0.0.4; charset=utf-8"));
        r.get("/plugins/sources", req -> RestResponse.json(engine.connectorTypes(ConnectorKind.SOURCE)));
        r.get("/plugins/sinks", req -> RestResponse.json(engine.connectorTypes(ConnectorKind.SINK)));
        r.get("/plugins/lookups", req -> RestResponse.json(engine.connectorTypes(ConnectorKind.LOOKUP)));
    }
}
