package io.oort.engine.core.internal.rest;

import io.oort.engine.core.internal.service.EngineService;

/** {@code /}, {@code /ping} and {@code /metrics} (Prometheus text); {@code /plugins} is PluginsResource's. */
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
    }
}
