package io.oort.connector.mqtt.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.EngineClock;
import io.oort.engine.core.api.SourceIngest;

/**
 * A source's message handler. It is registered before the connection's first CONNECT, because a persistent session
 * (and a retained message on SUBSCRIBE) delivers at once, before the engine calls {@code subscribe}; messages that
 * come early wait here, in order, and a full buffer holds Paho's callback thread back (back-pressure, not loss).
 *
 * <p>On Paho's thread it only builds eKuiper's metadata and hands over: {@code topic}, {@code qos},
 * {@code messageId}, and for MQTT 5 the user {@code properties} (plus {@code traceId} from {@code traceparent}).
 */
final class IngestHandler implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);
    static final int MAX_EARLY = 1024;

    private final EngineClock clock;
    private final ArrayDeque<InboundMessage> early = new ArrayDeque<>();
    /**
     * Completed when the early buffer is full and Paho's thread waits for the engine: the broker is delivering, so
     * the source's connect must not wait any longer for its SUBACK (queued behind that backlog, it would come only
     * after the engine subscribed, which it does when connect returns).
     */
    final CompletableFuture<Void> backlogWaiting = new CompletableFuture<>();
    /** Held by whoever hands messages over, so early ones still being replayed go before later arrivals. */
    private final ReentrantLock delivery = new ReentrantLock();
    private SourceIngest ingest;
    private boolean closed;

    IngestHandler(EngineClock clock) {
        this.clock = clock;
    }

    /**
     * Starts delivery to {@code target}, first replaying what arrived before. From now on new arrivals are handed
     * over by Paho's thread (after the early ones), so this returns once at most {@link #MAX_EARLY} messages are
     * replayed, even while a persistent session's backlog keeps flowing in: the engine starts the rule under its
     * lock, and catching up with a backlog must not hold that.
     */
    void start(SourceIngest target) {
        synchronized (this) {
            ingest = target;
            notifyAll(); // a callback thread waiting for room takes the delivery path now
        }
        delivery.lock();
        try {
            replay(target);
        } finally {
            delivery.unlock();
        }
    }

    /** Hands over the early messages, oldest first; the caller holds {@link #delivery}. */
    private void replay(SourceIngest target) {
        while (true) {
            InboundMessage m;
            synchronized (this) {
                m = closed ? null : early.poll();
            }
            if (m == null) {
                return;
            }
            deliver(target, m);
        }
    }

    /** Drops what is buffered and releases a waiting callback thread. */
    synchronized void close() {
        closed = true;
        early.clear();
        notifyAll();
    }

    @Override
    public void onMessage(InboundMessage m) {
        SourceIngest target;
        synchronized (this) {
            while (!closed && ingest == null && early.size() >= MAX_EARLY) {
                backlogWaiting.complete(null);
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (closed) {
                return;
            }
            if (ingest == null) {
                early.add(m);
                return;
            }
            target = ingest;
        }
        // Outside the monitor: ingest may block for back-pressure and close() must still get through.
        delivery.lock();
        try {
            replay(target);
            deliver(target, m);
        } finally {
            delivery.unlock();
        }
    }

    private void deliver(SourceIngest target, InboundMessage m) {
        Map<String, Object> meta = new HashMap<>(8);
        meta.put("topic", m.topic());
        meta.put("qos", m.qos());
        meta.put("messageId", m.messageId());
        if (!m.userProperties().isEmpty()) {
            meta.put("properties", m.userProperties());
            String trace = m.userProperties().get("traceparent");
            if (trace != null) {
                meta.put("traceId", trace);
            }
        }
        target.ingest(m.payload(), meta, clock.millis());
    }

    @Override
    public void onError(Throwable error) {
        SourceIngest target;
        synchronized (this) {
            target = ingest;
        }
        if (target != null) {
            target.error(error);
        } else {
            LOG.warn("mqtt source error before subscribe: {}", error.getMessage());
        }
    }
}
