package io.oort.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The built distribution as a user runs it: bin/oort starts with no TTY and stdin closed, answers /ping and /,
 * picks up a connector bundle dropped into plugins/ and forgets it when the file is deleted, answers the shell,
 * and stops on SIGTERM.
 */
class DistributionTest {

    @Test
    void startsServesHotDeploysAndStops() throws Exception {
        try (Dist d = Dist.copy(false)) {
            long readyMs = d.start(Map.of());
            System.out.println("distribution REST ready after " + readyMs + " ms (process start to /ping 200)");

            assertEquals(200, d.get("/ping").statusCode());
            String root = d.get("/").body();
            assertTrue(root.contains("\"version\":\"0.1.0-SNAPSHOT\"") && root.contains("\"upTimeSeconds\""), root);
            assertEquals("[\"memory\"]", d.get("/plugins/sources").body());

            // drop a connector bundle into plugins/: written elsewhere, then moved in (no partial file is seen)
            Path tmp = d.home.resolve("data/itest-connector.jar.part");
            Files.write(tmp, FixtureBundles.connector("io.oort.itest.dropin", "1.0.0", "dropsrc"));
            Path jar = d.home.resolve("plugins/itest-connector.jar");
            Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE);
            Dist.waitFor("connector listed", 20, () -> body(d, "/plugins/sources").contains("dropsrc"));
            assertEquals("[\"dropsrc\",\"memory\"]", d.get("/plugins/sources").body());

            Object[] shell = d.shell("oort:connectors");
            assertEquals(0, shell[0], String.valueOf(shell[1]));
            assertTrue(String.valueOf(shell[1]).contains("dropsrc  source  io.oort.itest.dropin  1.0.0"),
                    String.valueOf(shell[1]));
            Object[] bad = d.shell("no-such-command");
            assertEquals(1, bad[0]);

            Files.delete(jar);
            Dist.waitFor("connector gone", 20, () -> !body(d, "/plugins/sources").contains("dropsrc"));

            int exit = d.stop();
            assertTrue(exit == 0 || exit == 143, "exit code " + exit);
            assertTrue(Files.readString(d.home.resolve("log/oort.log")).contains("started in"),
                    "log/oort.log has the start line");
        }
    }

    @Test
    void aShippedConnectorIsUsableAsSoonAsTheApiAnswers() throws Exception {
        try (Dist d = Dist.copy(true)) {
            d.start(Map.of()); // returns at the first answer of /ping, while FileInstall may still deploy plugins/
            HttpResponse<String> r = d.post("/streams",
                    "{\"sql\":\"CREATE STREAM early () WITH (DATASOURCE=\\\"early\\\", TYPE=\\\"mqtt\\\")\"}");
            assertEquals(201, r.statusCode(), r.body());
            assertTrue(d.get("/plugins/sources").body().contains("mqtt"));
            int exit = d.stop();
            assertFalse(d.log().contains("plugins not deployed in time"), "the API waited for the plugins, not its bound");
            assertTrue(exit == 0 || exit == 143, "exit code " + exit);
        }
    }

    @Test
    void invalidConfigurationStopsTheStartWithAMessage() throws Exception {
        try (Dist d = Dist.copy(false)) {
            ProcessBuilder pb = new ProcessBuilder(d.home.resolve("bin/oort").toString());
            pb.environment().put("OORT__BASIC__RESTPORT", "not-a-port");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(2, p.exitValue());
            assertTrue(out.contains("invalid value 'not-a-port' for basic.restPort (expected an integer)"), out);
        }
    }

    private static String body(Dist d, String path) {
        try {
            return d.get(path).body();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
