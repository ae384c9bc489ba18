package io.oort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.service.EngineService;

/**
 * The sink cache end to end (issue 6): a rule reads an MQTT stream on the local broker (127.0.0.1:1883) and
 * publishes every result with QoS 1 and {@code enableCache} to a Mosquitto the test owns. That broker is stopped for
 * 10 s while the rule emits 1,000 results at 100/s; every result must arrive, in order, none twice. The second test
 * also restarts the engine during the outage: the cache (memory saved to disk at stop, plus its disk pages) must be
 * resent by the new engine, and the rule's persistent source session keeps what was published while no engine ran.
 *
 * <p>"None twice" counts what the engine sent: a redelivery the owned broker itself makes to the test's subscriber
 * after its restart is flagged DUP by the broker and is not the engine's doing; such repeats are reported, not
 * counted.
 */
class MqttSinkCacheE2ETest {

    private static final int N = 1000;
    private static final int RATE = 100;
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private final List<AutoCloseable> open = new ArrayList<>();
    private String sourceClientId;

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        if (sourceClientId != null) { // drop the persistent session the rule left on the shared local broker
            MqttClient c = new MqttClient("tcp://127.0.0.1:1883", sourceClientId, new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            c.connect(o);
            c.disconnect();
            c.close();
        }
    }

    private <T extends AutoCloseable> T track(T c) {
        open.add(c);
        return c;
    }

    @Test
    void aTenSecondBrokerOutageLosesNothing() throws Exception {
        run(false);
    }

    @Test
    void anEngineRestartDuringTheOutageLosesNothing() throws Exception {
        run(true);
    }

    private void run(boolean restartEngine) throws Exception {
        String id = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String in = "oort/e2e/" + id + "/in";
        String out = "oort/e2e/" + id + "/out";
        OwnedMosquitto broker = track(new OwnedMosquitto(tmp.resolve("broker")));
        broker.start();
        Subscriber subscriber = track(new Subscriber(broker.url(), out));

        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("etc/sources"));
        sourceClientId = restartEngine ? "oort-" + id : null;
        Files.writeString(home.resolve("etc/sources/mqtt.yaml"), String.join("\n",
                "e2e:",
                "  server: tcp://127.0.0.1:1883",
                "  qos: 1",
                restartEngine ? "  clientid: " + sourceClientId : "",
                restartEngine ? "  enableClientSession: true" : "",
                ""));

        EmbeddedEngine engine = track(new EmbeddedEngine(home));
        engine.service().catalog().create("CREATE STREAM " + id + " () WITH (DATASOURCE=\"" + in
                + "\", FORMAT=\"json\", TYPE=\"mqtt\", CONF_KEY=\"e2e\")");
        String rule = "{\"id\":\"" + id + "\",\"sql\":\"SELECT seq FROM " + id + "\",\"actions\":[{\"mqtt\":{"
                + "\"server\":\"" + broker.url() + "\",\"topic\":\"" + out + "\",\"qos\":1,\"sendSingle\":true,"
                + "\"enableCache\":true,\"memoryCacheThreshold\":128,\"bufferPageSize\":32,"
                + "\"maxDiskCache\":102400}}]}";
        engine.service().rules().create(RuleDef.parse(rule, null));
        awaitConnected(engine.service(), id);

        Publisher publisher = track(new Publisher("tcp://127.0.0.1:1883", in));
        publisher.start(N, RATE);
        Await.until(Duration.ofSeconds(10), () -> publisher.published() >= N / 10, () -> "the first results");
        Await.until(Duration.ofSeconds(10), () -> subscriber.count() > 0, () -> "results before the outage");

        broker.stop();
        long down = System.nanoTime();

        if (restartEngine) {
            Await.until(Duration.ofSeconds(10), () -> publisher.published() >= 4 * N / 10, () -> "more results");
            assertTrue(sinkMetric(engine.service(), id, "buffer_length") > 0, "the outage fills the cache");
            engine.close();
            open.remove(engine);
            Path cacheDir = home.resolve("data/cache").resolve(id).resolve("sink_mqtt_0");
            assertTrue(pageFiles(cacheDir) > 0, "the cache is on disk at " + cacheDir);
            engine = track(new EmbeddedEngine(home)); // the rule is recovered from the store and restarts
            awaitRunning(engine.service(), id);
        }
        EngineService running = engine.service();

        Await.until(OUTAGE.plusSeconds(5), () -> System.nanoTime() - down >= OUTAGE.toNanos(),
                () -> "the end of the outage");
        long cached = sinkMetric(running, id, "buffer_length");
        assertTrue(cached > 0, "results wait in the sink cache during the outage");
        broker.start();

        Await.until(Duration.ofSeconds(40), () -> distinct(subscriber.received()) >= N,
                () -> "all " + N + " results (got " + distinct(subscriber.received()) + ", published "
                        + publisher.published() + ", cached " + sinkMetric(running, id, "buffer_length") + ")");
        awaitQuiet(subscriber);

        assertEquals(N, publisher.published());
        List<Subscriber.Got> got = subscriber.received();
        List<Long> seqs = new ArrayList<>();
        int brokerRedeliveries = 0;
        Set<Long> seen = new HashSet<>();
        for (Subscriber.Got g : got) {
            if (!seen.add(g.seq())) {
                assertTrue(g.dup(), "result " + g.seq() + " was sent twice");
                brokerRedeliveries++;
                continue;
            }
            seqs.add(g.seq());
        }
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < N; i++) {
            expected.add(i);
        }
        assertEquals(expected, seqs, "every result, in order");
        assertEquals(0, sinkMetric(running, id, "buffer_length"), "the cache is empty again");
        System.out.printf("%s: restart=%s, peak cached at outage end=%d, broker redeliveries=%d%n", id,
                restartEngine, cached, brokerRedeliveries);
    }

    private static int distinct(List<Subscriber.Got> got) {
        Set<Long> s = new HashSet<>();
        got.forEach(g -> s.add(g.seq()));
        return s.size();
    }

    /** Waits until nothing new arrived for 1.5 s, so a late duplicate would be seen. */
    private static void awaitQuiet(Subscriber subscriber) {
        long[] last = {subscriber.count(), System.nanoTime()};
        Await.until(Duration.ofSeconds(15), () -> {
            int n = subscriber.count();
            if (n != last[0]) {
                last[0] = n;
                last[1] = System.nanoTime();
            }
            return System.nanoTime() - last[1] > 1_500_000_000L;
        }, () -> "the subscriber to go quiet");
    }

    private static long pageFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".page")).count();
        }
    }

    private static Map<String, Object> status(EngineService engine, String id) {
        try {
            return engine.rules().status(id);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long sinkMetric(EngineService engine, String id, String metric) {
        Object v = status(engine, id).get("sink_mqtt_0_0_" + metric);
        return v == null ? -1 : ((Number) v).longValue();
    }

    private static void awaitRunning(EngineService engine, String id) {
        Await.until(Duration.ofSeconds(15), () -> "running".equals(status(engine, id).get("status")),
                () -> "rule " + id + " running: " + status(engine, id));
    }

    private static void awaitConnected(EngineService engine, String id) {
        awaitRunning(engine, id);
        Await.until(Duration.ofSeconds(15), () -> {
            Map<String, Object> s = status(engine, id);
            return Integer.valueOf(1).equals(s.get("source_" + id + "_0_connection_status"))
                    && Integer.valueOf(1).equals(s.get("sink_mqtt_0_0_connection_status"));
        }, () -> "source and sink connected: " + status(engine, id));
    }
}
