package io.oort.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.oort.connector.mqtt.ConnectorHarness.RunningSink;
import io.oort.connector.mqtt.ConnectorHarness.RunningSource;
import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.RecoverableException;

/** Broker outages on a private Mosquitto that the tests stop and restart on the same port. */
class MqttReconnectTest {
    @TempDir
    Path dir;
    private Mosquitto broker;
    private ConnectorHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ConnectorHarness();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.1.1", "5"})
    void survivesABrokerRestart(String version) throws Exception {
        broker = Mosquitto.start(dir);
        Map<String, Object> conn = Map.of("server", broker.tcpUrl(), "protocolVersion", version);
        RunningSource source = harness.source("line/+/count", conn);
        RunningSink sink = harness.sink(Map.of("server", broker.tcpUrl(), "protocolVersion", version,
                "topic", "line/1/count", "qos", 1));
        sink.send(TestSinkMessage.of("before"));
        assertEquals("before", source.ingest().next().text());

        broker.stop();
        RecordingStatus.Event lost = source.status().await(ConnectionStatus.DISCONNECTED);
        assertNotNull(lost.message(), "the cause is reported");
        sink.status().await(ConnectionStatus.DISCONNECTED);
        RecoverableException down = assertThrows(RecoverableException.class,
                () -> sink.send(TestSinkMessage.of("while-down")));
        assertEquals("mqtt client is not connected", down.getMessage());

        broker.start();
        source.status().await(ConnectionStatus.CONNECTED, Duration.ofSeconds(20));
        sink.status().await(ConnectionStatus.CONNECTED, Duration.ofSeconds(20));
        sink.send(TestSinkMessage.of("after"));
        assertEquals("after", source.ingest().next().text(), "the clean session lost the subscription: restored");
        assertEquals(2, broker.count("Received SUBSCRIBE"), "subscribed once per connection");
        assertTrue(source.ingest().errors.isEmpty(), source.ingest().errors.toString());
    }

    @Test
    void brokerDownAtStartDoesNotFailTheRule() throws Exception {
        broker = Mosquitto.prepare(dir, "");
        long start = System.nanoTime();
        RunningSource source = harness.source("late/topic", Map.of("server", broker.tcpUrl()));
        RunningSink sink = harness.sink(Map.of("server", broker.tcpUrl(), "topic", "late/topic", "qos", 2));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(12).toNanos(), "connect() waits a bounded time");
        assertEquals(ConnectionStatus.CONNECTING, source.status().events.get(0).status());
        RecordingStatus.Event e = source.status().await(ConnectionStatus.DISCONNECTED);
        assertTrue(e.message().contains("connect") || e.message().contains("refused"), e.message());
        assertThrows(RecoverableException.class, () -> sink.send(TestSinkMessage.of("x")));

        broker.start();
        source.status().await(ConnectionStatus.CONNECTED);
        sink.status().await(ConnectionStatus.CONNECTED);
        sink.send(TestSinkMessage.of("first"));
        assertEquals("first", source.ingest().next().text(), "subscribed as soon as the broker came up");
    }

    @Test
    void persistentSessionReceivesWhatWasPublishedWhileAway() throws Exception {
        broker = Mosquitto.start(dir);
        Map<String, Object> conn = persistentSession("queue/t");
        assertEquals(0, broker.count("UNSUBSCRIBE"), "a persistent session keeps its subscription");

        RunningSink sink = harness.sink(Map.of("server", broker.tcpUrl(), "topic", "queue/t", "qos", 1));
        sink.send(TestSinkMessage.of("queued"));

        RunningSource second = harness.source("queue/t", conn);
        assertEquals("queued", second.ingest().next().text(), "the broker kept the message for the session");
    }

    /**
     * A persistent session's backlog is larger than what a source buffers before the engine subscribes, and the
     * broker sends it ahead of the SUBACK: the source's start must not wait for that SUBACK (it would come only
     * after a whole operation timeout, 5 s), and the backlog arrives complete and in order.
     */
    @Test
    void aLargePersistentSessionBacklogDoesNotHoldUpTheSourcesStart() throws Exception {
        broker = Mosquitto.start(dir, "max_queued_messages 0\nmax_inflight_messages 0"); // all sent at once
        Map<String, Object> conn = persistentSession("backlog/t");
        RunningSink sink = harness.sink(Map.of("server", broker.tcpUrl(), "topic", "backlog/t", "qos", 1));
        int n = 3000;
        for (int i = 0; i < n; i++) {
            sink.send(TestSinkMessage.of("m" + i));
        }

        long t0 = System.nanoTime();
        RunningSource second = harness.source("backlog/t", conn);
        long startMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        for (int i = 0; i < n; i++) {
            assertEquals("m" + i, second.ingest().next().text());
        }
        second.status().await(ConnectionStatus.CONNECTED);
        assertTrue(startMs < 5000, "the source took " + startMs + " ms to start: it waited for the SUBACK");
    }

    /**
     * Connection properties of a persistent session (fresh client id, QoS 1) whose subscription to {@code topic} a
     * first source made on the broker and left there when it closed.
     */
    private Map<String, Object> persistentSession(String topic) throws Exception {
        String clientId = "oort-persist-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> conn = Map.of("server", broker.tcpUrl(), "clientid", clientId, "enableClientSession",
                true, "qos", 1);
        RunningSource first = harness.source(topic, conn);
        first.status().await(ConnectionStatus.CONNECTED);
        harness.close(first);
        return conn;
    }

    @Test
    void aClosedConnectorFailsCleanly() throws Exception {
        broker = Mosquitto.start(dir);
        RunningSink sink = harness.sink(Map.of("server", broker.tcpUrl(), "topic", "t"));
        harness.close(sink);
        assertThrows(ConnectorException.class, () -> sink.send(TestSinkMessage.of("x")));
        sink.sink().close(sink.ctx()); // closing twice is harmless
    }
}
