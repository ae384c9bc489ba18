package io.oort.e2e.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import io.oort.connector.mqtt.MqttSinkProvider;
import io.oort.connector.mqtt.MqttSourceProvider;
import io.oort.connector.mqtt.internal.MqttConnectionPool;
import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;
import io.oort.engine.core.api.Sink;
import io.oort.engine.core.api.SinkMessage;
import io.oort.engine.core.api.StatusListener;
import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.service.EngineService;

/**
 * Publish-to-sink latency at a fixed rate (run by tools/bench/mqtt-throughput.sh, not a test): a paced publisher
 * puts {@code {"temperature":75.0,"seq":n,"ts":<epoch us>}} on the local broker; the engine (the distribution's code
 * with the real MQTT source, embedded so a sink can take the arrival time) runs
 * {@code SELECT * FROM demo WHERE temperature > 50} into a sink that records {@code now - ts} for every row. The
 * same publisher to a plain Paho subscriber gives the broker's own hop for comparison. The first seconds are
 * warm-up and not counted.
 *
 * With {@code mqtt} as fifth argument it also measures the round trip through an MQTT sink: the same rule publishing
 * each result (QoS 0) to a result topic, timed by a Paho subscriber there (one broker hop more than the other two).
 *
 * <p>Usage: {@code LatencyBench [rate=10000] [seconds=10] [warmupSeconds=3] [server=tcp://127.0.0.1:1883] [mqtt]}
 */
public final class LatencyBench {

    private LatencyBench() {
    }

    /** Latencies in microseconds by sequence number (0 = not arrived). */
    static final class Recorder {
        final long[] micros;
        final AtomicInteger count = new AtomicInteger();

        Recorder(int n) {
            micros = new long[n];
        }

        void record(long seq, long ts) {
            long now = nowMicros();
            if (seq >= 0 && seq < micros.length) {
                micros[(int) seq] = Math.max(1, now - ts);
                count.incrementAndGet();
            }
        }

        String summary(int from) {
            long[] v = Arrays.stream(Arrays.copyOfRange(micros, from, micros.length)).filter(x -> x > 0).sorted()
                    .toArray();
            if (v.length == 0) {
                return "nothing arrived";
            }
            return String.format("%d of %d measured: p50 %.2f ms, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f",
                    v.length, micros.length - from, q(v, 0.5), q(v, 0.9), q(v, 0.99), q(v, 0.999),
                    v[v.length - 1] / 1000.0);
        }

        private static double q(long[] v, double p) {
            return v[Math.min(v.length - 1, (int) (p * v.length))] / 1000.0;
        }
    }

    static long nowMicros() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String server = args.length > 3 ? args[3] : "tcp://127.0.0.1:1883";
        boolean viaMqttSink = args.length > 4 && "mqtt".equals(args[4]);
        int n = rate * (seconds + warmup);
        String run = UUID.randomUUID().toString().substring(0, 8);

        // the broker's own hop: the same publisher to a plain subscriber
        Recorder direct = new Recorder(n);
        String directTopic = "bench/" + run + "/direct";
        MqttAsyncClient sub = subscriber(server, "bench-sub-" + run, direct);
        sub.subscribe(directTopic, 0).waitForCompletion();
        MqttAsyncClient pub = client(server, "bench-pub-" + run);
        publish(pub, directTopic, rate, n);
        awaitArrivals(direct, n);
        sub.disconnect().waitForCompletion();
        sub.close();
        System.out.printf("broker hop at %d msg/s (Paho publisher -> Mosquitto -> Paho subscriber): %s%n", rate,
                direct.summary(rate * warmup));

        // through the engine, into a sink that takes the arrival time
        Recorder engine = new Recorder(n);
        Path home = Files.createTempDirectory("oort-latency-");
        MqttConnectionPool pool = new MqttConnectionPool();
        ConnectorRegistry registry = new ConnectorRegistry();
        registry.addProvider(new MqttSourceProvider(pool),
                Map.of(ConnectorProvider.TYPE, "mqtt", ConnectorProvider.KIND, "source"));
        registry.addProvider(recordingSink(engine),
                Map.of(ConnectorProvider.TYPE, "record", ConnectorProvider.KIND, "sink"));
        registry.addProvider(new MqttSinkProvider(pool),
                Map.of(ConnectorProvider.TYPE, "mqtt", ConnectorProvider.KIND, "sink"));
        EngineService oort = new EngineService(registry, EngineConfig.defaults(), home);
        String in = "bench/" + run + "/in";
        oort.catalog().create("CREATE STREAM demo () WITH (DATASOURCE=\"" + in + "\", FORMAT=\"json\", "
                + "TYPE=\"mqtt\")");
        oort.rules().create(RuleDef.parse("{\"id\":\"latency\",\"sql\":\"SELECT * FROM demo WHERE temperature > "
                + "50\",\"actions\":[{\"record\":{}}]}", null));
        awaitConnected(oort, "latency");
        publish(pub, in, rate, n);
        awaitArrivals(engine, n);
        System.out.printf("publish -> engine sink at %d msg/s (Paho -> Mosquitto -> rule -> sink): %s%n", rate,
                engine.summary(rate * warmup));
        oort.rules().delete("latency");

