package io.oort.engine.core.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Brings a plugin file into the staging folder: from an {@code http(s)://} or {@code file://} URL (optionally only
 * under the configured {@code plugins.allowedUrlPrefixes}) or from an uploaded body, bounded in size, with its
 * SHA-256 computed on the way and checked when the caller gave one. Nothing outside the staging folder is written.
 */
final class PluginFetcher {

    private static final int MAX_REDIRECTS = 5;

    private final List<String> allowedPrefixes;
    private final Path staging;
    private final long maxBytes;
    private final Duration timeout;
    private HttpClient http;

    /**
     * @param allowedPrefixes URL prefixes a plugin URL must start with; empty allows any http(s) and file URL
     * @param staging         where downloads are written (same file system as {@code plugins/}, for atomic moves)
     */
    PluginFetcher(List<String> allowedPrefixes, Path staging, long maxBytes, Duration timeout) {
        this.allowedPrefixes = List.copyOf(allowedPrefixes);
        this.staging = staging;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** A file in the staging folder and its SHA-256 (lower-case hex). The caller deletes the file. */
    record Fetched(Path file, String sha256) {
    }

    /** Downloads or copies the plugin at {@code url}; verifies {@code sha256} when not null. */
    Fetched fetch(String url, String sha256) throws PluginException {
        String expected = checkSha256(sha256);
        URI uri = checkUrl(url);
        Path tmp = newStagingFile();
        try {
            String actual;
            if ("file".equals(uri.getScheme())) {
                Path src = Paths.get(uri);
                if (!Files.isRegularFile(src)) {
                    throw PluginException.badRequest("fail to download file " + url + ": no such file");
                }
                try (InputStream in = Files.newInputStream(src)) {
                    actual = copy(in, tmp, url);
                }
            } else {
                actual = download(uri, tmp, url);
            }
            verify(expected, actual);
            return new Fetched(tmp, actual);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw PluginException.badRequest("fail to download file " + url + ": " + e.getMessage());
        } catch (PluginException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /** Stores an uploaded body; verifies {@code sha256} when not null. */
    Fetched store(byte[] body, String sha256) throws PluginException {
        String expected = checkSha256(sha256);
        Path tmp = newStagingFile();
        try {
            if (body.length > maxBytes) {
                throw PluginException.badRequest("the plugin is larger than " + maxBytes + " bytes");
            }
            String actual;
            try (InputStream in = new java.io.ByteArrayInputStream(body)) {
                actual = copy(in, tmp, "the upload");
            }
            verify(expected, actual);
            return new Fetched(tmp, actual);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw PluginException.badRequest("cannot store the upload: " + e.getMessage());
        } catch (PluginException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void verify(String expected, String actual) throws PluginException {
        if (expected != null && !expected.equals(actual)) {
            throw PluginException.badRequest("checksum mismatch: sha256 is " + actual + ", expected " + expected);
        }
    }

    /** Null, or the lower-case 64-digit hex form. */
    static String checkSha256(String sha256) throws PluginException {
        if (sha256 == null || sha256.isBlank()) {
            return null;
        }
        String s = sha256.trim().toLowerCase(Locale.ROOT);
        if (!s.matches("[0-9a-f]{64}")) {
            throw PluginException.badRequest("invalid sha256 '" + sha256 + "': expected 64 hexadecimal digits");
        }
        return s;
    }

    /** Only http, https and file URLs, normalized, and only under an allowed prefix when prefixes are configured. */
    URI checkUrl(String url) throws PluginException {
        if (url == null || url.isBlank()) {
            throw PluginException.badRequest("invalid uri: the plugin file URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim()).normalize();
        } catch (URISyntaxException e) {
            throw PluginException.badRequest("invalid uri " + url + ": " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
            throw PluginException.badRequest("invalid uri " + url + ": only http://, https:// and file:// URLs are accepted");
        }
        if (scheme.equals("file") && (uri.getAuthority() != null && !uri.getAuthority().isEmpty()
                && !"localhost".equalsIgnoreCase(uri.getAuthority()))) {
            throw PluginException.badRequest("invalid uri " + url + ": file URLs must name a local file (file:///path)");
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw PluginException.badRequest("invalid uri " + url + ": no host");
        }
        if (uri.getPath() != null && uri.getPath().contains("/../")) {
            throw PluginException.badRequest("invalid uri " + url + ": '..' is not allowed");
        }
        if (scheme.equals("file") && uri.getAuthority() != null) {
            uri = URI.create("file://" + uri.getRawPath());
        }
        checkAllowed(uri.toString(), url);
        return uri;
    }

    private void checkAllowed(String normalized, String original) throws PluginException {
        if (allowedPrefixes.isEmpty()) {
            return;
        }
        for (String p : allowedPrefixes) {
            if (normalized.startsWith(p) || normalized.replaceFirst("^file:/(?!/)", "file:///").startsWith(p)) {
                return;
            }
        }
        throw PluginException.badRequest("the URL " + original
                + " is not allowed: plugin URLs must start with one of " + allowedPrefixes
                + " (plugins.allowedUrlPrefixes)");
    }

    private String download(URI uri, Path tmp, String url) throws IOException, PluginException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest req = HttpRequest.newBuilder(current).timeout(timeout).GET().build();
            HttpResponse<InputStream> resp;
            try {
                resp = client().send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            int status = resp.statusCode();
            if (status >= 300 && status < 400 && resp.headers().firstValue("Location").isPresent()) {
                resp.body().close();
                // every hop is checked like the original URL: a redirect cannot leave the allowed prefixes
                current = checkUrl(current.resolve(resp.headers().firstValue("Location").get()).toString());
                continue;
            }
            try (InputStream in = resp.body()) {
                if (status != 200) {
                    throw new IOException("HTTP " + status);
                }
                return copy(in, tmp, url);
            }
        }
        throw new IOException("too many redirects");
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    private String copy(InputStream in, Path tmp, String what) throws IOException, PluginException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[65536];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw PluginException.badRequest(what + " is larger than " + maxBytes + " bytes");
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    Path newStagingFile() throws PluginException {
        try {
            Files.createDirectories(staging);
            return Files.createTempFile(staging, "plugin-", ".part");
        } catch (IOException e) {
            throw PluginException.badRequest("cannot create a staging file in " + staging + ": " + e.getMessage());
        }
    }

    static void deleteQuietly(Path p) {
        try {
            if (p != null) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: staging files are cleaned at the next start
        }
    }
}
