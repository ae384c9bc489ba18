package io.oort.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.oort.connector.mqtt.ConnectorHarness.RunningSource;
import io.oort.connector.mqtt.RecordingIngest.Received;
import io.oort.engine.core.api.ConnectionStatus;

/** The source against the machine's Mosquitto on 127.0.0.1:1883; every test uses its own topic prefix. */
class MqttSourceTest {
    private final String prefix = "oort-test/" + UUID.randomUUID() + "/";
    private ConnectorHarness harness;
    private Observer observer;

    @BeforeEach
    void setUp() throws Exception {
        harness = new ConnectorHarness();
        observer = Observer.local();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
        observer.close();
    }

    @Test
    void receivesPayloadAndMetaWithMqtt311() throws Exception {
        RunningSource s = harness.source(prefix + "temp", Map.of());
        assertEquals(List.of(ConnectionStatus.CONNECTING, ConnectionStatus.CONNECTED),
                s.status().events.stream().map(RecordingStatus.Event::status).toList());

        observer.publish(prefix + "temp", "{\"t\":21.5}", 1);
        Received r = s.ingest().next();
        assertArrayEquals("{\"t\":21.5}".getBytes(StandardCharsets.UTF_8), r.payload());
        assertEquals(prefix + "temp", r.meta().get("topic"));
        assertEquals(1, r.meta().get("qos"));
        assertTrue((Integer) r.meta().get("messageId") > 0, "QoS 1 carries a packet id: " + r.meta());
        assertFalse(r.meta().containsKey("properties"), "no user properties with 3.1.1");
        assertEquals(TestContext.NOW, r.timestamp(), "the engine clock stamps the message");
        assertTrue(r.thread().startsWith("MQTT Call"), "handed over on Paho's callback thread: " + r.thread());
    }

    @Test
    void grantedQosZeroDeliversAtQosZero() throws Exception {
        RunningSource s = harness.source(prefix + "q0", Map.of("qos", 0));
        observer.publish(prefix + "q0", "x", 2);
        Received r = s.ingest().next();
        assertEquals(0, r.meta().get("qos"));
        assertEquals(0, r.meta().get("messageId"));
    }

    @Test
    void receivesUserPropertiesWithMqtt5() throws Exception {
        RunningSource s = harness.source(prefix + "v5", Map.of("protocolVersion", "5", "qos", 2));
        String trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        observer.publish(prefix + "v5", "hello", 2, false, Map.of("site", "plant-7", "traceparent", trace));
        Received r = s.ingest().next();
        assertEquals("hello", r.text());
        assertEquals(prefix + "v5", r.meta().get("topic"));
        assertEquals(2, r.meta().get("qos"));
        assertEquals(Map.of("site", "plant-7", "traceparent", trace), r.meta().get("properties"));
        assertEquals(trace, r.meta().get("traceId"));

        observer.publish(prefix + "v5", "plain", 1);
        Received plain = s.ingest().next();
        assertEquals("plain", plain.text());
        assertFalse(plain.meta().containsKey("properties"), "no user properties, no key: " + plain.meta());
    }

    @Test
    void wildcardsAndCommaSeparatedTopics() throws Exception {
        RunningSource s = harness.source(prefix + "+/temp, " + prefix + "alarm/#", Map.of());
        observer.publish(prefix + "boiler/temp", "1", 1);
        observer.publish(prefix + "boiler/pressure", "ignored", 1);
        observer.publish(prefix + "alarm/a/b", "2", 1);
        observer.publish(prefix + "alarm", "3", 1); // '#' also matches the parent level

        assertEquals(List.of(prefix + "boiler/temp", prefix + "alarm/a/b", prefix + "alarm"),
                List.of(s.ingest().next().meta().get("topic"), s.ingest().next().meta().get("topic"),
                        s.ingest().next().meta().get("topic")));
        observer.publish(prefix + "pump/temp", "sentinel", 1);
        assertEquals("sentinel", s.ingest().next().text(), "the non-matching topic was never delivered");
        s.ingest().assertEmpty();
    }

    @Test
    void retainedMessageIsDeliveredOnSubscribe() throws Exception {
        String topic = prefix + "retained";
        observer.publish(topic, "last-known", 1, true, Map.of());
        try {
            RunningSource s = harness.source(topic, Map.of());
            Received r = s.ingest().next();
            assertEquals("last-known", r.text());
            assertEquals(topic, r.meta().get("topic"));
        } finally {
            observer.clearRetained(topic);
        }
    }

    @Test
    void twoSourcesOnOneTopicBothReceive() throws Exception {
        RunningSource a = harness.source(prefix + "fan", Map.of());
        RunningSource b = harness.source(prefix + "fan", Map.of());
        observer.publish(prefix + "fan", "both", 1);
        assertEquals("both", a.ingest().next().text());
        assertEquals("both", b.ingest().next().text());
        assertEquals(2, harness.pool.openConnections(), "without a selector each source has its own client");
    }

    @Test
    void closedSourceReceivesNothingMore() throws Exception {
        RunningSource a = harness.source(prefix + "stop", Map.of());
        RunningSource b = harness.source(prefix + "stop", Map.of());
        harness.close(a);
        observer.publish(prefix + "stop", "after", 1);
        assertEquals("after", b.ingest().next().text());
        a.ingest().assertEmpty();
        assertEquals(1, harness.pool.openConnections());
    }
}
