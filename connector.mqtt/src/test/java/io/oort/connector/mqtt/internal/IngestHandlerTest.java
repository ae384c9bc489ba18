package io.oort.connector.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.oort.connector.mqtt.Await;
import io.oort.connector.mqtt.RecordingIngest;

class IngestHandlerTest {
    private static InboundMessage msg(String text) {
        return new InboundMessage("t", text.getBytes(StandardCharsets.UTF_8), 1, 7, false, Map.of());
    }

    @Test
    void messagesBeforeSubscribeAreReplayedInOrder() throws Exception {
        IngestHandler h = new IngestHandler(() -> 42L);
        h.onMessage(msg("a"));
        h.onMessage(msg("b"));
        RecordingIngest ingest = new RecordingIngest();
        h.start(ingest);
        h.onMessage(msg("c"));
        for (String expected : List.of("a", "b", "c")) {
            RecordingIngest.Received r = ingest.next(Duration.ofSeconds(1));
            assertEquals(expected, r.text());
            assertEquals(42L, r.timestamp());
            assertEquals(Map.of("topic", "t", "qos", 1, "messageId", 7), r.meta());
        }
    }

    @Test
    void aFullEarlyBufferHoldsTheCallbackThreadUntilSubscribe() throws Exception {
        IngestHandler h = new IngestHandler(() -> 0L);
        for (int i = 0; i < IngestHandler.MAX_EARLY; i++) {
            h.onMessage(msg(Integer.toString(i)));
        }
        List<String> done = new CopyOnWriteArrayList<>();
        Thread paho = new Thread(() -> {
            h.onMessage(msg("overflow"));
            done.add("returned");
        });
        paho.start();
        Await.until(Duration.ofSeconds(5), () -> paho.getState() == Thread.State.WAITING, "the callback to block");
        assertTrue(done.isEmpty(), "back-pressure, not loss");

        RecordingIngest ingest = new RecordingIngest();
        h.start(ingest);
        paho.join(5000);
        assertFalse(paho.isAlive());
        for (int i = 0; i < IngestHandler.MAX_EARLY; i++) {
            assertEquals(Integer.toString(i), ingest.next(Duration.ofSeconds(1)).text());
        }
        assertEquals("overflow", ingest.next(Duration.ofSeconds(1)).text());
    }

    @Test
    void closeReleasesABlockedCallbackThread() throws Exception {
        IngestHandler h = new IngestHandler(() -> 0L);
        for (int i = 0; i < IngestHandler.MAX_EARLY; i++) {
            h.onMessage(msg("x"));
        }
        Thread paho = new Thread(() -> h.onMessage(msg("blocked")));
        paho.start();
        Await.until(Duration.ofSeconds(5), () -> paho.getState() == Thread.State.WAITING, "the callback to block");
        h.close();
        paho.join(5000);
        assertFalse(paho.isAlive());
    }
}
