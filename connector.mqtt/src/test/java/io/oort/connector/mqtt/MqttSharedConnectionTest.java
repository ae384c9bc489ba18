package io.oort.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oort.connector.mqtt.ConnectorHarness.RunningSink;
import io.oort.connector.mqtt.ConnectorHarness.RunningSource;
import io.oort.engine.core.api.ConnectionStatus;

/**
 * connectionSelector sharing, verified on a private broker whose log records every client connection: the
 * engine merges the selected profile into each config, so all users here carry the same connection properties.
 */
class MqttSharedConnectionTest {
    @TempDir
    Path dir;
    private Mosquitto broker;
    private ConnectorHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        broker = Mosquitto.start(dir);
        harness = new ConnectorHarness();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
        broker.close();
    }

    private Map<String, Object> profile(Object... extra) {
        Map<String, Object> m = new HashMap<>(Map.of("server", broker.tcpUrl(),
                "connectionSelector", "mqtt.localConnection", "clientid", "oort-shared-1"));
        for (int i = 0; i < extra.length; i += 2) {
            m.put((String) extra[i], extra[i + 1]);
        }
        return m;
    }

    @Test
    void twoSourcesAndASinkShareOneClient() throws Exception {
        RunningSource a = harness.source("plant/a", profile());
        RunningSource b = harness.source("plant/a,plant/b", profile());
        RunningSink sink = harness.sink(profile("topic", "plant/a", "qos", 1));
        for (var st : new RecordingStatus[] {a.status(), b.status(), sink.status()}) {
            st.await(ConnectionStatus.CONNECTED);
        }

        assertEquals(1, broker.count("New client connected"), broker.logText());
        assertEquals(1, broker.count("as oort-shared-1"), "the configured client id is used");
        assertEquals(1, harness.pool.openConnections());
        assertEquals(2, broker.count("\tplant/a (QoS 1)") + broker.count("\tplant/b (QoS 1)"),
                "one broker subscription per filter, however many sources use it:\n" + broker.logText());

        sink.send(TestSinkMessage.of("to-a"));
        assertEquals("to-a", a.ingest().next().text());
        assertEquals("to-a", b.ingest().next().text());
        sink.send(TestSinkMessage.of("to-b", "plant/b"));
        assertEquals("to-b", b.ingest().next().text());

        harness.close(a);
        sink.send(TestSinkMessage.of("after-a-left"));
        assertEquals("after-a-left", b.ingest().next().text(), "closing one user keeps the client for the others");
        a.ingest().assertEmpty();
        assertEquals(0, broker.count("disconnected"), "the shared client is still connected");
        assertEquals(0, broker.count("UNSUBSCRIBE"), "plant/a is still used by the other source");

        harness.close(b);
        assertEquals(1, harness.pool.openConnections(), "the sink still holds the client");
        assertTrue(broker.count("Received UNSUBSCRIBE") >= 1, "the last source unsubscribed its filters");
        harness.close(sink);
        assertEquals(0, harness.pool.openConnections());
        Await.until(Duration.ofSeconds(5), () -> broker.count("Client oort-shared-1 disconnected") == 1,
                "the client to disconnect once its last user closed");
        assertEquals(1, broker.count("New client connected"), "still one connection over the whole test");
    }

    @Test
    void withoutSelectorEachConnectorHasItsOwnClient() throws Exception {
        Map<String, Object> plain = Map.of("server", broker.tcpUrl());
        RunningSource a = harness.source("x", plain);
        RunningSource b = harness.source("x", plain);
        RunningSink s = harness.sink(Map.of("server", broker.tcpUrl(), "topic", "x", "qos", 1));
        s.send(TestSinkMessage.of("hi"));
        assertEquals("hi", a.ingest().next().text());
        assertEquals("hi", b.ingest().next().text());
        assertEquals(3, broker.count("New client connected"), broker.logText());
        assertEquals(3, harness.pool.openConnections());
    }

    @Test
    void differentSelectorsGetDifferentClients() throws Exception {
        harness.source("x", profile("connectionSelector", "mqtt.one", "clientid", "oort-one"));
        harness.source("y", profile("connectionSelector", "mqtt.two", "clientid", "oort-two"));
        harness.sink(profile("connectionSelector", "mqtt.one", "clientid", "oort-one", "topic", "x"));
        Await.until(Duration.ofSeconds(5), () -> broker.count("New client connected") == 2, broker::logText);
        assertEquals(2, harness.pool.openConnections());
    }
}
