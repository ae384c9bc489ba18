package io.oort.engine.core.internal.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oort.engine.core.internal.connector.ConfKeys;
import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.TestEngines;

/** Everything made through the management API is in data/oort.db and comes back after a restart. */
class PersistenceTest {

    @TempDir
    Path home;

    private static String rule(String id, String sql, String topic, boolean triggered) {
        return "{\"id\":\"" + id + "\",\"sql\":\"" + sql + "\",\"triggered\":" + triggered
                + ",\"actions\":[{\"memory\":{\"topic\":\"" + topic + "\"}}]}";
    }

    @Test
    void definitionsAndDesiredStatesSurviveARestart() throws Exception {
        EngineService e = TestEngines.open(home);
        e.streamStatements().execute("CREATE STREAM s1 (a bigint) WITH (TYPE=\"memory\", DATASOURCE=\"in/1\")");
        e.streamStatements().execute("CREATE TABLE t1 (a bigint) WITH (TYPE=\"memory\", DATASOURCE=\"in/t\")");
        e.rules().create(RuleDef.parse(rule("run", "SELECT a FROM s1", "out/run", true), null));
        e.rules().create(RuleDef.parse(rule("idle", "SELECT a FROM s1", "out/idle", true), null));
        e.rules().stop("idle");
        e.rules().setTags("run", java.util.List.of("x"));
        e.metadata().putConfKey(ConfKeys.Kind.SINKS, "memory", "k1", Map.of("topic", "a"));
        e.connections().create("c1", "memory", Map.of("topic", "b"));
        TestEngines.close(e);

        EngineService again = TestEngines.open(home);
        try {
            assertEquals(java.util.List.of("s1"), again.streamStatements().names(false));
            assertEquals(java.util.List.of("t1"), again.streamStatements().names(true));
            assertEquals("running", again.rules().status("run").get("status"));
            assertEquals("stopped", again.rules().status("idle").get("status"));
            assertFalse(again.rules().wanted("idle"));
            assertEquals(java.util.List.of("x"), again.rules().definition("run").tags());
            assertEquals(Map.of("topic", "a"), again.confKeys().get(ConfKeys.Kind.SINKS, "memory", "k1"));
            assertEquals("memory", again.connections().get("c1").get("typ"));
            LinkedBlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
            again.memoryBus().subscribe("out/run", out::add);
            again.memoryBus().publish("in/1", Map.of("a", 1));
            assertNotNull(out.poll(5, TimeUnit.SECONDS), "the recovered rule runs");
        } finally {
            TestEngines.close(again);
        }
    }

    @Test
    void anImportIsOneDurableChange() throws Exception {
        EngineService e = TestEngines.open(home);
        e.streamStatements().execute("CREATE STREAM old () WITH (TYPE=\"memory\", DATASOURCE=\"in/old\")");
        String file = "{\"streams\":{\"s2\":\"CREATE STREAM s2 () WITH (TYPE=\\\"memory\\\", DATASOURCE=\\\"in/2\\\")\"},"
                + "\"rules\":{\"r2\":\"{\\\"id\\\":\\\"r2\\\",\\\"sql\\\":\\\"SELECT * FROM s2\\\",\\\"actions\\\":"
                + "[{\\\"memory\\\":{\\\"topic\\\":\\\"out/2\\\"}}]}\"},"
                + "\"sinkConfig\":{\"memory\":\"{\\\"k9\\\":{\\\"topic\\\":\\\"z\\\"}}\"}}";
        DataTransfer.Result r = e.transfer().importData(file, false, false);
        assertTrue(r.ok(), r.errors().toJson());
        TestEngines.close(e);
        EngineService again = TestEngines.open(home);
        try {
            assertEquals(java.util.List.of("s2"), again.streamStatements().names(false));
            assertEquals("running", again.rules().status("r2").get("status"));
            assertEquals(Map.of("topic", "z"), again.confKeys().get(ConfKeys.Kind.SINKS, "memory", "k9"));
            assertTrue(again.transfer().status().isEmpty(), "the import status survives too (and is clean)");
        } finally {
            TestEngines.close(again);
        }
    }

    @Test
    void importWithStopStoresRulesWithoutStartingThem() throws Exception {
        EngineService e = TestEngines.open(home);
        String file = "{\"streams\":{\"s3\":\"CREATE STREAM s3 () WITH (TYPE=\\\"memory\\\", DATASOURCE=\\\"in/3\\\")\"},"
                + "\"rules\":{\"r3\":\"{\\\"id\\\":\\\"r3\\\",\\\"sql\\\":\\\"SELECT * FROM s3\\\",\\\"actions\\\":"
                + "[{\\\"log\\\":{}}]}\"}}";
        assertTrue(e.transfer().importData(file, false, true).ok());
        assertEquals("stopped", e.rules().status("r3").get("status"));
        assertTrue(e.rules().wanted("r3"), "it runs after the restart that stop=1 asks for");
        TestEngines.close(e);
        EngineService again = TestEngines.open(home);
        try {
            assertEquals("running", again.rules().status("r3").get("status"));
        } finally {
            TestEngines.close(again);
        }
    }
    @Test
    void aRuleRemovedByAFullImportTakesItsSinkCacheWithIt() throws Exception {
        EngineService e = TestEngines.open(home);
        try {
            e.streamStatements().execute("CREATE STREAM s1 () WITH (TYPE=\"memory\", DATASOURCE=\"in/1\")");
            e.rules().create(RuleDef.parse(rule("gone", "SELECT * FROM s1", "out/gone", true), null));
            e.rules().create(RuleDef.parse(rule("kept", "SELECT * FROM s1", "out/kept", true), null));
            // undelivered results of both rules, as a sink's disk cache leaves them
            Path goneCache = home.resolve("data/cache/gone/sink_memory_0");
            Path keptCache = home.resolve("data/cache/kept/sink_memory_0");
            java.nio.file.Files.createDirectories(goneCache);
            java.nio.file.Files.createDirectories(keptCache);
            java.nio.file.Files.writeString(goneCache.resolve("page-1"), "x");
            java.nio.file.Files.writeString(keptCache.resolve("page-1"), "x");

            String file = "{\"streams\":{\"s1\":\"CREATE STREAM s1 () WITH (TYPE=\\\"memory\\\", DATASOURCE=\\\"in/1\\\")\"},"
                    + "\"rules\":{\"kept\":\"{\\\"id\\\":\\\"kept\\\",\\\"sql\\\":\\\"SELECT * FROM s1\\\",\\\"actions\\\":"
                    + "[{\\\"memory\\\":{\\\"topic\\\":\\\"out/kept\\\"}}]}\"}}";
            DataTransfer.Result r = e.transfer().importData(file, false, false);
            assertTrue(r.ok(), r.errors().toJson());
            assertFalse(java.nio.file.Files.exists(home.resolve("data/cache/gone")),
                    "a rule the import deleted must not resend its old results if a rule of that id comes back");
            assertTrue(java.nio.file.Files.exists(keptCache.resolve("page-1")), "a rule the import kept keeps its cache");
        } finally {
            TestEngines.close(e);
        }
    }
}
