package io.oort.engine.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.TestEngines;

/** Streams and rules through the REST servlet, in process: eKuiper's sentences, shapes and status codes. */
class RestRulesTest {

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

    private static String rule(String id, String sql, String topic) {
        return "{\"id\":\"" + id + "\",\"sql\":\"" + sql + "\",\"actions\":[{\"memory\":{\"topic\":\"" + topic
                + "\"}}]}";
    }

    private void demo() throws Exception {
        var r = rest.post("/streams", "{\"sql\":\"CREATE STREAM demo (a bigint, b string) WITH (TYPE=\\\"memory\\\", "
                + "DATASOURCE=\\\"in/demo\\\", FORMAT=\\\"json\\\")\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals("Stream demo is created.", r.body());
    }

    @Test
    void streamLifecycleAnswersAsEkuiper() throws Exception {
        demo();
        assertEquals("[\"demo\"]", rest.get("/streams").body());
        JsonNode details = rest.get("/streamdetails").json();
        assertEquals("memory", details.get(0).get("type").asText());
        assertEquals("json", details.get(0).get("format").asText());
        JsonNode d = rest.get("/streams/demo").json();
        assertEquals("demo", d.get("Name").asText());
        assertEquals("bigint", d.get("StreamFields").get(0).get("FieldType").asText());
        assertEquals("a", d.get("StreamFields").get(0).get("Name").asText());
        assertEquals("in/demo", d.get("Options").get("datasource").asText());
        assertEquals(0, d.get("StreamType").asInt());
        assertEquals("{\"a\":{\"type\":\"bigint\"},\"b\":{\"type\":\"string\"}}", rest.get("/streams/demo/schema")
                .body());
        var dup = rest.post("/streams", "{\"sql\":\"CREATE STREAM demo () WITH (TYPE=\\\"memory\\\", DATASOURCE=\\\"x\\\")\"}");
        assertEquals(400, dup.status());
        assertEquals(3000, dup.json().get("error").asInt());
        assertTrue(dup.json().get("message").asText().startsWith("Stream command error: "), dup.body());
        var replaced = rest.put("/streams/demo", "{\"sql\":\"CREATE STREAM demo (a bigint) WITH (TYPE=\\\"memory\\\", "
                + "DATASOURCE=\\\"in/demo2\\\")\"}");
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals("Stream demo is replaced.", replaced.body());
        var missing = rest.get("/streams/nope");
        assertEquals(404, missing.status());
        assertEquals(1002, missing.json().get("error").asInt());
        assertEquals(404, rest.get("/tables/demo").status(), "a stream is not a table");
        assertEquals("Stream demo is dropped.", rest.delete("/streams/demo").body());
        assertEquals("[]", rest.get("/streams").body());
    }

    @Test
    void anyStreamStatementCanBePosted() throws Exception {
        demo();
        assertEquals("demo", rest.post("/streams", "{\"sql\":\"SHOW STREAMS\"}").body());
        assertTrue(rest.post("/streams", "{\"sql\":\"DESCRIBE STREAM demo\"}").body().startsWith("Fields\n---"));
        assertEquals("Stream demo is dropped.", rest.post("/streams", "{\"sql\":\"DROP STREAM demo\"}").body());
        var bad = rest.post("/streams", "{\"sql\":\"CREATE STREAM (\"}");
        assertEquals(400, bad.status());
        assertEquals(3000, bad.json().get("error").asInt());
    }

    @Test
    void ruleLifecycleAndRunning() throws Exception {
        demo();
        LinkedBlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
        engine.memoryBus().subscribe("out/r1", out::add);
        var created = rest.post("/rules", rule("r1", "SELECT a FROM demo WHERE a > 1", "out/r1"));
        assertEquals(201, created.status(), created.body());
        assertEquals("Rule r1 was created successfully.", created.body());
        JsonNode list = rest.get("/rules").json();
        assertEquals("r1", list.get(0).get("id").asText());
        assertEquals("running", list.get(0).get("status").asText());
        assertEquals("SELECT a FROM demo WHERE a > 1", rest.get("/rules/r1").json().get("sql").asText());
        engine.memoryBus().publish("in/demo", Map.of("a", 5, "b", "x"));
        assertEquals(Map.of("a", 5L), normalize(out.poll(5, TimeUnit.SECONDS)));
        JsonNode status = rest.get("/rules/r1/status").json();
        assertEquals("running", status.get("status").asText());
        assertEquals(1, status.get("source_demo_0_records_in_total").asInt());
        assertTrue(status.has("lastStartTimestamp"));

        assertEquals("Rule r1 was stopped.", rest.post("/rules/r1/stop", "").body());
        assertEquals("stopped", rest.get("/rules/r1/status").json().get("status").asText());
        assertEquals("Rule r1 was started", rest.post("/rules/r1/start", "").body());
        assertEquals("Rule r1 was restarted", rest.post("/rules/r1/restart", "").body());
        assertEquals("running", rest.get("/rules/status/all").json().get("r1").get("status").asText());

        var updated = rest.put("/rules/r1", rule("r1", "SELECT b FROM demo", "out/r1"));
        assertEquals("Rule r1 was updated successfully.", updated.body());
        engine.memoryBus().publish("in/demo", Map.of("a", 0, "b", "y"));
        assertEquals(Map.of("b", "y"), out.poll(5, TimeUnit.SECONDS), "the update restarted the rule with its new SQL");

        var refused = rest.delete("/streams/demo");
        assertEquals(400, refused.status(), "a stream used by a rule cannot be dropped");
        assertTrue(refused.json().get("message").asText().contains("referenced by rules"), refused.body());

        assertEquals("Rule r1 is dropped.", rest.delete("/rules/r1").body());
        assertEquals(404, rest.get("/rules/r1").status());
        assertEquals(404, rest.post("/rules/r1/start", "").status());
    }

    private static Map<String, Object> normalize(Map<String, Object> row) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> m.put(k, v instanceof Number n ? n.longValue() : v));
        return m;
    }

    @Test
    void ruleErrors() throws Exception {
        demo();
        var parse = rest.post("/rules", rule("bad", "SELEC a FROM demo", "x"));
        assertEquals(400, parse.status());
        assertEquals(2001, parse.json().get("error").asInt());
        var plan = rest.post("/rules", rule("bad", "SELECT a FROM nowhere", "x"));
        assertEquals(400, plan.status());
        assertEquals(2101, plan.json().get("error").asInt());
        assertEquals(201, rest.post("/rules", rule("r1", "SELECT a FROM demo", "x")).status());
        var dup = rest.post("/rules", rule("r1", "SELECT a FROM demo", "x"));
        assertEquals(400, dup.status());
        assertEquals(4000, dup.json().get("error").asInt());
        var broken = rest.post("/rules", "{\"id\": \"r2\", ");
        assertEquals(400, broken.status());
        assertTrue(broken.json().get("message").asText().startsWith("invalid JSON body"), broken.body());
        var wrongType = rest.post("/rules", "{\"id\":\"r2\",\"sql\":\"SELECT a FROM demo\",\"actions\":{\"log\":{}}}");
        assertEquals(400, wrongType.status());
        assertEquals(4000, wrongType.json().get("error").asInt());
        var mismatch = rest.put("/rules/r1", rule("other", "SELECT a FROM demo", "x"));
        assertEquals(400, mismatch.status());
    }

    @Test
    void validateTopoAndExplain() throws Exception {
        demo();
        var ok = rest.post("/rules/validate", rule("v", "SELECT a FROM demo", "x"));
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.json().get("valid").asBoolean());
        assertEquals("demo", ok.json().get("sources").get(0).asText());
        assertEquals(422, rest.post("/rules/validate", rule("v", "SELECT a FROM nowhere", "x")).status());
        assertEquals(422, rest.post("/rules/validate", "{\"id\":\"v\"}").status());
        assertEquals(400, rest.post("/rules/validate", "{oops").status());

        rest.post("/rules", "{\"id\":\"r1\",\"sql\":\"SELECT count(*) FROM demo WHERE a > 0 GROUP BY "
                + "TUMBLINGWINDOW(ss, 10)\",\"actions\":[{\"log\":{}},{\"nop\":{}}]}");
        JsonNode topo = rest.get("/rules/r1/topo").json();
        assertEquals("[\"source_demo\"]", topo.get("sources").toString());
        assertEquals("[\"op_1_project\"]", topo.get("edges").get("source_demo").toString());
        assertEquals("[\"sink_log_0\",\"sink_nop_1\"]", topo.get("edges").get("op_1_project").toString());
        String explain = rest.get("/rules/r1/explain").body();
        assertTrue(explain.startsWith("{\"op\":\"ProjectPlan_0\""), explain);
        assertTrue(explain.contains("WindowPlan"), explain);
        assertTrue(explain.contains("\t{\"op\":\"FilterPlan_"), explain);
        assertTrue(explain.contains("{\"op\":\"DataSourcePlan_"), explain);
        assertEquals(404, rest.get("/rules/none/topo").status());
    }

    @Test
    void tagsAndBulkOperations() throws Exception {
        demo();
        for (String id : List.of("t1", "t2", "t3")) {
            rest.post("/rules", rule(id, "SELECT a FROM demo", "x"));
        }
        assertEquals(200, rest.put("/rules/t1/tags", "{\"tags\":[\"a\",\"b\"]}").status());
        assertEquals(200, rest.put("/rules/t2/tags", "{\"tags\":[\"a\"]}").status());
        assertEquals(200, rest.call("PATCH", "/rules/t3/tags", "{\"tags\":[\"b\"]}").status());
        assertEquals("[\"a\",\"b\"]", rest.get("/rules/t1").json().get("tags").toString());
        assertEquals("{\"rules\":[\"t1\",\"t2\"]}", rest.call("GET", "/rules/tags/match", "{\"tags\":[\"a\"]}").body());
        assertEquals("{\"rules\":[\"t1\"]}", rest.call("GET", "/rules/tags/match", "{\"tags\":[\"a\",\"b\"]}")
                .body());
        assertEquals(200, rest.call("DELETE", "/rules/t1/tags", "{\"tags\":[\"b\"]}").status());
        assertEquals("[\"a\"]", rest.get("/rules/t1").json().get("tags").toString());

        JsonNode stopped = rest.post("/rules/bulkstop", "{\"tags\":[\"a\"]}").json();
        List<String> ids = new ArrayList<>();
        stopped.forEach(n -> {
            ids.add(n.get("ruleId").asText());
            assertTrue(n.get("success").asBoolean());
        });
        assertEquals(List.of("t1", "t2"), ids);
        assertEquals("stopped", rest.get("/rules/t1/status").json().get("status").asText());
        assertEquals("running", rest.get("/rules/t3/status").json().get("status").asText());
        rest.post("/rules/bulkstart", "{\"tags\":[\"a\"]}");
        assertEquals("running", rest.get("/rules/t1/status").json().get("status").asText());
        var none = rest.post("/rules/bulkstart", "{\"tags\":[\"zzz\"]}");
        assertEquals(400, none.status());
        assertTrue(none.json().get("message").asText().contains("no matching rules"));
        assertEquals(400, rest.put("/rules/t1/tags", "{\"tags\":\"a\"}").status());
        assertFalse(rest.put("/rules/nope/tags", "{\"tags\":[]}").status() == 200);
    }
}
