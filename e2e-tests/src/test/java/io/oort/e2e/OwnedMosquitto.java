package io.oort.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto the test owns: its own port, config and persistence file in a temp directory, stopped (SIGTERM, so it
 * saves its sessions) and started again on the same port. With persistence a subscriber's persistent session and
 * its queued QoS 1 messages survive the restart, so what the engine resends is never lost on the way to the test.
 */
final class OwnedMosquitto implements AutoCloseable {
    static final String BINARY = "/usr/sbin/mosquitto";

    private final Path dir;
    private final int port;
    private final Path conf;
    private Process process;

    OwnedMosquitto(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        this.conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir + "/",
                "persistence_file mosquitto.db",
                "autosave_interval 3600",
                "max_queued_messages 100000",
                "max_inflight_messages 0",
                // when run as root Mosquitto would switch to the mosquitto user, who cannot read the temp directory
                "user root",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type error",
                "log_type warning",
                "log_type notice",
                ""));
    }

    /** Starts the broker and waits until it accepts connections. */
    void start() throws IOException {
        process = new ProcessBuilder(BINARY, "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.out").toFile()))
                .start();
        Await.until(Duration.ofSeconds(10), () -> !process.isAlive() || accepts(), () -> "mosquitto on " + port);
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.out")));
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the broker gracefully (it saves its persistent sessions) and waits for it to exit. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