        if (viaMqttSink) {
            Recorder round = new Recorder(n);
            String out = "bench/" + run + "/out";
            MqttAsyncClient outSub = subscriber(server, "bench-out-" + run, round);
            outSub.subscribe(out, 0).waitForCompletion();
            oort.rules().create(RuleDef.parse("{\"id\":\"latency_mqtt\",\"sql\":\"SELECT * FROM demo WHERE "
                    + "temperature > 50\",\"actions\":[{\"mqtt\":{\"server\":\"" + server + "\",\"topic\":\"" + out
                    + "\",\"qos\":0,\"sendSingle\":true}}]}", null));
            awaitConnected(oort, "latency_mqtt");
            publish(pub, in, rate, n);
            awaitArrivals(round, n);
            System.out.printf("publish -> engine -> MQTT sink -> subscriber at %d msg/s (one broker hop more): %s%n",
                    rate, round.summary(rate * warmup));
            outSub.disconnect().waitForCompletion();
            outSub.close();
        }
        pub.disconnect().waitForCompletion();
        pub.close();
        oort.close();
        pool.shutdown();
        System.exit(0);
    }

    private static void awaitConnected(EngineService oort, String rule) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Integer.valueOf(1).equals(oort.rules().status(rule).get("source_demo_0_connection_status"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rule did not connect: " + oort.rules().status(rule));
            }
            Thread.sleep(20);
        }
    }

    /** A Paho subscriber recording, for every message, the time since it was stamped. */
    private static MqttAsyncClient subscriber(String server, String id, Recorder r) throws Exception {
        MqttAsyncClient sub = client(server, id);
        sub.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // the run fails by missing messages
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                long[] st = parse(new String(m.getPayload(), StandardCharsets.UTF_8));
                r.record(st[0], st[1]);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // not publishing
            }
        });
        return sub;
    }

    private static MqttAsyncClient client(String server, String id) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(server, id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(65_535);
        c.connect(o).waitForCompletion();
        return c;
    }

    /** Publishes n messages at rate per second, each stamped with its publish time. */
    private static void publish(MqttAsyncClient pub, String topic, int rate, int n) throws Exception {
        long t0 = System.nanoTime();
        long period = 1_000_000_000L / rate;
        for (int i = 0; i < n; i++) {
            long wait = t0 + i * period - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            byte[] p = ("{\"temperature\":75.0,\"seq\":" + i + ",\"ts\":" + nowMicros() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            pub.publish(topic, p, 0, false);
        }
    }

    private static void awaitArrivals(Recorder r, int n) throws InterruptedException {
        int last = -1;
        long quietSince = System.nanoTime();
        while (r.count.get() < n) {
            int c = r.count.get();
            if (c != last) {
                last = c;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 3_000_000_000L) {
                return; // some were lost; the summary says how many
            }
            Thread.sleep(20);
        }
    }

    /** seq and ts from {"temperature":75.0,"seq":n,"ts":t}. */
    static long[] parse(String s) {
        return new long[] {num(s, "\"seq\":"), num(s, "\"ts\":")};
    }

    private static long num(String s, String key) {
        int i = s.indexOf(key);
        if (i < 0) {
            return -1;
        }
        i += key.length();
        int j = i;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == 'e'
                || s.charAt(j) == '+')) {
            j++;
        }
        return (long) Double.parseDouble(s.substring(i, j));
    }

    /** A sink that records, for every row, the time since its publisher stamped it. */
    private static ConnectorProvider recordingSink(Recorder r) {
        ConnectorDescriptor d = new ConnectorDescriptor("record", ConnectorKind.SINK,
                ConnectorDescriptor.Payload.BYTES, "records arrival times", List.of());
        return new ConnectorProvider() {
            @Override
            public ConnectorDescriptor descriptor() {
                return d;
            }

            @Override
            public Connector create() {
                return new Sink() {
                    @Override
                    public void provision(ConnectorContext ctx, ConnectorConfig config) {
                        // nothing
                    }

                    @Override
                    public void connect(ConnectorContext ctx, StatusListener status) {
                        status.onStatus(ConnectionStatus.CONNECTED, null);
                    }

                    @Override
                    public void collect(ConnectorContext ctx, SinkMessage m) {
                        m.payload(); // encoded like any byte sink
                        for (Map<String, Object> row : m.rows()) {
                            Object seq = row.get("seq");
                            Object ts = row.get("ts");
                            if (seq instanceof Number s && ts instanceof Number t) {
                                r.record(s.longValue(), t.longValue());
                            }
                        }
                    }

                    @Override
                    public void close(ConnectorContext ctx) {
                        // nothing
                    }
                };
            }
        };
    }
}
