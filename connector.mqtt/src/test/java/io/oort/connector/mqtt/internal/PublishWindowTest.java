package io.oort.connector.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PublishWindowTest {

    @Test
    void aFullWindowMakesTheCallerWaitUntilAMessageIsWritten() throws Exception {
        PublishWindow w = new PublishWindow(2, 1_000);
        assertTrue(w.reserve(10, 0));
        assertTrue(w.reserve(10, 0));
        assertFalse(w.reserve(10, 0), "a third message does not fit in a window of two");

        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return w.reserve(10, 10_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        w.release(10, null);
        assertTrue(waiting.get(10, TimeUnit.SECONDS), "room made by a written message lets the caller go on");
        assertEquals(2, w.inFlight());
    }

    @Test
    void bytesAreBoundedButALargeMessagePassesAlone() throws Exception {
        PublishWindow w = new PublishWindow(100, 100);
        assertTrue(w.reserve(500, 0), "an empty window takes a message larger than its byte budget");
        assertFalse(w.reserve(1, 0), "nothing more until it is written");
        w.release(500, null);
        assertTrue(w.reserve(60, 0));
        assertFalse(w.reserve(60, 0), "60 + 60 bytes exceed the budget of 100");
        assertTrue(w.reserve(40, 0));
    }

    @Test
    void failuresAreCountedAndReportedOnce() throws Exception {
        PublishWindow w = new PublishWindow(10, 1_000);
        assertNull(w.takeFailures());
        w.reserve(1, 0);
        w.reserve(1, 0);
        w.reserve(1, 0);
        w.release(1, null);
        w.release(1, new IllegalStateException("first"));
        w.release(1, new IllegalStateException("connection lost"));
        PublishWindow.Failures f = w.takeFailures();
        assertEquals(2, f.count());
        assertTrue(f.lastCause().contains("connection lost"), f.lastCause());
        assertNull(w.takeFailures(), "reported once");
        assertTrue(w.awaitEmpty(0));
    }

    @Test
    void awaitEmptyIsBounded() throws Exception {
        PublishWindow w = new PublishWindow(10, 1_000);
        w.reserve(1, 0);
        assertFalse(w.awaitEmpty(20), "a message never written does not hang the close");
    }
}
