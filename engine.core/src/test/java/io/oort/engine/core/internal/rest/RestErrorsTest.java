package io.oort.engine.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oort.engine.core.internal.management.TestTokens;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.TestEngines;

/** Router errors, body limits, malformed input and authentication: clean answers, never a stack trace. */
class RestErrorsTest {

    private EngineService engine;

    @AfterEach
    void tearDown() {
        if (engine != null) {
            TestEngines.close(engine);
        }
    }

    private RestCalls open(Path home, Map<String, String> config, long maxBody) {
        engine = TestEngines.open(home, config);
        return new RestCalls(new RestServlet(RestComponent.routes(engine), new com.fasterxml.jackson.databind.ObjectMapper(),
                maxBody, RestComponent.authenticator(engine)));
    }

    @Test
    void routerAnswersUnknownPathsAndMethods() throws Exception {
        RestCalls rest = open(null, Map.of(), 1 << 20);
        var unknown = rest.get("/nope/nothing");
        assertEquals(404, unknown.status());
        assertEquals(1002, unknown.json().get("error").asInt());
        var method = rest.call("PATCH", "/streams", null);
        assertEquals(405, method.status());
        assertEquals("POST, GET", method.headers().get("Allow"));
        assertEquals(200, rest.get("/ping").status());
        assertTrue(rest.get("/").json().has("version"));
        assertEquals(200, rest.get("/rules/status/all").status(), "literal segments win over {id}");
    }

    @Test
    void malformedAndOversizedBodies() throws Exception {
        RestCalls rest = open(null, Map.of(), 64);
        var broken = rest.post("/streams", "{\"sql\": ");
        assertEquals(400, broken.status());
        assertTrue(broken.json().get("message").asText().startsWith("invalid JSON body"), broken.body());
        assertFalse(broken.body().contains("\tat "), "no stack trace");
        assertEquals(400, rest.post("/streams", "{\"sql\": 5}").status());
        assertEquals(400, rest.post("/streams", "").status());
        var big = rest.post("/streams", "{\"sql\":\"" + "x".repeat(100) + "\"}");
        assertEquals(413, big.status());
        assertTrue(big.json().get("message").asText().contains("exceeds the limit of 64 bytes"), big.body());
    }

    @Test
    void authenticationWithRealTokens(@TempDir Path home) throws Exception {
        TestTokens tokens = new TestTokens();
        tokens.writePublicKey(home.resolve("etc/mgmt"), "test.pub");
        RestCalls rest = open(home, Map.of("basic.authentication", "true"), 1 << 20);
        assertEquals(200, rest.get("/ping").status(), "/ping is open");
        assertEquals(200, rest.get("/").status(), "/ is open");
        var missing = rest.get("/streams");
        assertEquals(401, missing.status());
        assertEquals("missing_token\n", missing.body());
        rest.headers.put("Authorization", tokens.sign("{\"iss\":\"test.pub\",\"aud\":[\"someone\"]}"));
        var wrongAud = rest.get("/streams");
        assertEquals(401, wrongAud.status());
        assertTrue(wrongAud.body().startsWith("audience field should contain eKuiper"));
        rest.headers.put("Authorization", tokens.sign(TestTokens.claims("test.pub")));
        assertEquals(200, rest.get("/streams").status());
        assertEquals(201, rest.post("/streams", "{\"sql\":\"CREATE STREAM s () WITH (TYPE=\\\"memory\\\", "
                + "DATASOURCE=\\\"x\\\")\"}").status());
        rest.headers.put("Authorization", new TestTokens().sign(TestTokens.claims("test.pub")));
        assertEquals(401, rest.get("/streams").status(), "signed by another key");
    }
}
