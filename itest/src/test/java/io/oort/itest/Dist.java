package io.oort.itest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A private copy of the built distribution (distribution/target/oort) started with {@code bin/oort} on free ports,
 * for black-box tests. Kills only its own process; waits are bounded.
 */
final class Dist implements AutoCloseable {

    final Path home;
    final int restPort;
    final int shellPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path logFile;

    private Dist(Path home, int restPort, int shellPort) {
        this.home = home;
        this.restPort = restPort;
        this.shellPort = shellPort;
    }

    /** Copies the distribution to a temporary directory, with an empty plugins/ unless {@code withPlugins}. */
    static Dist copy(boolean withPlugins) throws IOException {
        Path src = Paths.get(System.getProperty("oort.distribution", "../distribution/target/oort"));
        if (!Files.isExecutable(src.resolve("bin/oort"))) {
            throw new IllegalStateException("build the distribution first: " + src + "/bin/oort is missing");
        }
        Path home = Files.createTempDirectory("oort-dist");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = src.relativize(p);
                if (rel.startsWith("data") || rel.startsWith("log") || (!withPlugins && rel.startsWith("plugins")
                        && !rel.toString().equals("plugins"))) {
                    continue;
                }
                Path to = home.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(home.resolve("plugins"));
        return new Dist(home, freePort(), freePort());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts bin/oort with stdin closed; returns how long until GET /ping answered, in ms. */
    long start(Map<String, String> env) throws Exception {
        logFile = home.resolve("stdout.log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/oort").toString());
        pb.environment().put("OORT__BASIC__RESTPORT", String.valueOf(restPort));
        pb.environment().put("OORT__BASIC__RESTIP", "127.0.0.1");
        pb.environment().put("OORT__BASIC__PORT", String.valueOf(shellPort));
        pb.environment().put("OORT__PLUGINS__POLLINTERVAL", "200ms");
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(logFile.toFile());
        long t0 = System.nanoTime();
        process = pb.start();
        waitFor("REST API up", 30, () -> {
            try {
                return get("/ping").statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + restPort + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
        try {
            return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Runs {@code bin/oort shell -c command} and returns {exit code, output}. */
    Object[] shell(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/oort").toString(), "shell", "-c", command);
        pb.environment().put("OORT__BASIC__PORT", String.valueOf(shellPort));
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("shell command did not finish: " + command);
        }
        return new Object[] {p.exitValue(), out};
    }

    String log() throws IOException {
        return logFile == null || !Files.exists(logFile) ? "" : Files.readString(logFile);
    }

    /** SIGTERM and wait (bounded); returns the exit code. */
    int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void waitFor(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        if (!await(seconds, condition)) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
        }
    }

    /** Waits up to {@code seconds} for a condition; whether it came true (the caller's assertions say what is wrong). */
    static boolean await(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        if (alive()) {
            kill();
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(home)) {
            s.forEach(all::add);
        }
        all.sort((a, b) -> b.getNameCount() - a.getNameCount());
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
