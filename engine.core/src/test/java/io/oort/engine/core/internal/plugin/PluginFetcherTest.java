package io.oort.engine.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

class PluginFetcherTest {

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private PluginFetcher fetcher(List<String> allowed) {
        return new PluginFetcher(allowed, dir.resolve("staging"), 1024 * 1024, Duration.ofSeconds(5));
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private String serve(byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/p/x.jar", ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.createContext("/away", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/other/x.jar");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aFileUrlIsCopiedAndItsChecksumVerified() throws Exception {
        byte[] content = Jars.bytes("plugin bytes");
        Path src = Files.write(dir.resolve("x.jar"), content);
        PluginFetcher.Fetched f = fetcher(List.of()).fetch(src.toUri().toString(), sha256(content).toUpperCase());
        assertEquals(sha256(content), f.sha256());
        assertEquals("plugin bytes", Files.readString(f.file()));
        assertTrue(f.file().startsWith(dir.resolve("staging")));
    }

    @Test
    void aBadChecksumIsRefusedAndNothingStays() throws Exception {
        Path src = Files.write(dir.resolve("x.jar"), Jars.bytes("plugin bytes"));
        String bad = "0".repeat(64);
        PluginException e = assertThrows(PluginException.class,
                () -> fetcher(List.of()).fetch(src.toUri().toString(), bad));
        assertTrue(e.getMessage().startsWith("checksum mismatch: sha256 is "), e.getMessage());
        try (var s = Files.list(dir.resolve("staging"))) {
            assertEquals(0, s.count(), "the staging file is removed");
        }
        assertEquals("invalid sha256 'abc': expected 64 hexadecimal digits",
                assertThrows(PluginException.class, () -> fetcher(List.of()).fetch(src.toUri().toString(), "abc"))
                        .getMessage());
    }

    @Test
    void onlyHttpHttpsAndFileUrls() {
        PluginFetcher f = fetcher(List.of());
        for (String url : List.of("ftp://host/x.jar", "jar:file:/x.jar!/", "x.jar", "")) {
            assertThrows(PluginException.class, () -> f.fetch(url, null), url);
        }
        assertTrue(assertThrows(PluginException.class, () -> f.fetch("file:///nowhere/x.jar", null)).getMessage()
                .endsWith("no such file"));
    }

    @Test
    void theAllowListRestrictsUrlsAfterNormalizing() throws Exception {
        Path allowedDir = Files.createDirectories(dir.resolve("allowed"));
        Path ok = Files.write(allowedDir.resolve("x.jar"), Jars.bytes("x"));
        Files.write(dir.resolve("secret.jar"), Jars.bytes("s"));
        String prefix = allowedDir.toUri().toString().replaceFirst("^file:/+", "file:///");
        PluginFetcher f = fetcher(List.of(prefix, "https://plugins.example.com/"));
        f.fetch(ok.toUri().toString(), null);
        String escape = prefix + "../secret.jar";
        String m = assertThrows(PluginException.class, () -> f.fetch(escape, null)).getMessage();
        assertTrue(m.contains("is not allowed") || m.contains("'..' is not allowed"), m);
        assertTrue(assertThrows(PluginException.class, () -> f.fetch("https://evil.example.com/x.jar", null))
                .getMessage().contains("plugins.allowedUrlPrefixes"));
        assertTrue(assertThrows(PluginException.class,
                () -> f.fetch("https://plugins.example.com.evil.net/x.jar", null)).getMessage()
                .contains("is not allowed"));
    }

    @Test
    void httpDownloadsAndRedirectsStayInsideTheAllowList() throws Exception {
        byte[] content = Jars.bytes("over http");
        String base = serve(content);
        PluginFetcher.Fetched f = fetcher(List.of()).fetch(base + "/p/x.jar", sha256(content));
        assertEquals("over http", Files.readString(f.file()));
        PluginFetcher onlyP = fetcher(List.of(base + "/p/", base + "/away"));
        PluginException e = assertThrows(PluginException.class, () -> onlyP.fetch(base + "/away", null));
        assertTrue(e.getMessage().contains("/other/x.jar is not allowed"), e.getMessage());
        assertTrue(assertThrows(PluginException.class, () -> fetcher(List.of()).fetch(base + "/missing", null))
                .getMessage().endsWith("HTTP 404"));
    }

    @Test
    void theSizeIsBounded() throws Exception {
        PluginFetcher small = new PluginFetcher(List.of(), dir.resolve("staging"), 10, Duration.ofSeconds(5));
        Path src = Files.write(dir.resolve("big.jar"), new byte[11]);
        assertTrue(assertThrows(PluginException.class, () -> small.fetch(src.toUri().toString(), null)).getMessage()
                .contains("is larger than 10 bytes"));
        assertFalse(Files.list(dir.resolve("staging")).findAny().isPresent());
    }

    @Test
    void pluginNamesFromFileNames() throws Exception {
        assertEquals("connector.random", PluginInstaller.nameOfFile("connector.random-0.1.0-SNAPSHOT.jar"));
        assertEquals("random", PluginInstaller.nameOfFile("/tmp/random.zip"));
        assertEquals("Random", PluginInstaller.nameOfFile("Random@v1.0.0.zip"));
        assertEquals("connector.mqtt", PluginInstaller.nameOfFile("connector.mqtt.jar"));
        assertThrows(PluginException.class, () -> PluginInstaller.nameOfFile("x.txt"));
        assertThrows(PluginException.class, () -> PluginInstaller.checkName("../x"));
        assertThrows(PluginException.class, () -> PluginInstaller.checkName(".hidden"));
    }
}
