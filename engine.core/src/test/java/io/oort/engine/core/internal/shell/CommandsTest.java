package io.oort.engine.core.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.TestEngines;

/** The shell commands' text, without Gogo: tables, eKuiper's sentences, one-line errors. */
class CommandsTest {

    private EngineService engine;
    private OortCommands shell;

    @BeforeEach
    void setUp() {
        engine = TestEngines.open(null);
        shell = new OortCommands(engine);
    }

    @AfterEach
    void tearDown() {
        TestEngines.close(engine);
    }

    @Test
    void streamsAndRulesLikeEkuipersCli() {
        assertEquals("Stream demo is created.", shell.create("stream", "demo",
                "(a bigint) WITH (TYPE=\"memory\", DATASOURCE=\"in/demo\")"));
        assertEquals("Table t1 is created.", shell.create("table", "t1",
                "CREATE TABLE t1 () WITH (TYPE=\"memory\", DATASOURCE=\"in/t\")"));
        String streams = shell.show("streams");
        assertTrue(streams.startsWith("NAME  TYPE    FORMAT  DATASOURCE\ndemo  memory  json    in/demo\n"), streams);
        assertTrue(shell.describe("stream", "demo").startsWith("Fields\n----"), shell.describe("stream", "demo"));
        assertEquals("Rule r1 was created successfully.", shell.create("rule", "r1",
                "{\"sql\":\"SELECT a FROM demo\",\"actions\":[{\"log\":{}}]}"));
        assertTrue(shell.show("rules").contains("r1  r1    running"), shell.show("rules"));
        assertTrue(shell.describe("rule", "r1").contains("\"sql\" : \"SELECT a FROM demo\""));
        assertTrue(shell.getstatus("rule", "r1").contains("source_demo_0_records_in_total"));
        assertTrue(shell.gettopo("rule", "r1").contains("\"source_demo\""));
        assertEquals("Rule r1 was stopped.", shell.stop("rule", "r1"));
        assertEquals("Rule r1 was started", shell.start("rule", "r1"));
        assertEquals("Rule r1 was restarted", shell.restart("rule", "r1"));
        assertTrue(shell.validate("rule", "{\"id\":\"v\",\"sql\":\"SELECT a FROM demo\",\"actions\":[{\"log\":{}}]}")
                .contains("reads demo"));
        assertTrue(shell.drop("stream", "demo").startsWith("error: "), "used by r1");
        assertEquals("Rule r1 is dropped.", shell.drop("rule", "r1"));
        assertEquals("Stream demo is dropped.", shell.drop("stream", "demo"));
    }

    @Test
    void errorsAreOneLine() {
        for (String out : List.of(shell.create("stream", "x", "(a"), shell.create("bogus", "x", "y"),
                shell.describe("rule", "nope"), shell.getstatus("rule", "nope"), shell.start("rule", "nope"),
                shell.create("rule", "r", "{not json"), shell.query("SELECT * FROM nowhere"), shell.show("widgets"),
                shell.query("SELECT 1", "zero"))) {
            assertTrue(out.startsWith("error: "), out);
            assertEquals(1, out.lines().count(), out);
        }
    }

    @Test
    void exportAndImportFiles(@TempDir Path dir) throws Exception {
        shell.create("stream", "s", "() WITH (TYPE=\"memory\", DATASOURCE=\"in/s\")");
        shell.create("rule", "r", "{\"sql\":\"SELECT * FROM s\",\"actions\":[{\"log\":{}}]}");
        Path f = dir.resolve("all.json");
        assertTrue(shell.export(f.toString()).startsWith("exported to "));
        assertTrue(Files.readString(f).contains("\"streams\""));
        Path some = dir.resolve("some.json");
        shell.export("data", some.toString(), "-r", "[\"r\"]");
        assertTrue(Files.readString(some).contains("CREATE STREAM s"));
        shell.drop("rule", "r");
        shell.drop("stream", "s");
        assertTrue(shell._import(f.toString()).startsWith("imported "), shell._import(f.toString()));
        assertTrue(shell.show("rules").contains("running"));
        assertTrue(shell._import("data", "-f", some.toString(), "-p").endsWith("(partial)"));
        assertTrue(shell.getstatus("import").contains("\"streams\" : { }"));
        Path ruleset = dir.resolve("ruleset.json");
        shell.export("ruleset", ruleset.toString());
        assertEquals("imported 1 streams, 0 tables and 1 rules", shell._import("ruleset", ruleset.toString()));
        assertTrue(shell._import(dir.resolve("missing.json").toString()).startsWith("error: "));
    }

    @Test
    void queryPrintsRowsUntilEnough() throws Exception {
        shell.create("stream", "q", "() WITH (TYPE=\"memory\", DATASOURCE=\"in/q\")");
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
        try {
            feeder.scheduleAtFixedRate(() -> engine.memoryBus().publish("in/q", Map.of("v", 1)), 50, 50,
                    TimeUnit.MILLISECONDS);
            List<String> rows = new ArrayList<>();
            String summary = new Commands(engine).query("SELECT v FROM q", 3, 10, rows::add);
            assertEquals("3 rows", summary);
            assertEquals(List.of("{\"v\":1}", "{\"v\":1}", "{\"v\":1}"), rows);
        } finally {
            feeder.shutdownNow();
        }
        assertTrue(engine.rules().list().isEmpty(), "the query's rule is temporary");
        List<String> none = new ArrayList<>();
        assertEquals("0 rows (stopped after 1 s)", new Commands(engine).query("SELECT v FROM q", 3, 1, none::add));
    }
}
