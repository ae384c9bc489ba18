package io.oort.connector.mqtt.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

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
    private SourceIngest ingest;
    /** True while {@link #start} replays the early messages; later arrivals queue behind them. */
    private boolean draining;
    private boolean closed;

    IngestHandler(EngineClock clock) {
        this.clock = clock;
    }

    /** Starts delivery to {@code target}, first replaying what arrived before. */
    void start(SourceIngest target) {
        synchronized (this) {
            ingest = target;
            draining = true;
        }
        while (true) {
            InboundMessage m;
            synchronized (this) {
                m = closed ? null : early.poll();
                if (m == null) {
                    draining = false;
                    notifyAll();
                    return;
                }
                notifyAll();
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
            while (!closed && (ingest == null || draining) && early.size() >= MAX_EARLY) {
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
            if (ingest == null || draining) {
                early.add(m);
                return;
            }
            target = ingest;
        }
        // Outside the lock: ingest may block for back-pressure and close() must still get through.
        deliver(target, m);
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
