package io.oort.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Plugins swapped under load, black box: a rule reads JSON messages from an MQTT broker at 2,000 msg/s and writes
 * them to the broker with QoS 1 and the sink cache on, while the MQTT connector bundle is updated 20 times and
 * uninstalled/reinstalled 5 times (REST and drop-in). Asserts that every message published came out at least once,
 * that threads, heap and class loaders return to their baseline (the old bundles' class loaders are collected), and
 * that the engine never restarted.
 *
 * <p>The default run swaps for about 60 s (as many operations as fit, at least 3 updates and a reinstall);
 * {@code -Doort.soak=long} does all 20 updates and 5 reinstalls under load ({@code -Doort.soak.seconds} sets the
 * budget).
 * The broker is a private Mosquitto on a free loopback port (the source keeps a persistent session, and the broker
 * must queue what is published while the source is uninstalled: the shared broker's default per-client queue of
 * 1,000 messages is half a second at this rate). Skipped when {@code mosquitto} is not installed.
 */
class PluginSoakTest {

    private static final int RATE = 2000;
    private static final int UPDATES = 20;
    private static final int REINSTALLS = 5;
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void connectorSwapsUnderLoadLoseNothingAndLeakNothing() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/mosquitto")), "mosquitto is not installed");
        boolean full = "long".equals(System.getProperty("oort.soak"));
        int budget = Integer.getInteger("oort.soak.seconds", full ? 900 : 60);
        int brokerPort = Dist.freePort();
        Path brokerDir = Files.createTempDirectory("oort-soak-broker");
        Files.writeString(brokerDir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + brokerPort + " 127.0.0.1", "allow_anonymous true", "persistence false",
                "max_queued_messages 0", "max_inflight_messages 0", "log_dest none", ""));
        Process broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", brokerDir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(brokerDir.resolve("broker.log").toFile()).start();
        String server = "tcp://127.0.0.1:" + brokerPort;
        try (Dist d = Dist.copy(true)) {
            try {
                soak(d, server, brokerPort, brokerDir, full, budget);
            } finally {
                if (Files.exists(d.home.resolve("log/oort.log"))) { // kept for a look after a failure
                    Files.copy(d.home.resolve("log/oort.log"), Path.of("target/plugin-soak-oort.log"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.list(brokerDir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(brokerDir);
        }
    }

    private void soak(Dist d, String server, int brokerPort, Path brokerDir, boolean full, int budget)
            throws Exception {
        Dist.waitFor("broker listening", 10, () -> canConnect(brokerPort));
        Path jar = Files.copy(d.home.resolve("plugins/connector.mqtt.jar"), brokerDir.resolve("connector.mqtt.jar"));
        Files.createDirectories(d.home.resolve("etc/sources"));
        Files.writeString(d.home.resolve("etc/sources/mqtt.yaml"), String.join("\n", "soak:",
                "  server: " + server, "  qos: 1", "  clientid: oort-soak-source", "  enableClientSession: true",
                ""));
        d.start(Map.of());
        Collector out = new Collector(server);
        assertEquals(201, d.post("/streams", "{\"sql\":\"CREATE STREAM soak_in () WITH (TYPE=\\\"mqtt\\\", "
                + "DATASOURCE=\\\"soak/in\\\", FORMAT=\\\"json\\\", CONF_KEY=\\\"soak\\\")\"}").statusCode());
        HttpResponse<String> rule = d.post("/rules", "{\"id\":\"soak\",\"sql\":\"SELECT seq FROM soak_in\","
                + "\"options\":{\"qos\":1},\"actions\":[{\"mqtt\":{\"server\":\"" + server + "\","
                + "\"topic\":\"soak/out\",\"qos\":1,\"clientId\":\"oort-soak-sink\",\"sendSingle\":true,"
                + "\"enableCache\":true,\"resendInterval\":\"10ms\"}}]}");
        assertEquals(201, rule.statusCode(), rule.body());
        Dist.waitFor("rule running", 30, () -> running(d));
        String engineBefore = engineBundle(d);

        Publisher pub = new Publisher(server);
        pub.start();
        Dist.waitFor("first results", 30, () -> out.count() > 0);
        underLoad(out); // the baseline is taken with the rule under load, as the end state is
        Snapshot baseline = Snapshot.of(d.pid());

        // Operations one after the other under load: each waits until the rule runs again on the new bundle
        // and has caught up with what queued in the broker meanwhile (the rule's headroom above 2,000 msg/s
        // decides how long that takes). The default run does what fits in its budget; -Doort.soak=long all 25.
        long start = System.nanoTime();
        int updates = 0;
        int reinstalls = 0;
        List<String> timings = new ArrayList<>();
        for (int i = 1; i <= UPDATES + REINSTALLS; i++) {
            if (!full && seconds(start) > budget - 15 && updates >= 3 && reinstalls >= 1) {
                break; // the default run: what fits in the budget, and at least these on a slow machine
            }
            long t0 = System.nanoTime();
            long seqAtStart = pub.sent.get();
            boolean reinstall = i % 5 == 3;
            if (reinstall) {
                reinstall(d, jar, ++reinstalls);
            } else {
                HttpResponse<String> r = send(d, "PUT", "/plugins/sinks/mqtt", "{\"file\":\"" + jar.toUri() + "\"}");
                assertEquals(200, r.statusCode(), r.body());
                updates++;
            }
            Dist.waitFor("rule running after operation " + i, 120, () -> running(d));
            long swapMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            long target = pub.sent.get();
            Dist.waitFor("rule caught up after operation " + i, 120, () -> out.missing(target) == 0);
            timings.add((reinstall ? "reinstall" : "update") + "@" + seqAtStart + ":" + swapMs + "ms+catch-up "
                    + (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) - swapMs) + "ms");
        }
        underLoad(out); // under load again on the final version before the end measurements
        // Old revisions go once FileInstall's refresh and the trial's have finished: give that a bounded moment.
        Snapshot[] last = {null};
        Dist.await(10, () -> {
            last[0] = snapshot(d);
            return last[0].loaders <= baseline.loaders && last[0].mqttPools == 1;
        });
        Snapshot end = last[0];
        if (end.loaders > baseline.loaders) { // what is left, for a look after the failure asserted below
            Files.writeString(Path.of("target/plugin-soak-classloaders.txt"),
                    Snapshot.jcmd(d.pid(), "VM.classloaders show-classes"));
            Snapshot.jcmd(d.pid(), "GC.heap_dump " + Path.of("target/plugin-soak.hprof").toAbsolutePath());
        }
        pub.finish();
        assertEquals("publisher ok", pub.toString());
        long published = pub.sent.get();
        long loadSeconds = seconds(start);
        Dist.await(120, () -> out.missing(published) == 0);

        String engineAfter = engineBundle(d);
        System.out.printf("plugin soak: %d s of swaps under load, %d messages published at %d/s, %d received "
                + "(%d duplicates), %d connector updates + %d uninstall/reinstall cycles "
                + "(operation@seq: swap time + catch-up time: %s)%n", loadSeconds, published, RATE, out.count(),
                out.duplicates(), updates, reinstalls, String.join(", ", timings));
        System.out.println("plugin soak: baseline " + baseline + "; end " + end);
        System.out.println("plugin soak: engine.core before " + engineBefore + "; after " + engineAfter);
        System.out.println("plugin soak: missing " + out.missing(published) + ": " + out.missingRanges(published));
        assertEquals(0, out.missing(published), "messages lost: " + out.missingRanges(published));
        assertTrue(full ? updates == UPDATES && reinstalls == REINSTALLS : updates >= 3 && reinstalls >= 1,
                updates + " updates and " + reinstalls + " reinstalls under load");
        assertEquals(engineBefore, engineAfter, "engine.core id, state and last modification unchanged");
        assertTrue(d.alive(), "the engine process kept running");
        assertEquals(1, count(Files.readString(d.home.resolve("log/oort.log")), "started in"),
                "the engine started once");
        assertTrue(end.threads <= baseline.threads + 4, "threads " + baseline.threads + " -> " + end.threads);
        assertTrue(end.loaders <= baseline.loaders, "bundle class loaders " + baseline.loaders + " -> "
                + end.loaders + ": the old versions' class loaders were not collected; extra loaders (by first class"
                + " loaded): " + end.extraLoaders(baseline));
        assertEquals(1, end.mqttPools, "one live connection pool: the old connector instances are gone");
        assertTrue(end.heapKb <= Math.max(baseline.heapKb * 3 / 2, baseline.heapKb + 16 * 1024),
                "heap used " + baseline.heapKb + " KB -> " + end.heapKb + " KB");
        out.close();
        d.stop();
    }

    /** Uninstalls the connector and installs it again: through REST on odd cycles, by file on even ones. */
    private void reinstall(Dist d, Path jar, int cycle) throws Exception {
        if (cycle % 2 == 1) {
            HttpResponse<String> del = send(d, "DELETE", "/plugins/sources/mqtt", null);
            assertEquals(200, del.statusCode(), del.body());
            Dist.waitFor("rule waiting for its connector", 20, () -> status(d).contains("connector mqtt is not installed"));
            HttpResponse<String> add = send(d, "POST", "/plugins/sources", "{\"name\":\"connector.mqtt\",\"file\":\""
                    + jar.toUri() + "\"}");
            assertEquals(201, add.statusCode(), add.body());
        } else {
            Path file = d.home.resolve("plugins/connector.mqtt.jar");
            Files.delete(file);
            Dist.waitFor("rule waiting for its connector", 20, () -> status(d).contains("connector mqtt is not installed"));
            Path staged = d.home.resolve("data/connector.mqtt.jar.part");
            Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** A plugin operation: it waits for FileInstall and the rules, so it gets a longer timeout than Dist's. */
    private HttpResponse<String> send(Dist d, String method, String path, String json)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.restPort + path))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String status(Dist d) {
        try {
            return d.get("/rules/soak/status").body();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean running(Dist d) {
        return status(d).startsWith("{\"status\":\"running\"");
    }

    /** engine.core's line of {@code lb} and its last modification, through the shell. */
    private static String engineBundle(Dist d) throws Exception {
        Object[] lb = d.shell("lb");
        String line = String.valueOf(lb[1]).lines().filter(l -> l.contains("Oort engine.core")).findFirst()
                .orElseThrow(() -> new AssertionError("engine.core not in lb: " + lb[1]));
        String id = line.trim().split("\\|")[0].trim();
        Object[] info = d.shell("bundle " + id);
        StringBuilder sb = new StringBuilder(line.trim().replaceAll("\\s+", " "));
        String.valueOf(info[1]).lines().filter(l -> l.startsWith("LastModified") || l.startsWith("Revisions"))
                .forEach(l -> sb.append("; ").append(l.trim().replaceAll("\\s+", " ")));
        return sb.toString();
    }

    /** Waits (bounded) until the rule has delivered 3 s worth of the publisher's rate more. */
    private static void underLoad(Collector out) throws InterruptedException {
        long target = out.count() + 3L * RATE;
        Dist.waitFor("3 s of results under load", 60, () -> out.count() >= target);
    }

    private static Snapshot snapshot(Dist d) {
        try {
            return Snapshot.of(d.pid());
        } catch (Exception e) {
            throw new AssertionError("jcmd on the engine failed", e);
        }
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static boolean canConnect(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Publishes {"seq":n} with QoS 1 at {@link #RATE} per second for a number of seconds. */
    private static final class Publisher extends Thread {
        final AtomicLong sent = new AtomicLong();
        private final MqttClient client;
        private volatile boolean stop;
        private volatile Exception failure;

        Publisher(String server) throws Exception {
            super("soak-publisher");
            client = new MqttClient(server, "soak-publisher", new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            o.setMaxInflight(1000);
            client.connect(o);
        }

        @Override
        public void run() {
            long t0 = System.nanoTime();
            try {
                for (long n = 0; !stop; n++) {
                    long due = t0 + n * 1_000_000_000L / RATE;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    MqttMessage m = new MqttMessage(("{\"seq\":" + n + "}").getBytes(StandardCharsets.UTF_8));
                    m.setQos(1);
                    client.publish("soak/in", m);
                    sent.incrementAndGet();
                }
                client.disconnect();
                client.close();
            } catch (Exception e) {
                failure = e;
            }
        }

        /** Stops publishing and waits for the last message to be acknowledged by the broker. */
        void finish() throws InterruptedException {
            stop = true;
            join(30_000);
        }

        @Override
        public String toString() {
            return failure == null ? "publisher ok" : "publisher failed: " + failure;
        }
    }

    /** Subscribes to the rule's output with a persistent session and records which sequence numbers came out. */
    private static final class Collector implements MqttCallback, AutoCloseable {
        private final MqttClient client;
        private final BitSet seen = new BitSet();
        private long received;
        private long duplicates;

        Collector(String server) throws Exception {
            client = new MqttClient(server, "soak-collector", new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(false);
            o.setMaxInflight(1000);
            client.setCallback(this);
            client.connect(o);
            client.subscribe("soak/out", 1);
        }

        @Override
        public synchronized void messageArrived(String topic, MqttMessage message) {
            Matcher m = SEQ.matcher(new String(message.getPayload(), StandardCharsets.UTF_8));
            while (m.find()) {
                int seq = Integer.parseInt(m.group(1));
                received++;
                if (seen.get(seq)) {
                    duplicates++;
                }
                seen.set(seq);
            }
        }

        synchronized long count() {
            return received;
        }

        synchronized long duplicates() {
            return duplicates;
        }

        /** How many of the first {@code published} sequence numbers have not come out. */
        synchronized long missing(long published) {
            return published - seen.get(0, (int) published).cardinality();
        }

        /** The first ranges of sequence numbers that did not come out, for the failure message. */
        synchronized String missingRanges(long published) {
            StringBuilder sb = new StringBuilder();
            int ranges = 0;
            for (int i = seen.nextClearBit(0); i < published && ranges < 20; ranges++) {
                int end = Math.min(seen.nextSetBit(i) < 0 ? (int) published : seen.nextSetBit(i), (int) published);
                sb.append(i).append(end - 1 > i ? "-" + (end - 1) : "").append(' ');
                i = seen.nextClearBit(end);
            }
            return sb.toString().trim();
        }

        @Override
        public void connectionLost(Throwable cause) {
            // reported through missing messages
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // subscriber only
        }

        @Override
        public void close() throws Exception {
            client.disconnect();
            client.close();
        }
    }

    /** Threads, heap in use after a full GC, live bundle class loaders and MQTT connection pools of a JVM. */
    private record Snapshot(int threads, long heapKb, int loaders, int mqttPools, List<String> bundles) {

        static Snapshot of(long pid) throws Exception {
            String histogram = jcmd(pid, "GC.class_histogram"); // a full GC first: only live objects count
            List<String> bundles = bundleLoaders(jcmd(pid, "VM.classloaders show-classes"));
            String heap = jcmd(pid, "GC.heap_info");
            long used = 0;
            Matcher m = Pattern.compile("(?m)^\\s*(def new generation|tenured generation|PSYoungGen|ParOldGen|garbage-first heap)"
                    + ".*?used (\\d+)K").matcher(heap);
            while (m.find()) {
                used += Long.parseLong(m.group(2));
            }
            return new Snapshot(threads(pid), used, instances(histogram,
                    "org.apache.felix.framework.BundleWiringImpl$BundleClassLoader"),
                    instances(histogram, "io.oort.connector.mqtt.internal.MqttConnectionPool"), bundles);
        }

        /**
         * Each bundle class loader in the JVM named by the first class it loaded (which tells its bundle), sorted:
         * a failure names the bundle whose old loader stayed.
         */
        private static List<String> bundleLoaders(String tree) {
            List<String> names = new ArrayList<>();
            boolean inLoader = false;
            for (String l : tree.split("\n")) {
                if (l.contains("+-- org.apache.felix.framework.BundleWiringImpl$BundleClassLoader")) {
                    if (inLoader) {
                        names.add("(no classes)");
                    }
                    inLoader = true;
                } else if (inLoader && l.contains("Classes: ")) {
                    names.add(l.substring(l.indexOf("Classes: ") + 9).trim());
                    inLoader = false;
                }
            }
            if (inLoader) {
                names.add("(no classes)");
            }
            names.sort(null);
            return names;
        }

        /** The loaders here that were not in {@code before} (by the bundle they belong to). */
        List<String> extraLoaders(Snapshot before) {
            List<String> extra = new ArrayList<>(bundles);
            before.bundles.forEach(extra::remove);
            return extra;
        }

        private static int threads(long pid) throws IOException {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("Threads:")) {
                    return Integer.parseInt(l.substring(8).trim());
                }
            }
            return -1;
        }

        private static int instances(String histogram, String className) {
            int n = 0;
            for (String l : histogram.split("\n")) {
                String[] f = l.trim().split("\\s+");
                if (f.length >= 4 && f[3].equals(className)) {
                    n += Integer.parseInt(f[1]);
                }
            }
            return n;
        }

        private static String jcmd(long pid, String command) throws Exception {
            Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("jcmd " + command + " did not finish");
            }
            return out;
        }

        @Override
        public String toString() {
            return threads + " threads, " + heapKb + " KB heap used, " + loaders + " bundle class loaders, "
                    + mqttPools + " mqtt connection pools";
        }
    }
}
