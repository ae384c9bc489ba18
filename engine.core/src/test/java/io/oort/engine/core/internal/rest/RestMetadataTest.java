package io.oort.engine.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.TestEngines;

/** Connections, metadata, conf keys and metrics through REST. */
class RestMetadataTest {

    private EngineService engine;
    private RestCalls rest;

    @BeforeEach
    void setUp() {
        engine = TestEngines.open(null);
        rest = RestCalls.of(engine, 1 << 20, null);
    }

    @AfterEach
    void tearDown() {
        TestEngines.close(engine);
    }

    @Test
    void connectorMetadataComesFromThePropertyDeclarations() throws Exception {
        JsonNode sinks = rest.get("/metadata/sinks").json();
        assertEquals("log", sinks.get(0).get("name").asText());
        assertEquals("internal", sinks.get(0).get("type").asText());
        assertTrue(sinks.get(0).get("about").get("installed").asBoolean());
        JsonNode memory = rest.get("/metadata/sinks/memory").json();
        JsonNode topic = memory.get("properties").get(0);
        assertEquals("topic", topic.get("name").asText());
        assertEquals("string", topic.get("type").asText());
        assertFalse(topic.get("optional").asBoolean());
        assertEquals("text", topic.get("control").asText());
        assertTrue(topic.get("hint").get("en_US").asText().length() > 0);
        JsonNode nop = rest.get("/metadata/sinks/nop").json().get("properties").get(0);
        assertEquals("bool", nop.get("type").asText());
        assertFalse(nop.get("default").asBoolean());
        assertEquals("memory", rest.get("/metadata/sources").json().get(0).get("name").asText());
        var missing = rest.get("/metadata/sources/nope");
        assertEquals(404, missing.status());
        assertEquals("This plugin was not found:nope", missing.json().get("message").asText());
        JsonNode functions = rest.get("/metadata/functions").json();
        assertEquals("internal", functions.get(0).get("name").asText());
        assertTrue(functions.get(0).get("functions").size() > 100, "the built-in functions are listed");
    }

    @Test
    void confKeysCrud() throws Exception {
        assertEquals("{}", rest.get("/metadata/sinks/yaml/memory").body());
        assertEquals(200, rest.put("/metadata/sinks/memory/confKeys/k1", "{\"topic\":\"a/b\"}").status());
        assertEquals("{\"k1\":{\"topic\":\"a/b\"}}", rest.get("/metadata/sinks/yaml/memory").body());
        var badType = rest.put("/metadata/sinks/nop/confKeys/k2", "{\"log\":\"maybe\"}");
        assertEquals(400, badType.status());
        assertEquals(5000, badType.json().get("error").asInt());
        assertEquals(400, rest.put("/metadata/sinks/memory/confKeys/bad%20key", "{}").status());
        assertEquals(400, rest.put("/metadata/sinks/memory/confKeys/k3", "[1]").status());
        assertEquals(200, rest.delete("/metadata/sinks/memory/confKeys/k1").status());
        assertEquals("{}", rest.get("/metadata/sinks/yaml/memory").body());
        assertEquals(404, rest.delete("/metadata/sinks/memory/confKeys/k1").status());
        assertEquals(404, rest.get("/metadata/sources/yaml/nope").status());
        assertEquals(200, rest.put("/metadata/connections/memory/confKeys/c1", "{\"a\":1}").status());
        assertEquals("{\"c1\":{\"a\":1}}", rest.get("/metadata/connections/yaml/memory").body());
    }

