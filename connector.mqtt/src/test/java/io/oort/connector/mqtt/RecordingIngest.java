package io.oort.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.oort.engine.core.api.SourceIngest;

/** Collects what a source ingests. */
public final class RecordingIngest implements SourceIngest {
    /** One ingested message. */
    public record Received(byte[] payload, Map<String, Object> meta, long timestamp, String thread) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    public final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    public void ingest(byte[] payload, Map<String, Object> meta, long timestamp) {
        received.add(new Received(payload, meta, timestamp, Thread.currentThread().getName()));
    }

    @Override
    public void ingestTuple(Map<String, Object> tuple, Map<String, Object> meta, long timestamp) {
        throw new AssertionError("the mqtt source delivers bytes");
    }

    @Override
    public void error(Throwable error) {
        errors.add(error);
    }

    /** The next message, waiting at most {@code timeout}; fails when none comes. */
    public Received next(Duration timeout) throws InterruptedException {
        Received r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(r, "no message within " + timeout);
        return r;
    }

    public Received next() throws InterruptedException {
        return next(Duration.ofSeconds(10));
    }

    /** Asserts nothing is waiting right now (call after a sentinel message proved delivery caught up). */
    public void assertEmpty() {
        assertNull(received.peek(), "unexpected message");
    }
}
