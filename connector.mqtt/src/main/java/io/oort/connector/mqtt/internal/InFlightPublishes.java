package io.oort.connector.mqtt.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous publishes of one connection that Paho has not reported on yet, so that each is settled exactly
 * once even when Paho never reports it.
 *
 * <p>Why: Paho 1.2.5 (MQTT 3) keeps no token for a QoS 0 message; when the connection breaks it empties its send
 * queue and never completes the tokens of the messages it dropped, and after our own disconnect it reports nothing
 * either. A sink waiting for room in its window would wait for those forever. So the connection settles every
 * publish still open as failed when it learns of a loss ({@link #settleAll}, from {@code connectionLost}, which
 * Paho calls after it has emptied its queues) and when it shuts down; a late report from Paho is then ignored.
 *
 * <p>States of one publish: HANDING (the caller is inside Paho's publish), OPEN (Paho has it), DONE (settled, its
 * completion told) and REFUSED (Paho threw: the caller has the exception, the completion is never told). Paho may
 * report before its publish returns, so reports are taken in HANDING too. A loss settles only OPEN publishes, so a
 * refused publish never reaches its completion; one being handed over during a loss is settled by
 * {@link #handedOver} instead.
 */
final class InFlightPublishes {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightPublishes.class);
    private static final int HANDING = 0;
    private static final int OPEN = 1;
    private static final int DONE = 2;
    private static final int REFUSED = 3;

    private final Set<Publish> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();
    /** Incremented by every {@link #settleAll}, before it looks at the open publishes. */
    private volatile long losses;
    private volatile String lastLoss = "connection lost";

    /** One publish; Paho calls {@link #completed} on its threads. */
    final class Publish implements MqttLink.Completion {
        private final AtomicInteger state = new AtomicInteger(HANDING);
        private final MqttLink.Completion done;
        private final long lossesAtStart;

        private Publish(MqttLink.Completion done, long lossesAtStart) {
            this.done = done;
            this.lossesAtStart = lossesAtStart;
        }

        @Override
        public void completed(Throwable failure) {
            if (state.compareAndSet(HANDING, DONE) || state.compareAndSet(OPEN, DONE)) {
                finish(failure);
            }
        }

        private void fail(String reason) {
            if (state.compareAndSet(OPEN, DONE)) {
                finish(new IllegalStateException(reason));
            }
        }

        private void finish(Throwable failure) {
            open.remove(this);
            if (failure != null) {
                failures.incrementAndGet();
            }
            try {
                done.completed(failure);
            } catch (RuntimeException e) {
                // An exception reaching Paho would drop the connection.
                LOG.warn("a publish completion failed", e);
            }
        }
    }

    /** Registers a publish about to be handed to Paho; pass the result to Paho as the completion. */
    Publish begin(MqttLink.Completion done) {
        Publish p = new Publish(done, losses);
        open.add(p);
        return p;
    }

    /** Paho took the publish. If the connection broke meanwhile, the loss may have missed it: it is settled now. */
    void handedOver(Publish p) {
        p.state.compareAndSet(HANDING, OPEN);
        if (losses != p.lossesAtStart) {
            p.fail(lastLoss);
        }
    }

    /** Paho threw: the caller reports the exception and the completion is never told. */
    void refused(Publish p) {
        p.state.compareAndSet(HANDING, REFUSED);
        open.remove(p);
    }

    /** Settles every publish Paho has and has not reported on as failed with {@code reason}. */
    void settleAll(String reason) {
        lastLoss = reason;
        losses++; // one writer at a time: the connection's loss and shutdown paths are serialized by its lock
        for (Publish p : open) {
            p.fail(reason);
        }
    }

    /** Publishes that failed since the last call (reported by Paho or settled by a loss). */
    int takeFailures() {
        return failures.getAndSet(0);
    }

    /** Publishes handed over and not settled yet. */
    int size() {
        return open.size();
    }
}