    @Test
    void connectionsCrudWithReferenceChecks() throws Exception {
        var created = rest.post("/connections", "{\"id\":\"conn1\",\"typ\":\"memory\",\"props\":{\"topic\":\"out/c\"}}");
        assertEquals(201, created.status(), created.body());
        assertEquals("success", created.body());
        assertEquals(400, rest.post("/connections", "{\"id\":\"conn1\",\"typ\":\"memory\",\"props\":{}}").status());
        assertEquals(400, rest.post("/connections", "{\"id\":\"bad id\",\"typ\":\"memory\"}").status());
        assertEquals(400, rest.post("/connections", "{\"id\":\"c2\",\"typ\":\"nosuch\"}").status());
        assertEquals(400, rest.post("/connections", "{\"id\":\"c2\",\"typ\":\"memory\",\"props\":[1]}").status());
        JsonNode one = rest.get("/connections/conn1").json();
        assertEquals("memory", one.get("typ").asText());
        assertEquals("out/c", one.get("props").get("topic").asText());
        assertFalse(one.has("status"), "an unused connection has no status");
        assertEquals(1, rest.get("/connections").json().size());

        rest.post("/streams", "{\"sql\":\"CREATE STREAM s () WITH (TYPE=\\\"memory\\\", DATASOURCE=\\\"in/s\\\")\"}");
        LinkedBlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
        engine.memoryBus().subscribe("out/c", out::add);
        var rule = rest.post("/rules", "{\"id\":\"r\",\"sql\":\"SELECT * FROM s\",\"actions\":[{\"memory\":"
                + "{\"topic\":\"out/c\",\"connectionSelector\":\"conn1\"}}]}");
        assertEquals(201, rule.status(), rule.body());
        engine.memoryBus().publish("in/s", Map.of("x", 1));
        assertTrue(out.poll(5, TimeUnit.SECONDS) != null);
        JsonNode used = rest.get("/connections/conn1").json();
        assertEquals(1, used.get("refCount").asInt());
        assertEquals("connected", used.get("status").asText());
        var refused = rest.delete("/connections/conn1");
        assertEquals(400, refused.status());
        assertTrue(refused.json().get("message").asText().contains("rule references [r]"), refused.body());
        assertEquals(400, rest.put("/connections/conn1", "{\"typ\":\"memory\",\"props\":{}}").status());
        rest.post("/rules/r/stop", "");
        assertEquals(200, rest.put("/connections/conn1", "{\"typ\":\"memory\",\"props\":{\"topic\":\"x\"}}").status());
        assertEquals("x", rest.get("/connections/conn1").json().get("props").get("topic").asText());
        assertEquals(200, rest.delete("/connections/conn1").status());
        assertEquals(404, rest.get("/connections/conn1").status());
        assertEquals(404, rest.delete("/connections/conn1").status());
    }

    @Test
    void metricsInPrometheusText() throws Exception {
        rest.post("/streams", "{\"sql\":\"CREATE STREAM s () WITH (TYPE=\\\"memory\\\", DATASOURCE=\\\"in/s\\\")\"}");
        rest.post("/rules", "{\"id\":\"r1\",\"sql\":\"SELECT * FROM s\",\"actions\":[{\"memory\":{\"topic\":\"o\"}}]}");
        rest.post("/rules", "{\"id\":\"r2\",\"sql\":\"SELECT * FROM s\",\"actions\":[{\"log\":{}}],\"triggered\":false}");
        LinkedBlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
        engine.memoryBus().subscribe("o", out::add);
        engine.memoryBus().publish("in/s", Map.of("x", 1));
        assertTrue(out.poll(5, TimeUnit.SECONDS) != null);
        var m = rest.get("/metrics");
        assertEquals(200, m.status());
        assertTrue(m.contentType().startsWith("text/plain; version=0.0.4"), m.contentType());
        String text = m.body();
        assertTrue(text.contains("# TYPE kuiper_source_records_in_total counter\n"), text);
        assertTrue(text.contains("kuiper_source_records_in_total{rule=\"r1\",type=\"source\",op=\"s\",op_instance=\"0\"} 1\n"),
                text);
        assertTrue(text.contains("kuiper_sink_records_in_total{rule=\"r1\",type=\"sink\",op=\"memory_0\",op_instance=\"0\"} 1\n"),
                text);
        assertTrue(text.contains("oort_source_records_in_total{rule=\"r1\""), text);
        assertTrue(text.contains("kuiper_rule_status{rule=\"r1\"} 1\n"), text);
        assertTrue(text.contains("kuiper_rule_status{rule=\"r2\"} 0\n"), text);
        assertTrue(text.contains("kuiper_rule_count{status=\"running\"} 1\n"), text);
    }
}
