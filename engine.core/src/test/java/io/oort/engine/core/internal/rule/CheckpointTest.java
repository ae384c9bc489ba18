package io.oort.engine.core.internal.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.TestEngines;

/**
 * Rules with {@code qos} 1 or 2 keep their state across a restart of the rule or of the engine: a window that had
 * three of its four rows before the restart emits all four after it. With {@code qos} 0 (the default) a restarted
 * rule starts empty, as eKuiper's does.
 */
class CheckpointTest {

    @TempDir
    Path home;

    private static RuleDef rule(String id, String sql, String options) throws Exception {
        return RuleDef.parse("{\"id\":\"" + id + "\",\"sql\":\"" + sql + "\",\"options\":{" + options + "},"
                + "\"actions\":[{\"memory\":{\"topic\":\"out/" + id + "\"}}]}", null);
    }

    private static EngineService engineWithStream(Path home) throws Exception {
        EngineService e = TestEngines.open(home);
        if (e.streamStatements().names(false).isEmpty()) {
            e.streamStatements().execute("CREATE STREAM s1 (a bigint) WITH (TYPE=\"memory\", DATASOURCE=\"in/1\")");
        }
        return e;
    }

    private static void publish(EngineService e, int... values) {
        for (int v : values) {
            e.memoryBus().publish("in/1", Map.of("a", v));
        }
    }

    private static Object next(LinkedBlockingQueue<Map<String, Object>> out) throws InterruptedException {
        Map<String, Object> m = out.poll(10, TimeUnit.SECONDS);
        assertTrue(m != null, "no result within 10 s");
        return m.get("c");
    }

    @Test
    void aWindowResumesAfterAnEngineRestartWithQos1() throws Exception {
        EngineService e = engineWithStream(home);
        e.rules().create(rule("r", "SELECT collect(a) AS c FROM s1 GROUP BY COUNTWINDOW(4)", "\"qos\":1"));
        publish(e, 1, 2, 3);
        TestEngines.close(e); // a graceful stop checkpoints the rule's state
        assertTrue(Files.exists(home.resolve("data/checkpoints/r.ckpt")));

        EngineService again = TestEngines.open(home);
        try {
            LinkedBlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
            again.memoryBus().subscribe("out/r", out::add);
            publish(again, 4);
            assertEquals(List.of(1L, 2L, 3L, 4L), next(out), "the rows from before the restart are in the window");
        } finally {
            TestEngines.close(again);
        }
    }

    @Test
    void withoutQosARestartedRuleStartsEmpty() throws Exception {
        EngineService e = engineWithStream(home);
        try {
            e.rules().create(rule("r0", "SELECT collect(a) AS c FROM s1 GROUP BY COUNTWINDOW(4)", ""));
            LinkedBlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
            e.memoryBus().subscribe("out/r0", out::add);
            publish(e, 1, 2, 3);
            TestEngines.waitFor("three rows in", () -> inputs(e, "r0") == 3);
            e.rules().restart("r0");
            publish(e, 4, 5, 6, 7);
            assertEquals(List.of(4L, 5L, 6L, 7L), next(out));
            assertFalse(Files.exists(home.resolve("data/checkpoints/r0.ckpt")));
        } finally {
            TestEngines.close(e);
        }
    }

    @Test
    void aRuleRestartResumesAndAnUpdateOrDeleteForgetsTheState() throws Exception {
        EngineService e = engineWithStream(home);
        try {
            String sql = "SELECT collect(a) AS c FROM s1 GROUP BY COUNTWINDOW(3)";
            e.rules().create(rule("r2", sql, "\"qos\":2"));
            LinkedBlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
            e.memoryBus().subscribe("out/r2", out::add);
            publish(e, 1, 2);
            TestEngines.waitFor("two rows in", () -> inputs(e, "r2") == 2);
            e.rules().restart("r2");
            publish(e, 3);
            assertEquals(List.of(1L, 2L, 3L), next(out));

            publish(e, 10);
            TestEngines.waitFor("one row in", () -> inputs(e, "r2") == 2); // 3 before, then 10 after the restart
            e.rules().update(rule("r2", sql + " ", "\"qos\":2")); // redefined: its old state does not apply
            publish(e, 11, 12, 13);
            assertEquals(List.of(11L, 12L, 13L), next(out));

            e.rules().delete("r2");
            assertFalse(Files.exists(home.resolve("data/checkpoints/r2.ckpt")));
        } finally {
            TestEngines.close(e);
        }
    }

