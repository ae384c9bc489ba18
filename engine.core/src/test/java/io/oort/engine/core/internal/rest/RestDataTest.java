package io.oort.engine.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.oort.engine.core.internal.management.Sections;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.TestEngines;

/** Batch import and export through REST: eKuiper's file shape, all-or-nothing imports, partial imports. */
class RestDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineService engine;
    private RestCalls rest;

    @BeforeEach
    void setUp() throws Exception {
        engine = TestEngines.open(null);
        rest = RestCalls.of(engine, 1 << 20, null);
        assertEquals(201, rest.post("/streams", "{\"sql\":\"CREATE STREAM demo (a bigint) WITH (TYPE=\\\"memory\\\", "
                + "DATASOURCE=\\\"in/demo\\\", CONF_KEY=\\\"k1\\\")\"}").status());
        assertEquals(201, rest.post("/tables", "{\"sql\":\"CREATE TABLE lookup1 (a bigint) WITH (TYPE=\\\"memory\\\", "
                + "DATASOURCE=\\\"t\\\")\"}").status());
        assertEquals(201, rest.post("/streams", "{\"sql\":\"CREATE STREAM other () WITH (TYPE=\\\"memory\\\", "
                + "DATASOURCE=\\\"in/other\\\")\"}").status());
        assertEquals(200, rest.put("/metadata/sources/memory/confKeys/k1", "{\"bufferLength\":10}").status());
        assertEquals(200, rest.put("/metadata/sinks/memory/confKeys/res1", "{\"topic\":\"out/res\"}").status());
        var r1 = rest.post("/rules", "{\"id\":\"r1\",\"sql\":\"SELECT a FROM demo\",\"actions\":[{\"memory\":"
                + "{\"resourceId\":\"res1\"}}]}");
        assertEquals(201, r1.status(), r1.body());
        assertEquals(201, rest.post("/rules", "{\"id\":\"r2\",\"sql\":\"SELECT * FROM other\",\"actions\":[{\"log\":{}}]}")
                .status());
        rest.post("/rules/r2/stop", "");
    }

    @AfterEach
    void tearDown() {
        TestEngines.close(engine);
    }

    @Test
    void exportHasEkuipersSectionsAndStrings() throws Exception {
        var r = rest.get("/data/export");
        assertEquals(200, r.status());
        assertEquals("application/octet-stream", r.contentType());
        JsonNode e = r.json();
        List<String> keys = new ArrayList<>();
        e.fieldNames().forEachRemaining(keys::add);
        assertEquals(Sections.NAMES, keys);
        assertTrue(e.get("streams").get("demo").asText().startsWith("CREATE STREAM demo"));
        assertTrue(e.get("tables").get("lookup1").isTextual());
        JsonNode r1 = JSON.readTree(e.get("rules").get("r1").asText());
        assertTrue(r1.get("triggered").asBoolean());
        assertFalse(JSON.readTree(e.get("rules").get("r2").asText()).get("triggered").asBoolean(),
                "the desired state travels as triggered");
        assertEquals("{\"k1\":{\"bufferLength\":10}}", e.get("sourceConfig").get("memory").asText());
        assertEquals("{\"res1\":{\"topic\":\"out/res\"}}", e.get("sinkConfig").get("memory").asText());
    }

    @Test
    void exportOfSomeRulesCarriesTheirDependencies() throws Exception {
        JsonNode e = JSON.readTree(rest.post("/data/export", "[\"r1\"]").body());
        assertEquals("[\"r1\"]", names(e.get("rules")));
        assertEquals("[\"demo\"]", names(e.get("streams")));
        assertEquals("[]", names(e.get("tables")));
        assertEquals("{\"k1\":{\"bufferLength\":10}}", e.get("sourceConfig").get("memory").asText());
        assertEquals("{\"res1\":{\"topic\":\"out/res\"}}", e.get("sinkConfig").get("memory").asText());
        assertEquals(404, rest.post("/data/export", "[\"nope\"]").status());
        assertEquals(400, rest.post("/data/export", "{\"rules\":1}").status());
    }

    private static String names(JsonNode obj) {
        List<String> n = new ArrayList<>();
        obj.fieldNames().forEachRemaining(n::add);
        return n.toString().replace(" ", "").replace("[", "[\"").replace("]", "\"]").replace(",", "\",\"")
                .replace("[\"\"]", "[]");
    }

    @Test
    void exportImportsIntoAFreshEngine() throws Exception {
        String exported = rest.get("/data/export").body();
        EngineService fresh = TestEngines.open(null);
        try {
            RestCalls other = RestCalls.of(fresh, 1 << 20, null);
            var r = other.post("/data/import", JSON.writeValueAsString(Map.of("content", exported)));
            assertEquals(200, r.status(), r.body());
            assertEquals("", r.json().get("ErrorMsg").asText());
            assertEquals(JSON.readTree(exported), JSON.readTree(other.get("/data/export").body()));
            assertEquals("running", other.get("/rules/r1/status").json().get("status").asText());
            assertEquals("stopped", other.get("/rules/r2/status").json().get("status").asText());
            LinkedBlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
            fresh.memoryBus().subscribe("out/res", out::add);
            fresh.memoryBus().publish("in/demo", Map.of("a", 7));
            assertNotNull(out.poll(5, TimeUnit.SECONDS), "the imported rule runs with its imported resourceId");
            JsonNode status = other.get("/data/import/status").json();
            status.forEach(section -> assertEquals(0, section.size()));
        } finally {
            TestEngines.close(fresh);
        }
    }

    @Test
    void aBadEntryLeavesEverythingAsItWas() throws Exception {
        String before = rest.get("/data/export").body();
        ObjectNode file = (ObjectNode) JSON.readTree(before);
        ((ObjectNode) file.get("streams")).put("fresh", "CREATE STREAM fresh () WITH (TYPE=\"memory\", DATASOURCE=\"f\")");
        ((ObjectNode) file.get("rules")).put("bad", "{\"id\":\"bad\",\"sql\":\"SELECT x FROM missing\","
                + "\"actions\":[{\"log\":{}}]}");
        ((ObjectNode) file.get("streams")).remove("other");
        var r = rest.post("/data/import", JSON.writeValueAsString(Map.of("content", file.toString())));
        assertEquals(400, r.status());
        JsonNode errors = JSON.readTree(r.json().get("message").asText());
        assertTrue(errors.get("rules").get("bad").asText().contains("missing"), r.body());
        assertTrue(errors.get("rules").has("r2"), "r2 reads the stream the file drops: " + r.body());
        assertEquals(JSON.readTree(before), JSON.readTree(rest.get("/data/export").body()), "nothing changed");
        assertEquals("running", rest.get("/rules/r1/status").json().get("status").asText());
        assertTrue(rest.get("/data/import/status").json().get("rules").has("bad"));
    }

    @Test
    void aFullImportReplacesEverything() throws Exception {
        String file = "{\"streams\":{\"s9\":\"CREATE STREAM s9 () WITH (TYPE=\\\"memory\\\", DATASOURCE=\\\"in/9\\\")\"},"
                + "\"rules\":{\"r9\":\"{\\\"id\\\":\\\"r9\\\",\\\"sql\\\":\\\"SELECT * FROM s9\\\",\\\"actions\\\":"
                + "[{\\\"log\\\":{}}]}\"}}";
        var r = rest.post("/data/import", JSON.writeValueAsString(Map.of("content", file)));
        assertEquals(200, r.status(), r.body());
        assertEquals("[\"s9\"]", rest.get("/streams").body());
        assertEquals("[]", rest.get("/tables").body());
        assertEquals(1, rest.get("/rules").json().size());
        assertEquals("running", rest.get("/rules/r9/status").json().get("status").asText());
        assertEquals("{}", rest.get("/metadata/sources/yaml/memory").body(), "conf keys made through the API are reset");
    }

    @Test
    void aPartialImportKeepsTheRestAndReportsBadEntries() throws Exception {
        String file = "{\"streams\":{\"s9\":\"CREATE STREAM s9 () WITH (TYPE=\\\"memory\\\", DATASOURCE=\\\"in/9\\\")\","
                + "\"broken\":\"CREATE STREAM broken (\"},"
                + "\"rules\":{\"r9\":\"{\\\"id\\\":\\\"r9\\\",\\\"sql\\\":\\\"SELECT * FROM s9\\\",\\\"actions\\\":"
                + "[{\\\"log\\\":{}}]}\"},"
                + "\"nativePlugins\":{\"sources_random\":\"{\\\"name\\\":\\\"random\\\"}\"}}";
        var r = rest.post("/data/import?partial=1", JSON.writeValueAsString(Map.of("content", file)));
        assertEquals(400, r.status(), "eKuiper answers 400 when an entry failed, even in a partial import");
        JsonNode errors = JSON.readTree(r.json().get("message").asText());
        assertTrue(errors.get("streams").has("broken"));
        assertTrue(errors.get("nativePlugins").get("sources_random").asText().startsWith("skipped"));
        assertEquals("[\"demo\",\"other\",\"s9\"]", rest.get("/streams").body());
        assertEquals("running", rest.get("/rules/r9/status").json().get("status").asText());
        assertEquals("running", rest.get("/rules/r1/status").json().get("status").asText());
        assertTrue(rest.get("/data/import/status").json().get("streams").has("broken"));
    }

    @Test
    void importFromAFileAndBodyErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("export.json");
        Files.writeString(f, rest.get("/data/export").body());
        var r = rest.post("/data/import", "{\"file\":\"" + f.toUri() + "\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals(400, rest.post("/data/import", "{\"content\":\"x\",\"file\":\"y\"}").status());
        assertEquals(400, rest.post("/data/import", "{}").status());
        var notJson = rest.post("/data/import", "{\"content\":\"not json\"}");
        assertEquals(400, notJson.status());
        assertTrue(notJson.json().get("message").asText().startsWith("configuration unmarshal with error"));
        assertEquals(400, rest.post("/data/import", "{\"file\":\"ftp://x/y\"}").status());
        assertEquals(400, rest.post("/data/import", "{\"file\":\"file:///does/not/exist.json\"}").status());
        assertEquals(400, rest.post("/data/import", "[1,2").status());
    }

    @Test
    void legacyRuleset() throws Exception {
        JsonNode rs = JSON.readTree(rest.post("/ruleset/export", "").body());
        assertEquals(3, rs.size());
        EngineService fresh = TestEngines.open(null);
        try {
            RestCalls other = RestCalls.of(fresh, 1 << 20, null);
            var r = other.post("/ruleset/import", JSON.writeValueAsString(Map.of("content", rs.toString())));
            assertEquals(200, r.status(), r.body());
            assertEquals("imported 2 streams, 1 tables and 2 rules", r.body());
        } finally {
            TestEngines.close(fresh);
        }
    }
}
