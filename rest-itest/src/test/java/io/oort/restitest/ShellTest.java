package io.oort.restitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The oort: Gogo commands through {@code bin/oort shell -c}, as an operator types them. */
class ShellTest {

    private static OortProcess oort;

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

    private static String ok(String command) throws Exception {
        Object[] r = oort.shell(command);
        assertEquals(0, r[0], command + " ->\n" + r[1]);
        return (String) r[1];
    }

    private static String fails(String command) throws Exception {
        Object[] r = oort.shell(command);
        assertEquals(1, r[0], command + " ->\n" + r[1]);
        return ((String) r[1]).strip();
    }

    @Test
    void streamsAndRules() throws Exception {
        assertEquals("Stream sh1 is created.", ok("oort:create stream sh1 '(a bigint) WITH (TYPE=\"memory\", "
                + "DATASOURCE=\"sh/in\")'").strip());
        assertTrue(ok("oort:show streams").contains("sh1   memory  json    sh/in"), ok("oort:show streams"));
        assertTrue(ok("oort:describe stream sh1").startsWith("Fields\n"));
        assertEquals("Rule shr was created successfully.", ok("oort:create rule shr '{\"sql\":\"SELECT a FROM sh1\","
                + "\"actions\":[{\"nop\":{}}]}'").strip());
        assertTrue(ok("oort:show rules").contains("shr  shr   running"), ok("oort:show rules"));
        assertTrue(ok("oort:getstatus rule shr").contains("source_sh1_0_records_in_total"));
        assertTrue(ok("oort:gettopo rule shr").contains("op_1_project"));
        assertEquals("Rule shr was stopped.", ok("oort:stop rule shr").strip());
        assertTrue(oort.get("/rules/shr/status").body().contains("\"stopped\""), "shell and REST share the service");
        assertEquals("Rule shr was started", ok("oort:start rule shr").strip());
        assertEquals("Rule shr was restarted", ok("oort:restart rule shr").strip());
        String err = fails("oort:drop stream sh1");
        assertTrue(err.startsWith("error: ") && !err.contains("\n"), err);
        assertEquals("Rule shr is dropped.", ok("oort:drop rule shr").strip());
        assertEquals("Stream sh1 is dropped.", ok("oort:drop stream sh1").strip());
    }

    @Test
    void errorsAreOneLine() throws Exception {
        for (String cmd : new String[] {"oort:create stream bad '(a'", "oort:describe rule nope",
            "oort:getstatus rule nope", "oort:start rule nope", "oort:create rule r '{oops'"}) {
            String out = fails(cmd);
            assertTrue(out.startsWith("error: "), cmd + " -> " + out);
            assertEquals(1, out.lines().count(), cmd + " -> " + out);
        }
    }

    @Test
    void exportImportAndQuery() throws Exception {
        ok("oort:create stream shq '() WITH (TYPE=\"memory\", DATASOURCE=\"shq/in\")'");
        Path dir = Files.createTempDirectory("restitest-shell");
        try {
            Path file = dir.resolve("all.json");
            assertTrue(ok("oort:export " + file).contains("exported to"));
            assertTrue(Files.readString(file).contains("CREATE STREAM shq"));
            ok("oort:drop stream shq");
            assertTrue(ok("oort:import " + file).contains("imported"));
            assertTrue(ok("oort:show streams").contains("shq"));
            assertTrue(ok("oort:getstatus import").contains("\"rules\""));
            String q = ok("oort:query 'SELECT * FROM shq' 1 1");
            assertTrue(q.strip().endsWith("0 rows (stopped after 1 s)"), q);
        } finally {
            for (Path p : new Path[] {dir.resolve("all.json"), dir}) {
                Files.deleteIfExists(p);
            }
        }
    }
}