    @Test
    void aRuleWithAVeryLongSqlResumesToo() throws Exception {
        EngineService e = engineWithStream(home);
        try {
            String sql = "SELECT collect(a) AS c FROM s1 WHERE \\\"" + "x".repeat(70_000)
                    + "\\\" != \\\"\\\" GROUP BY COUNTWINDOW(2)";
            e.rules().create(rule("long", sql, "\"qos\":1"));
            LinkedBlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
            e.memoryBus().subscribe("out/long", out::add);
            publish(e, 1);
            TestEngines.waitFor("one row in", () -> inputs(e, "long") == 1);
            e.rules().restart("long");
            publish(e, 2);
            assertEquals(List.of(1L, 2L), next(out));
        } finally {
            TestEngines.close(e);
        }
    }

    @Test
    void aRunningRuleCheckpointsEveryInterval() throws Exception {
        EngineService e = engineWithStream(home);
        try {
            e.rules().create(rule("ri", "SELECT collect(a) AS c FROM s1 GROUP BY COUNTWINDOW(100)",
                    "\"qos\":1,\"checkpointInterval\":\"50ms\""));
            publish(e, 1);
            Path file = home.resolve("data/checkpoints/ri.ckpt");
            TestEngines.waitFor("a periodic checkpoint", () -> Files.exists(file));
            long first = Files.size(file);
            publish(e, 2, 3, 4, 5);
            TestEngines.waitFor("a checkpoint with the new rows", () -> sizeOf(file) > first);
        } finally {
            TestEngines.close(e);
        }
    }

    @Test
    void aCheckpointThatCannotBeWrittenIsReportedAndTheRuleKeepsRunning() throws Exception {
        EngineService e = engineWithStream(home);
        try {
            Files.writeString(home.resolve("data/checkpoints"), "not a directory");
            e.rules().create(rule("rf", "SELECT collect(a) AS c FROM s1 GROUP BY COUNTWINDOW(2)",
                    "\"qos\":1,\"checkpointInterval\":\"50ms\""));
            LinkedBlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
            e.memoryBus().subscribe("out/rf", out::add);
            TestEngines.waitFor("a failed checkpoint in the rule's metrics",
                    () -> String.valueOf(status(e, "rf").get("op_1_project_0_last_exception"))
                            .startsWith("checkpoint failed"));
            assertEquals("running", status(e, "rf").get("status"));
            publish(e, 1, 2);
            assertEquals(List.of(1L, 2L), next(out), "the rule still runs");
        } finally {
            TestEngines.close(e);
        }
    }

    @Test
    void oneOffQueriesAreNeverCheckpointedEvenWithQosByDefault() throws Exception {
        EngineService e = TestEngines.open(home, Map.of("rule.qos", "1", "rule.checkpointInterval", "20ms"));
        try {
            e.streamStatements().execute("CREATE STREAM s1 (a bigint) WITH (TYPE=\"memory\", DATASOURCE=\"in/1\")");
            e.rules().create(rule("byDefault", "SELECT collect(a) AS c FROM s1 GROUP BY COUNTWINDOW(9)", ""));
            try (var q = e.queries().start("SELECT a FROM s1")) {
                publish(e, 1);
                assertEquals(Map.of("a", 1L), q.next(10, TimeUnit.SECONDS));
            }
            TestEngines.waitFor("the rule's checkpoint (qos 1 from etc/oort.yaml)",
                    () -> Files.exists(home.resolve("data/checkpoints/byDefault.ckpt")));
            try (var files = Files.list(home.resolve("data/checkpoints"))) {
                assertEquals(List.of("byDefault.ckpt"), files.map(p -> p.getFileName().toString()).toList());
            }
        } finally {
            TestEngines.close(e);
        }
    }

    private static Map<String, Object> status(EngineService e, String rule) {
        try {
            return e.rules().status(rule);
        } catch (io.oort.engine.core.internal.service.ServiceException ex) {
            return Map.of();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static long inputs(EngineService e, String rule) {
        return status(e, rule).get("op_1_project_0_records_in_total") instanceof Number n ? n.longValue() : -1;
    }
}
