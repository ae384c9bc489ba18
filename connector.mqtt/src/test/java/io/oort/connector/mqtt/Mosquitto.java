package io.oort.connector.mqtt;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Mosquitto broker for tests that stop brokers, need TLS or count connections. Logs everything to a file
 * (stdout would be block-buffered), so tests can read what the broker saw.
 */
public final class Mosquitto implements AutoCloseable {
    public static final String BINARY = "/usr/sbin/mosquitto";

    private final Path dir;
    private final int port;
    private final Path log;
    private final Path conf;
    private Process process;

    private Mosquitto(Path dir, int port, String listenerConfig) throws IOException {
        this.dir = dir;
        this.port = port;
        this.log = dir.resolve("mosquitto-" + port + ".log");
        this.conf = dir.resolve("mosquitto-" + port + ".conf");
        // "user root": when run as root Mosquitto would switch to the mosquitto user, who cannot read the
        // test's private temp directory. Ignored when not root.
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "user root",
                "log_dest file " + log,
                "log_type all",
                listenerConfig,
                ""));
    }

    /** Starts a broker on a free port; {@code listenerConfig} adds lines such as TLS settings. */
    public static Mosquitto start(Path dir, String listenerConfig) throws IOException {
        Mosquitto m = new Mosquitto(dir, freePort(), listenerConfig);
        m.start();
        return m;
    }

    public static Mosquitto start(Path dir) throws IOException {
        return start(dir, "");
    }

    /** A configured but not started broker (for "broker down at start" tests). */
    public static Mosquitto prepare(Path dir, String listenerConfig) throws IOException {
        return new Mosquitto(dir, freePort(), listenerConfig);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** (Re)starts the broker on the same port and waits until it accepts connections. */
    public void start() throws IOException {
        long linesBefore = Files.exists(log) ? countRunning() : 0;
        process = new ProcessBuilder(BINARY, "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto-" + port + ".out").toFile())
                .start();
        Await.until(Duration.ofSeconds(10), () -> !process.isAlive() || countRunning() > linesBefore,
                "mosquitto on port " + port + " to start");
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited: " + Files.readString(
                    dir.resolve("mosquitto-" + port + ".out")) + "\n" + logText());
        }
    }

    private long countRunning() {
        return count(" running");
    }

    /** Stops the broker (SIGTERM, then SIGKILL) and waits for it to exit. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public int port() {
        return port;
    }

    public String url(String scheme) {
        return scheme + "://127.0.0.1:" + port;
    }

    public String tcpUrl() {
        return url("tcp");
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> logLines() {
        return logText().lines().toList();
    }

    /** How many log lines contain {@code text}. */
    public long count(String text) {
        return logLines().stream().filter(l -> l.contains(text)).count();
    }

    @Override
    public void close() {
        stop();
    }
}
