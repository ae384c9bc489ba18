package io.oort.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The plugin API of the built distribution, black box: the example plugins (examples/connector.random and
 * examples/function.stats) installed through REST (URL, eKuiper-style zip, uploaded body) and the shell, used by
 * rules, described, refused when broken, and removed without a restart.
 */
class PluginApiTest {

    private static final Path RANDOM = Path.of(System.getProperty("oort.example.random",
            "../examples/connector.random/target/connector.random-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
    private static final Path STATS = Path.of(System.getProperty("oort.example.stats",
            "../examples/function.stats/target/function.stats-0.1.0-SNAPSHOT.jar")).toAbsolutePath();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> send(Dist d, String method, String path, HttpRequest.BodyPublisher body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.restPort + path))
                .timeout(Duration.ofSeconds(60)).method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> json(Dist d, String method, String path, String json) throws Exception {
        return send(d, method, path, HttpRequest.BodyPublishers.ofString(json));
    }

    private static String shell(Dist d, String command) throws Exception {
        Object[] r = d.shell(command);
        assertEquals(0, r[0], String.valueOf(r[1]));
        return String.valueOf(r[1]);
    }

    @Test
    void examplePluginsThroughRestAndShell() throws Exception {
        assertTrue(Files.exists(RANDOM) && Files.exists(STATS), "build the examples first: " + RANDOM);
        try (Dist d = Dist.copy(false)) {
            d.start(Map.of());
            Path work = Files.createDirectories(d.home.resolve("data/itest"));

            // a function plugin by URL, with its function list
            HttpResponse<String> r = json(d, "POST", "/plugins/functions", "{\"name\":\"stats\",\"file\":\""
                    + STATS.toUri() + "\",\"functions\":[\"clamp\",\"geomean\"]}");
            assertEquals(201, r.statusCode(), r.body());
            assertEquals("functions plugin stats is created", r.body());
            assertEquals("{\"name\":\"clamp\",\"plugin\":\"stats\"}", d.get("/plugins/udfs/clamp").body());

            // the random source as an eKuiper-style zip: the bundle plus its conf keys
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("connector.random.jar", Files.readAllBytes(RANDOM));
            entries.put("random.yaml", Files.readAllBytes(Path.of("../examples/connector.random/src/plugin/random.yaml")));
            Path zip = Files.write(work.resolve("random.zip"), PluginFixtures.zip(entries));
            r = json(d, "POST", "/plugins/sources", "{\"name\":\"random\",\"file\":\"" + zip.toUri() + "\"}");
            assertEquals(201, r.statusCode(), r.body());
            assertTrue(Files.exists(d.home.resolve("etc/sources/random.yaml")));
            assertEquals("[\"memory\",\"random\"]", d.get("/plugins/sources").body());

            // a rule using both
            assertEquals(201, d.post("/streams", "{\"sql\":\"CREATE STREAM demo () WITH (TYPE=\\\"random\\\", "
                    + "DATASOURCE=\\\"demo\\\", FORMAT=\\\"json\\\", CONF_KEY=\\\"dedup\\\")\"}").statusCode());
            assertEquals(201, d.post("/rules", "{\"id\":\"r1\",\"sql\":\"SELECT clamp(count, 0, 10) AS c FROM demo\","
                    + "\"actions\":[{\"nop\":{}}]}").statusCode());
            Dist.waitFor("rule running", 20, () -> status(d, "r1").contains("\"status\":\"running\""));
            String info = d.get("/plugins/sources/random").body();
            assertTrue(info.contains("\"bundle\":\"io.oort.connector.random\"") && info.contains("\"rules\":[\"r1\"]"),
                    info);

            // the shell sees the same plugins
            String list = shell(d, "oort:plugin list");
            assertTrue(list.contains("random") && list.contains("source random") && list.contains("function clamp"),
                    list);
            assertTrue(shell(d, "oort:plugin info clamp").contains("rules:      r1"));

            // refusals leave everything as it was
            r = json(d, "PUT", "/plugins/sources/random", "{\"file\":\"" + RANDOM.toUri() + "\",\"sha256\":\""
                    + "0".repeat(64) + "\"}");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("checksum mismatch"), r.body());
            r = json(d, "DELETE", "/plugins/sources/memory", "");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("memory is part of io.oort.engine.core"), r.body());
            r = json(d, "POST", "/plugins/sources", "{\"name\":\"x\",\"file\":\"ftp://example.com/x.zip\"}");
            assertEquals(400, r.statusCode());
            assertTrue(status(d, "r1").contains("\"status\":\"running\""), "the rule kept running");

            // uninstall through the shell: the rule waits, saying why; the stream stays
            assertTrue(shell(d, "oort:plugin uninstall random").startsWith("plugin random uninstalled"));
            assertTrue(status(d, "r1").contains("connector random is not installed"), status(d, "r1"));
            assertEquals(200, d.get("/streams/demo").statusCode());
            assertFalse(Files.exists(d.home.resolve("etc/sources/random.yaml")), "its conf keys went with it");

            // back as an uploaded zip (the request body): the rule starts by itself
            r = send(d, "PUT", "/plugins/bundles/random.zip", HttpRequest.BodyPublishers.ofFile(zip));
            assertEquals(201, r.statusCode(), r.body());
            Dist.waitFor("rule running again", 20, () -> status(d, "r1").contains("\"status\":\"running\""));

            // removing the function plugin stops the rule calling it
            r = json(d, "DELETE", "/plugins/functions/stats", "");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(status(d, "r1").contains("function clamp is not installed"), status(d, "r1"));
            assertEquals("[]", d.get("/plugins/udfs").body());
            d.stop();
        }
    }

    @Test
    void anEngineImpostorInPluginsAtStartIsNeverDeployed() throws Exception {
        try (Dist d = Dist.copy(false)) {
            Path engineJar;
            try (var files = Files.list(d.home.resolve("bundle"))) {
                engineJar = files.filter(f -> f.getFileName().toString().startsWith("engine.core-")).findFirst()
                        .orElseThrow();
            }
            String version;
            try (var jar = new java.util.jar.JarFile(engineJar.toFile())) {
                version = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
            }
            // the same symbolic name and version as the engine: FileInstall would update engine.core in place if it
            // could see it when it first scans plugins/ at start-up
            Files.write(d.home.resolve("plugins/impostor.jar"), PluginFixtures.engineNamed(version));
            d.start(Map.of());
            String lb = shell(d, "lb");
            assertEquals(1, lb.lines().filter(l -> l.contains("Oort engine.core")).count(), lb);
            String id = lb.lines().filter(l -> l.contains("Oort engine.core")).findFirst().orElseThrow().trim()
                    .split("\\|")[0].trim();
            assertTrue(lb.lines().filter(l -> l.contains("Oort engine.core")).allMatch(l -> l.contains("Active")), lb);
            String bundle = shell(d, "bundle " + id);
            assertTrue(bundle.contains("(R " + id + ".0)"), "engine.core was never updated: " + bundle);
            assertTrue(d.log().contains("Bundle symbolic name and version are not unique")
                    || lb.lines().anyMatch(l -> l.contains("io.oort.engine.core") && l.contains("Installed")), lb);
            assertEquals(200, d.get("/ping").statusCode());
            d.stop();
        }
    }

    private static String status(Dist d, String rule) {
        try {
            return d.get("/rules/" + rule + "/status").body();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
