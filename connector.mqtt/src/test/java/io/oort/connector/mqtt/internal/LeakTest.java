package io.oort.connector.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.oort.connector.mqtt.Await;
import io.oort.connector.mqtt.ConnectorHarness;
import io.oort.connector.mqtt.Mosquitto;
import io.oort.connector.mqtt.TestSinkMessage;
import io.oort.engine.core.api.ConnectionStatus;

/** What uninstalling the bundle relies on: deactivating the pool leaves no client thread behind. */
class LeakTest {

    private static List<String> threadsMentioning(String... ids) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> Arrays.stream(ids).anyMatch(n::contains)).toList();
    }

    @Test
    void poolShutdownStopsEveryPahoThread() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String v3 = "leak3-" + tag;
        String v5 = "leak5-" + tag;
        String dead = "leakdead-" + tag;
        String shared = "leakshared-" + tag;
        ConnectorHarness h = new ConnectorHarness();
        var src3 = h.source("leak/" + tag, Map.of("clientid", v3));
        var src5 = h.source("leak/" + tag, Map.of("clientid", v5, "protocolVersion", "5"));
        var sink = h.sink(Map.of("clientId", shared, "topic", "leak/" + tag, "qos", 1, "connectionSelector",
                "mqtt.leak"));
        h.source("leak/" + tag, Map.of("clientid", shared, "connectionSelector", "mqtt.leak"));
        // A connection that is retrying in the background when the pool goes away.
        var down = h.sink(Map.of("clientId", dead, "topic", "t", "server",
                "tcp://127.0.0.1:" + Mosquitto.freePort()));
        down.status().await(ConnectionStatus.DISCONNECTED);
        sink.send(TestSinkMessage.of("x"));
        assertEquals("x", src3.ingest().next().text());
        assertEquals("x", src5.ingest().next().text());
        assertFalse(threadsMentioning(v3, v5, shared).isEmpty(), "Paho names its threads after the client id");
        assertEquals(4, h.pool.openConnections());

        // What DS does on bundle stop: the pool is deactivated while connectors are still open.
        h.pool.shutdown();
        Await.until(Duration.ofSeconds(10), () -> threadsMentioning(v3, v5, shared, dead, "oort-mqtt-connect")
                .isEmpty(), () -> "threads left: " + threadsMentioning(v3, v5, shared, dead, "oort-mqtt-connect"));
        assertEquals(0, h.pool.openConnections());
        h.close(); // the engine closing its connectors afterwards must be harmless
    }
}
