package io.oort.restitest;

import java.io.File;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Oort installation for black-box tests: a private copy of distribution/target/oort (its own data/, etc/ and
 * log/), started with bin/oort on free REST and shell ports. Only this process is ever killed; every wait is bounded.
 */
final class OortProcess implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer. */
    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    final Path home;
    final int restPort;
    final int shellPort;
    final Map<String, String> env = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> headers = new HashMap<>();
    private Process process;

    private OortProcess(Path home, int restPort, int shellPort) {
        this.home = home;
        this.restPort = restPort;
        this.shellPort = shellPort;
    }

    /** A fresh copy of the distribution (without its data/ and log/). */
    static OortProcess install() throws IOException {
        Path src = Paths.get(System.getProperty("oort.distribution", "../distribution/target/oort"));
        if (!Files.isExecutable(src.resolve("bin/oort"))) {
            throw new IllegalStateException("build the distribution first: " + src + "/bin/oort is missing");
        }
        Path home = Files.createTempDirectory("oort-rest-itest");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = src.relativize(p);
                if (rel.startsWith("data") && !rel.toString().equals("data") || rel.startsWith("log")
                        && !rel.toString().equals("log")) {
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
        return new OortProcess(home, freePort(), freePort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts bin/oort and waits (at most 60 s) until /ping answers; kills it again when it does not come up. */
    OortProcess start() throws Exception {
        try {
            return launch();
        } catch (Exception | AssertionError e) {
            kill();
            throw e;
        }
    }

    private OortProcess launch() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/oort").toString());
        pb.environment().put("OORT__BASIC__RESTPORT", String.valueOf(restPort));
        pb.environment().put("OORT__BASIC__RESTIP", "127.0.0.1");
        pb.environment().put("OORT__BASIC__PORT", String.valueOf(shellPort));
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("stdout.log").toFile()));
        process = pb.start();
        Process started = process;
        // if the test JVM goes away first (interrupted build), take this installation's process with it
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "oort-itest-cleanup"));
        waitFor("the REST API of " + home, 60, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("Oort exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                return get("/ping").status() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        if (Files.exists(home.resolve("plugins/connector.mqtt.jar"))) {
            // plugins/ is scanned after the engine is up: wait until the MQTT connector is bound
            waitFor("the mqtt connector", 30, () -> {
                try {
                    return get("/plugins/sinks").body().contains("\"mqtt\"");
                } catch (IOException e) {
                    return false;
                }
            });
        }
        return this;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits (bounded) for the process to end by itself; its exit code. */
    int awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("Oort did not stop within " + seconds + " s");
        }
        return process.exitValue();
    }

    /** SIGTERM, bounded wait. */
    void stop() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** kill -9 of this process only. */
    void kill() throws InterruptedException {
        if (alive()) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    void header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
    }

    Reply get(String path) throws IOException {
        return send("GET", path, null);
    }

    Reply post(String path, String body) throws IOException {
        return send("POST", path, body);
    }

    Reply put(String path, String body) throws IOException {
        return send("PUT", path, body);
    }

    Reply delete(String path) throws IOException {
        return send("DELETE", path, null);
    }

    Reply send(String method, String path, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** {@code bin/oort shell -c command}: {exit code, output}. */
    Object[] shell(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/oort").toString(), "shell", "-c", command);
        pb.environment().put("OORT__BASIC__PORT", String.valueOf(shellPort));
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("shell command did not finish: " + command);
        }
        return new Object[] {p.exitValue(), withoutLogLines(out)};
    }

    /**
     * The engine's log lines that the shell session shows too (slf4j-simple writes to the System.out that Gogo
     * redirects for the command's thread); the tests look at the command's own output.
     */
    private static String withoutLogLines(String out) {
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (!line.matches("^\\d{4}-\\d\\d-\\d\\dT\\S+ \\[.*\\] (TRACE|DEBUG|INFO|WARN|ERROR) .*")) {
                sb.append(line).append('\n');
            }
        }
        return sb.length() > 0 ? sb.substring(0, sb.length() - 1) : "";
    }

    String log() {
        try {
            Path f = home.resolve("stdout.log");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Polls until the condition holds; fails after the deadline. */
    static void waitFor(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the rule reports the status ("running", "stopped"). */
    void awaitRule(String id, String status) throws InterruptedException {
        String[] last = {""};
        try {
            waitFor("rule " + id + " to be " + status, 20, () -> {
                try {
                    Reply r = get("/rules/" + id + "/status");
                    last[0] = r.toString();
                    return r.status() == 200 && status.equals(r.json().get("status").asText());
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer " + last[0]);
        }
    }

    @Override
    public void close() throws Exception {
        kill();
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
