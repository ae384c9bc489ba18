package io.oort.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.oort.connector.mqtt.ConnectorHarness.RunningSink;
import io.oort.connector.mqtt.Observer.Msg;
import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.RecoverableException;

/** The sink against the machine's Mosquitto on 127.0.0.1:1883, checked by an independent MQTT 5 client. */
class MqttSinkTest {
    private final String prefix = "oort-test/" + UUID.randomUUID() + "/";
    private ConnectorHarness harness;
    private Observer observer;

    @BeforeEach
    void setUp() throws Exception {
        harness = new ConnectorHarness();
        observer = Observer.local();
        observer.subscribe(prefix + "#", 2);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
        observer.close();
    }

    @ParameterizedTest
    @CsvSource({"3.1.1,0", "3.1.1,1", "3.1.1,2", "5,0", "5,1", "5,2", "3.1,1"})
    void publishesWithTheConfiguredQos(String version, int qos) throws Exception {
        RunningSink s = harness.sink(Map.of("topic", prefix + "out", "qos", qos, "protocolVersion", version));
        s.status().await(ConnectionStatus.CONNECTED);
        s.send(TestSinkMessage.of("{\"a\":" + qos + "}"));
        Msg m = observer.next();
        assertEquals(prefix + "out", m.topic());
        assertEquals("{\"a\":" + qos + "}", m.text());
        assertEquals(qos, m.qos(), "the observer subscribed at QoS 2, so it sees the publish QoS");
        assertFalse(m.retained());
    }

    @Test
    void retainedMessagesStayOnTheBroker() throws Exception {
        String topic = prefix + "state";
        RunningSink s = harness.sink(Map.of("topic", topic, "qos", 1, "retained", true));
        try {
            s.send(TestSinkMessage.of("on"));
            assertEquals("on", observer.next().text());
            try (Observer late = Observer.local()) {
                late.subscribe(topic, 1);
                Msg m = late.next();
                assertEquals("on", m.text());
                assertTrue(m.retained(), "a later subscriber gets the retained copy");
            }
        } finally {
            observer.clearRetained(topic);
        }
    }

    @Test
    void notRetainedByDefault() throws Exception {
        String topic = prefix + "volatile";
        RunningSink s = harness.sink(Map.of("topic", topic, "qos", 1));
        s.send(TestSinkMessage.of("gone"));
        assertEquals("gone", observer.next().text());
        try (Observer late = Observer.local()) {
            late.subscribe(topic, 1);
            late.publish(topic, "sentinel", 1);
            assertEquals("sentinel", late.next().text(), "no retained copy arrived before the sentinel");
        }
    }

    @Test
    void topicComesFromTheMessage() throws Exception {
        RunningSink s = harness.sink(Map.of("topic", prefix + "devices/{{.id}}", "qos", 1));
        s.send(TestSinkMessage.of("a", prefix + "devices/7"));
        s.send(TestSinkMessage.of("b", prefix + "devices/9"));
        assertEquals(prefix + "devices/7", observer.next().topic());
        assertEquals(prefix + "devices/9", observer.next().topic());

        RunningSink plain = harness.sink(Map.of("topic", prefix + "fixed"));
        plain.send(new TestSinkMessage("c".getBytes(), Map.of())); // no per-message value: the configured topic
        assertEquals(prefix + "fixed", observer.next().topic());
    }

    @Test
    void userPropertiesWithMqtt5() throws Exception {
        RunningSink s = harness.sink(Map.of("topic", prefix + "p", "qos", 1, "protocolVersion", "5",
                "properties", Map.of("source", "oort", "line", 3)));
        s.send(TestSinkMessage.of("x"));
        assertEquals(Map.of("source", "oort", "line", "3"), observer.next().properties());
    }

    @Test
    void userPropertiesAreIgnoredWithMqtt3() throws Exception {
        RunningSink s = harness.sink(Map.of("topic", prefix + "p3", "qos", 1, "properties", Map.of("a", "b")));
        s.send(TestSinkMessage.of("y"));
        Msg m = observer.next();
        assertEquals("y", m.text());
        assertTrue(m.properties().isEmpty());
    }

    @Test
    void qos2BurstArrivesInOrderAndComplete() throws Exception {
        RunningSink s = harness.sink(Map.of("topic", prefix + "burst", "qos", 2));
        for (int i = 0; i < 200; i++) {
            s.send(TestSinkMessage.of(Integer.toString(i)));
        }
        for (int i = 0; i < 200; i++) {
            assertEquals(Integer.toString(i), observer.next().text(), "in order, none lost");
        }
    }

    @Test
    void rejectsInvalidConfigurationWithEkuipersMessages() {
        assertEquals("mqtt sink topic shouldn't contain # or +", provisionError(Map.of("topic", "a/#")));
        assertEquals("mqtt sink topic shouldn't contain # or +", provisionError(Map.of("topic", "a/+/b")));
        assertEquals("invalid qos value 3, the value could be only int 0 or 1 or 2",
                provisionError(Map.of("topic", "a", "qos", 3)));
        assertEquals("mqtt sink is missing property topic", provisionError(Map.of()));
        assertEquals("unsupported protocol version 6", provisionError(Map.of("topic", "a", "protocolVersion", "6")));
        assertEquals("missing server property", provisionError(Map.of("topic", "a", "server", " ")));
        assertTrue(provisionError(Map.of("topic", "a", "server", "http://h:1")).startsWith("unsupported scheme http"));
        assertTrue(provisionError(Map.of("topic", "a", "server", "ssl://127.0.0.1:8883", "rootCaPath",
                "/nonexistent/ca.pem")).startsWith("cannot read rootCaPath /nonexistent/ca.pem"));
        assertTrue(provisionError(Map.of("topic", "a", "server", "mqtts://127.0.0.1", "rootCARaw", "***"))
                .startsWith("rootCARaw is not valid base64"), "raw values are checked too");
    }

    @Test
    void aWildcardTopicFromATemplateDropsOnlyThatMessage() throws Exception {
        RunningSink s = harness.sink(Map.of("topic", prefix + "{{.t}}", "qos", 1));
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> s.send(TestSinkMessage.of("bad", prefix + "x/#")));
        assertFalse(e instanceof RecoverableException, "resending cannot fix a bad topic");
        s.send(TestSinkMessage.of("good", prefix + "x/1"));
        assertEquals("good", observer.next(Duration.ofSeconds(5)).text());
    }

    @Test
    void nothingListeningMeansRecoverableErrors() throws Exception {
        int port = Mosquitto.freePort();
        long start = System.nanoTime();
        RunningSink s = harness.sink(Map.of("topic", prefix + "down", "server", "tcp://127.0.0.1:" + port));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(6).toNanos(), "connect() is bounded");
        RecordingStatus.Event e = s.status().await(ConnectionStatus.DISCONNECTED);
        assertTrue(e.message() != null && !e.message().isEmpty(), "the cause is reported: " + e);
        RecoverableException r = assertThrows(RecoverableException.class, () -> s.send(TestSinkMessage.of("x")));
        assertEquals("mqtt client is not connected", r.getMessage());
        assertInstanceOf(ConnectorException.class, r);
    }

    private String provisionError(Map<String, ?> props) {
        var sink = harness.sinks.create();
        return assertThrows(ConnectorException.class, () -> sink.provision(new TestContext("r", "o"),
                TestConfig.of(MqttSinkProvider.DESCRIPTOR, null, props))).getMessage();
    }
}
