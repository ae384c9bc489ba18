package io.oort.restitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every management endpoint of a running distribution, with good and bad input, as a curl user or eKuiper's manager
 * would call them. One installation for the class; each test uses its own names.
 */
class RestApiTest {

    private static OortProcess oort;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        oort = OortProcess.install();
        oort.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (oort != null) {
            oort.close();
        }
    }

    private static String topic(String name) {
        return "restitest/" + RUN + "/" + name;
    }

    @Test
    void systemEndpoints() throws Exception {
        JsonNode info = oort.get("/").json();
        assertTrue(info.has("version") && info.has("upTimeSeconds"), info.toString());
        assertEquals(200, oort.get("/ping").status());
        assertTrue(oort.get("/plugins/sources").body().contains("\"mqtt\""));
        assertTrue(oort.get("/plugins/sinks").body().contains("\"log\""));
        var metrics = oort.get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        var unknown = oort.get("/no/such/endpoint");
        assertEquals(404, unknown.status());
        assertEquals(1002, unknown.json().get("error").asInt());
        assertEquals(405, oort.send("PATCH", "/streams", "{}").status());
    }

    @Test
    void streamsAndTables() throws Exception {
        var created = oort.post("/streams", J.sql("CREATE STREAM st1 (id bigint, name string) WITH (DATASOURCE=\""
                + topic("st1") + "\", FORMAT=\"json\")"));
        assertEquals(201, created.status(), created.body());
        assertEquals("Stream st1 is created.", created.body());
        var dup = oort.post("/streams", J.sql("CREATE STREAM st1 () WITH (DATASOURCE=\"x\")"));
        assertEquals(400, dup.status());
        assertEquals(3000, dup.json().get("error").asInt());
        var malformed = oort.post("/streams", J.sql("CREATE STREAM st2 (id bigint WITH (DATASOURCE=\"x\")"));
        assertEquals(400, malformed.status());
        assertEquals(3000, malformed.json().get("error").asInt());
        assertTrue(malformed.json().get("message").asText().startsWith("Stream command error: "), malformed.body());
        assertTrue(oort.get("/streams").body().contains("\"st1\""));
        JsonNode d = oort.get("/streams/st1").json();
        assertEquals("st1", d.get("Name").asText());
        assertEquals("bigint", d.get("StreamFields").get(0).get("FieldType").asText());
        assertEquals(topic("st1"), d.get("Options").get("datasource").asText());
        assertEquals("{\"id\":{\"type\":\"bigint\"},\"name\":{\"type\":\"string\"}}", oort.get("/streams/st1/schema")
                .body());
        boolean listed = false;
        for (JsonNode n : oort.get("/streamdetails").json()) {
            listed |= n.get("name").asText().equals("st1") && n.get("type").asText().equals("mqtt");
        }
        assertTrue(listed);
        assertEquals("Stream st1 is replaced.", oort.put("/streams/st1", J.sql("CREATE STREAM st1 (id bigint) WITH "
                + "(DATASOURCE=\"" + topic("st1b") + "\")")).body());
        assertEquals(404, oort.get("/streams/nope").status());
        assertEquals(201, oort.post("/tables", J.sql("CREATE TABLE tb1 (id bigint) WITH (DATASOURCE=\"" + topic("tb1")
                + "\", TYPE=\"memory\", KEY=\"id\")")).status());
        assertTrue(oort.get("/tables").body().contains("\"tb1\""));
        assertEquals(1, oort.get("/tables/tb1").json().get("StreamType").asInt());
        assertEquals("Table tb1 is dropped.", oort.delete("/tables/tb1").body());
        assertEquals("Stream st1 is dropped.", oort.delete("/streams/st1").body());
        assertEquals(404, oort.delete("/streams/st1").status());
        assertEquals(400, oort.post("/streams", "{\"sql\": 42}").status());
        assertEquals(400, oort.post("/streams", "{\"sql\": ").status());
    }

    @Test
    void ruleLifecycleOverMqtt() throws Exception {
        try (Mqtt mqtt = Mqtt.connect()) {
            assumeTrue(mqtt != null, "no MQTT broker at " + Mqtt.URL);
            String in = topic("rl/in");
            String out = topic("rl/out");
            mqtt.subscribe(out);
            assertEquals(201, oort.post("/streams", J.sql("CREATE STREAM rl (v bigint, s string) WITH (DATASOURCE=\""
                    + in + "\")")).status());
            var created = oort.post("/rules", J.mqttRule("rl1", "SELECT v * 2 AS w FROM rl WHERE v > 0", out));
            assertEquals(201, created.status(), created.body());
            assertEquals("Rule rl1 was created successfully.", created.body());
            oort.awaitRule("rl1", "running");
            String got = mqtt.publishUntilAnswered(in, "{\"v\":21,\"s\":\"x\"}", 15);
            assertNotNull(got, "the rule answered over MQTT");
            assertEquals("[{\"w\":42}]", got);

            JsonNode status = oort.get("/rules/rl1/status").json();
            assertEquals("running", status.get("status").asText());
            assertTrue(status.get("source_rl_0_records_in_total").asLong() >= 1, status.toString());
            assertTrue(status.has("sink_mqtt_0_0_records_out_total"), status.toString());
            boolean listed = false;
            for (JsonNode r : oort.get("/rules").json()) {
                listed |= r.get("id").asText().equals("rl1") && r.get("status").asText().equals("running");
            }
            assertTrue(listed);
            assertEquals("SELECT v * 2 AS w FROM rl WHERE v > 0", oort.get("/rules/rl1").json().get("sql").asText());
            JsonNode topo = oort.get("/rules/rl1/topo").json();
            assertEquals("[\"source_rl\"]", topo.get("sources").toString());
            assertEquals("[\"sink_mqtt_0\"]", topo.get("edges").get("op_1_project").toString());
            assertTrue(oort.get("/rules/rl1/explain").body().contains("FilterPlan"));
            assertEquals("running", oort.get("/rules/status/all").json().get("rl1").get("status").asText());
            var metrics = oort.get("/metrics").body();
            assertTrue(metrics.contains("kuiper_source_records_in_total{rule=\"rl1\",type=\"source\",op=\"rl\""),
                    metrics);

            assertEquals("Rule rl1 was stopped.", oort.post("/rules/rl1/stop", "").body());
            oort.awaitRule("rl1", "stopped");
            assertEquals("Rule rl1 was started", oort.post("/rules/rl1/start", "").body());
            oort.awaitRule("rl1", "running");
            assertEquals("Rule rl1 was restarted", oort.post("/rules/rl1/restart", "").body());

            assertEquals("Rule rl1 was updated successfully.", oort.put("/rules/rl1",
                    J.mqttRule("rl1", "SELECT s FROM rl", out)).body());
            oort.awaitRule("rl1", "running");
            String updated = null;
            for (int i = 0; i < 50 && (updated == null || !updated.contains("\"s\"")); i++) {
                updated = mqtt.publishUntilAnswered(in, "{\"v\":1,\"s\":\"y\"}", 10);
            }
            assertEquals("[{\"s\":\"y\"}]", updated, "PUT restarted the rule with its new SQL");

            var drop = oort.delete("/streams/rl");
            assertEquals(400, drop.status(), "a stream read by a rule cannot be dropped");
            assertEquals("Rule rl1 is dropped.", oort.delete("/rules/rl1").body());
            assertEquals("Stream rl is dropped.", oort.delete("/streams/rl").body());
        }
    }

    @Test
    void ruleErrors() throws Exception {
        assertEquals(201, oort.post("/streams", J.sql("CREATE STREAM re () WITH (DATASOURCE=\"" + topic("re")
                + "\")")).status());
        String log = "[{\"log\":{}}]";
        var parse = oort.post("/rules", "{\"id\":\"re1\",\"sql\":\"SELEKT * FROM re\",\"actions\":" + log + "}");
        assertEquals(400, parse.status());
        assertEquals(2001, parse.json().get("error").asInt());
        var unknownStream = oort.post("/rules", "{\"id\":\"re1\",\"sql\":\"SELECT * FROM nope\",\"actions\":" + log + "}");
        assertEquals(400, unknownStream.status());
        assertEquals(2101, unknownStream.json().get("error").asInt());
        var noSink = oort.post("/rules", "{\"id\":\"re1\",\"sql\":\"SELECT * FROM re\",\"actions\":[{\"nosuch\":{}}]}");
        assertEquals(400, noSink.status());
        assertEquals(201, oort.post("/rules", "{\"id\":\"re1\",\"sql\":\"SELECT * FROM re\",\"actions\":" + log + "}")
                .status());
        var dup = oort.post("/rules", "{\"id\":\"re1\",\"sql\":\"SELECT * FROM re\",\"actions\":" + log + "}");
        assertEquals(400, dup.status());
        assertEquals(4000, dup.json().get("error").asInt());
        var broken = oort.post("/rules", "{\"id\":\"re2\",\"sql\":");
        assertEquals(400, broken.status());
        assertFalse(broken.body().contains("Exception"), broken.body());
        assertEquals(400, oort.post("/rules", "{\"id\":\"re2\",\"sql\":\"SELECT * FROM re\",\"actions\":\"log\"}")
                .status());
        assertEquals(400, oort.post("/rules", "[]").status());
        for (String path : List.of("/rules/none", "/rules/none/status", "/rules/none/topo", "/rules/none/explain")) {
            var r = oort.get(path);
            assertEquals(404, r.status(), path);
            assertEquals(1002, r.json().get("error").asInt(), path);
        }
        assertEquals(404, oort.post("/rules/none/start", "").status());
        assertEquals(404, oort.delete("/rules/none").status());
        var valid = oort.post("/rules/validate", "{\"id\":\"v\",\"sql\":\"SELECT * FROM re\",\"actions\":" + log + "}");
        assertEquals(200, valid.status(), valid.body());
        assertTrue(valid.json().get("valid").asBoolean());
        assertEquals(422, oort.post("/rules/validate", "{\"id\":\"v\",\"sql\":\"SELECT * FROM zz\",\"actions\":" + log
                + "}").status());
        assertEquals(400, oort.post("/rules/validate", "{\"id\":").status());
        oort.delete("/rules/re1");
        oort.delete("/streams/re");
    }

    @Test
    void tagsAndBulk() throws Exception {
        assertEquals(201, oort.post("/streams", J.sql("CREATE STREAM tg () WITH (DATASOURCE=\"" + topic("tg")
                + "\", TYPE=\"memory\")")).status());
        for (String id : List.of("tg1", "tg2")) {
            assertEquals(201, oort.post("/rules", "{\"id\":\"" + id + "\",\"sql\":\"SELECT * FROM tg\","
                    + "\"actions\":[{\"nop\":{}}],\"tags\":[\"" + RUN + "\"]}").status());
        }
        assertEquals(200, oort.send("PATCH", "/rules/tg1/tags", "{\"tags\":[\"extra\"]}").status());
        assertEquals("[\"" + RUN + "\",\"extra\"]", oort.get("/rules/tg1").json().get("tags").toString());
        assertEquals("{\"rules\":[\"tg1\",\"tg2\"]}", oort.send("GET", "/rules/tags/match", "{\"tags\":[\"" + RUN
                + "\"]}").body());
        JsonNode stopped = oort.post("/rules/bulkstop", "{\"tags\":[\"" + RUN + "\"]}").json();
        assertEquals(2, stopped.size());
        assertTrue(stopped.get(0).get("success").asBoolean());
        oort.awaitRule("tg2", "stopped");
        oort.post("/rules/bulkstart", "{\"tags\":[\"" + RUN + "\"]}");
        oort.awaitRule("tg2", "running");
        assertEquals(200, oort.send("DELETE", "/rules/tg1/tags", "{\"tags\":[\"extra\"]}").status());
        assertEquals(200, oort.put("/rules/tg1/tags", "{\"tags\":[]}").status());
        assertEquals("[]", oort.get("/rules/tg1").json().get("tags").toString());
        assertEquals(400, oort.post("/rules/bulkstart", "{\"tags\":[\"nobody-" + RUN + "\"]}").status());
        assertEquals(400, oort.put("/rules/tg1/tags", "{\"tags\":").status());
        oort.delete("/rules/tg1");
        oort.delete("/rules/tg2");
        oort.delete("/streams/tg");
    }

    @Test
    void connectionsAndMetadata() throws Exception {
        JsonNode mqttMeta = oort.get("/metadata/sources/mqtt").json();
        boolean server = false;
        for (JsonNode p : mqttMeta.get("properties")) {
            server |= p.get("name").asText().equals("server");
        }
        assertTrue(server, mqttMeta.toString());
        assertTrue(oort.get("/metadata/sinks").body().contains("\"mqtt\""));
        assertTrue(oort.get("/metadata/connections").body().contains("\"mqtt\""));
        assertEquals(404, oort.get("/metadata/sinks/nosuch").status());
        assertTrue(oort.get("/metadata/functions").json().get(0).get("functions").size() > 100);

        String id = "conn" + RUN;
        var created = oort.post("/connections", J.str(J.obj("id", id, "typ", "mqtt", "props",
                J.obj("server", Mqtt.URL))));
        assertEquals(201, created.status(), created.body());
        assertEquals(400, oort.post("/connections", J.str(J.obj("id", id, "typ", "mqtt", "props", J.obj())))
                .status(), "duplicate id");
        assertEquals(400, oort.post("/connections", "{\"id\":\"x y\",\"typ\":\"mqtt\"}").status());
        assertEquals("mqtt", oort.get("/connections/" + id).json().get("typ").asText());
        assertTrue(oort.get("/connections").body().contains(id));
        assertEquals(200, oort.put("/metadata/sources/mqtt/confKeys/viaconn", J.str(J.obj("connectionSelector", id)))
                .status());
        assertTrue(oort.get("/metadata/sources/yaml/mqtt").json().has("viaconn"));
        try (Mqtt mqtt = Mqtt.connect()) {
            if (mqtt != null) {
                String out = topic("conn/out");
                mqtt.subscribe(out);
                oort.post("/streams", J.sql("CREATE STREAM cs () WITH (DATASOURCE=\"" + topic("conn/in")
                        + "\", CONF_KEY=\"viaconn\")"));
                assertEquals(201, oort.post("/rules", J.mqttRule("cr", "SELECT * FROM cs", out)).status());
                oort.awaitRule("cr", "running");
                assertNotNull(mqtt.publishUntilAnswered(topic("conn/in"), "{\"a\":1}", 15),
                        "the source connected through the named connection");
                JsonNode used = oort.get("/connections/" + id).json();
                assertEquals(1, used.get("refCount").asInt(), used.toString());
                assertEquals("connected", used.get("status").asText());
                var refused = oort.delete("/connections/" + id);
                assertEquals(400, refused.status(), "in use by a running rule");
                assertTrue(refused.json().get("message").asText().contains("cr"));
                oort.delete("/rules/cr");
                oort.delete("/streams/cs");
            }
        }
        assertEquals(200, oort.put("/connections/" + id, J.str(J.obj("typ", "mqtt", "props", J.obj("server",
                "tcp://127.0.0.1:1884")))).status());
        assertEquals(200, oort.delete("/metadata/sources/mqtt/confKeys/viaconn").status());
        assertEquals(200, oort.delete("/connections/" + id).status());
        assertEquals(404, oort.get("/connections/" + id).status());
    }

    @Test
    void exportAndImport() throws Exception {
        assertEquals(201, oort.post("/streams", J.sql("CREATE STREAM ex () WITH (DATASOURCE=\"" + topic("ex")
                + "\")")).status());
        assertEquals(201, oort.post("/rules", "{\"id\":\"ex1\",\"sql\":\"SELECT * FROM ex\",\"actions\":[{\"log\":{}}]}")
                .status());
        var all = oort.get("/data/export");
        assertEquals(200, all.status());
        assertEquals("application/octet-stream", all.raw().headers().firstValue("Content-Type").orElse(""));
        JsonNode file = all.json();
        for (String section : List.of("streams", "tables", "rules", "nativePlugins", "portablePlugins", "sourceConfig",
                "sinkConfig", "connectionConfig", "Service", "Schema", "uploads", "scripts")) {
            assertTrue(file.has(section), section);
        }
        assertTrue(file.get("rules").get("ex1").isTextual());
        JsonNode some = oort.post("/data/export", "[\"ex1\"]").json();
        assertEquals(1, some.get("rules").size());
        assertTrue(some.get("streams").has("ex"));

        var notAFile = oort.post("/data/import", J.str(J.obj("content", "this is not json")));
        assertEquals(400, notAFile.status());
        assertTrue(notAFile.json().get("message").asText().startsWith("configuration unmarshal with error"));
        assertEquals(400, oort.post("/data/import", "{}").status());
        assertEquals(400, oort.post("/data/import", "{\"content\":").status());

        // a bad rule: nothing changes, the error names it
        String bad = J.str(J.obj("streams", J.obj("ex", file.get("streams").get("ex").asText()), "rules",
                J.obj("ex1", file.get("rules").get("ex1").asText(), "broken", "{\"id\":\"broken\",\"sql\":\"SELECT "
                        + "FROM\",\"actions\":[{\"log\":{}}]}")));
        var refused = oort.post("/data/import", J.str(J.obj("content", bad)));
        assertEquals(400, refused.status());
        assertTrue(refused.json().get("message").asText().contains("\"broken\""), refused.body());
        assertEquals(file, oort.get("/data/export").json(), "the previous state is intact");
        assertTrue(oort.get("/data/import/status").json().get("rules").has("broken"));

        // partial import from a file: adds, keeps the rest
        Path f = Files.createTempFile("restitest", ".json");
        try {
            Files.writeString(f, J.str(J.obj("streams", J.obj("ex2", "CREATE STREAM ex2 () WITH (DATASOURCE=\""
                    + topic("ex2") + "\")"), "rules", J.obj("ex2r", "{\"id\":\"ex2r\",\"sql\":\"SELECT * FROM ex2\","
                    + "\"actions\":[{\"log\":{}}]}"))));
            var partial = oort.post("/data/import?partial=1", J.str(J.obj("file", f.toUri().toString())));
            assertEquals(200, partial.status(), partial.body());
            assertEquals("", partial.json().get("ErrorMsg").asText());
        } finally {
            Files.deleteIfExists(f);
        }
        oort.awaitRule("ex2r", "running");
        oort.awaitRule("ex1", "running");
        assertTrue(oort.get("/data/import/status").json().get("rules").isEmpty());
        JsonNode ruleset = oort.post("/ruleset/export", "").json();
        assertTrue(ruleset.get("rules").has("ex2r"));
        for (String r : List.of("ex1", "ex2r")) {
            oort.delete("/rules/" + r);
        }
        oort.delete("/streams/ex");
        oort.delete("/streams/ex2");
        var legacy = oort.post("/ruleset/import", J.str(J.obj("content", J.str(J.obj("streams", J.obj("lg",
                "CREATE STREAM lg () WITH (DATASOURCE=\"" + topic("lg") + "\")"), "rules", J.obj("lgr",
                "{\"id\":\"lgr\",\"sql\":\"SELECT * FROM lg\",\"actions\":[{\"log\":{}}]}"))))));
        assertEquals("imported 1 streams, 0 tables and 1 rules", legacy.body());
        oort.delete("/rules/lgr");
        oort.delete("/streams/lg");
    }

    @Test
    void anEkuiperExportFileImports() throws Exception {
        // written the way eKuiper 2.x exports: every value a string, "Service"/"Schema" capitalised
        String ekuiper = "{"
                + "\"streams\":{\"demo" + RUN + "\":\"CREATE STREAM demo" + RUN + " () WITH (DATASOURCE=\\\""
                + topic("users") + "\\\", FORMAT=\\\"JSON\\\")\"},"
                + "\"tables\":{},"
                + "\"rules\":{\"rule1" + RUN + "\":\"{\\\"id\\\": \\\"rule1" + RUN + "\\\",\\\"sql\\\": \\\"SELECT * FROM demo"
                + RUN + "\\\",\\\"actions\\\": [{\\\"log\\\": {}}]}\"},"
                + "\"nativePlugins\":{\"functions_image\":\"{\\\"name\\\":\\\"image\\\",\\\"file\\\":\\\"https://x/image.zip\\\","
                + "\\\"shellParas\\\":[]}\"},"
                + "\"portablePlugins\":{},"
                + "\"sourceConfig\":{\"mqtt\":\"{\\\"td\\\":{\\\"insecureSkipVerify\\\":false,\\\"password\\\":\\\"public\\\","
                + "\\\"protocolVersion\\\":\\\"3.1.1\\\",\\\"qos\\\":1,\\\"server\\\":\\\"tcp://broker.emqx.io:1883\\\","
                + "\\\"username\\\":\\\"admin\\\"}}\"},"
                + "\"sinkConfig\":{\"edgex\":\"{\\\"test\\\":{\\\"bufferLength\\\":1024,\\\"contentType\\\":\\\"application/json\\\","
                + "\\\"port\\\":6379,\\\"protocol\\\":\\\"redis\\\"}}\"},"
                + "\"connectionConfig\":{},\"Service\":{},\"Schema\":{},\"uploads\":{},"
                + "\"scripts\":{\"area\":\"{\\\"id\\\":\\\"area\\\",\\\"script\\\":\\\"function area(x, y) { return x * y; }\\\","
                + "\\\"isAgg\\\":false}\"}}";
        var r = oort.post("/data/import?partial=1", J.str(J.obj("content", ekuiper)));
        assertEquals(200, r.status(), r.body());
        JsonNode response = r.json().get("ConfigResponse");
        assertTrue(response.get("nativePlugins").get("functions_image").asText().startsWith("skipped"));
        assertTrue(response.get("scripts").get("area").asText().startsWith("skipped"));
        oort.awaitRule("rule1" + RUN, "running");
        assertTrue(oort.get("/metadata/sources/yaml/mqtt").json().has("td"));
        assertTrue(oort.get("/metadata/sinks/yaml/edgex").json().has("test"));
        oort.delete("/rules/rule1" + RUN);
        oort.delete("/streams/demo" + RUN);
        oort.delete("/metadata/sources/mqtt/confKeys/td");
    }
}
