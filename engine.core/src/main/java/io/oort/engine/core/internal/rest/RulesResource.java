package io.oort.engine.core.internal.rest;

import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.ServiceException;

/** {@code /rules}: create, list, get, update, delete, start/stop/restart, status, validate. */
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
        r.get("/rules/{id}", req -> call(() -> RestResponse.json(engine.rules().definition(req.param("id")).tree()),
                "describe rule error"));
        r.put("/rules/{id}", req -> call(() -> RestResponse.text(engine.rules().update(
                RuleDef.parse(new String(req.body(), java.nio.charset.StandardCharsets.UTF_8), req.param("id")))),
                "update rule error"));
        r.delete("/rules/{id}", req -> call(() -> RestResponse.text(engine.rules().delete(req.param("id"))),
                "delete rule error"));
        r.post("/rules/{id}/start", req -> call(() -> RestResponse.text(engine.rules().start(req.param("id"))),
                "start rule error"));
        r.post("/rules/{id}/stop", req -> call(() -> RestResponse.text(engine.rules().stop(req.param("id"))),
                "stop rule error"));
        r.post("/rules/{id}/restart", req -> call(() -> RestResponse.text(engine.rules().restart(req.param("id"))),
                "restart rule error"));
        r.get("/rules/{id}/status", req -> call(() -> RestResponse.json(engine.rules().status(req.param("id"))),
                "get rule status error"));
    }

    /** A service call with eKuiper's "<prefix>: <message>" errors. */
    interface Call {
        RestResponse run() throws ServiceException;
    }

    static RestResponse call(Call c, String prefix) {
        try {
            return c.run();
        } catch (ServiceException e) {
            throw StreamsResource.error(e, prefix);
        }
    }

    private RestResponse create(RestRequest req) {
        req.json(); // a clean 400 for malformed JSON
        return call(() -> RestResponse.text(201, engine.rules().create(
                RuleDef.parse(new String(req.body(), java.nio.charset.StandardCharsets.UTF_8), null))),
                "create rule error");
    }

    private RestResponse validate(RestRequest req) {
        try {
            RuleDef def = RuleDef.parse(new String(req.body(), java.nio.charset.StandardCharsets.UTF_8), null);
            engine.rules().validate(def);
            return RestResponse.text("The rule has been successfully validated and is confirmed to be correct.");
        } catch (ServiceException e) {
            if (e.getMessage().startsWith("Invalid body")) {
                throw StreamsResource.error(e, null);
            }
            throw new RestException(422, e.code(), e.getMessage());
        }
    }
}
