package io.oort.connector.mqtt.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds what one sink has handed to the client without waiting: at most {@code maxMessages} messages and
 * {@code maxBytes} payload bytes not yet written (a single larger message passes alone). Paho's own in-flight limit
 * counts QoS 1 and 2 only, and its QoS 0 send queue is unbounded, so without this window a rule faster than the
 * network would fill the heap instead of slowing down; with it, the rule's thread waits in {@link #reserve}: that is
 * the back-pressure.
 *
 * <p>It also keeps the failures Paho reports later (or that a loss settles), until the sink reports them.
 *
 * <p>Threading: {@link #reserve} and {@link #awaitEmpty} on the sink's (one) caller thread; {@link #release} on
 * Paho's threads.
 */
final class PublishWindow {
    private final int maxMessages;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int messages;
    private long bytes;
    private int failed;
    private String lastFailure;
    /** A lock-free hint for the caller's fast path: some failure waits to be reported. */
    private volatile boolean failures;

    /** Failures reported by Paho since the last {@link #takeFailures}: how many and the latest cause. */
    record Failures(int count, String lastCause) {
    }

    PublishWindow(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /**
     * Takes room for one message of {@code size} bytes, waiting up to {@code timeoutMs} for earlier messages to be
     * written. Returns false when there is still no room then.
     */
    boolean reserve(int size, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            while (messages >= maxMessages || (messages > 0 && bytes + size > maxBytes)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            messages++;
            bytes += size;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the room of a message; {@code failure} non-null means it may not have been written. */
    void release(int size, Throwable failure) {
        lock.lock();
        try {
            messages--;
            bytes -= size;
            if (failure != null) {
                failed++;
                lastFailure = PahoErrors.describe(failure);
                failures = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeoutMs} until every message handed over is settled; false if some still are not. */
    boolean awaitEmpty(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            while (messages > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The failures not reported yet, or null; cheap when there are none. */
    Failures takeFailures() {
        if (!failures) {
            return null;
        }
        lock.lock();
        try {
            Failures f = failed == 0 ? null : new Failures(failed, lastFailure);
            failed = 0;
            lastFailure = null;
            failures = false;
            return f;
        } finally {
            lock.unlock();
        }
    }

    /** Messages handed over and not settled yet. */
    int inFlight() {
        lock.lock();
        try {
            return messages;
        } finally {
            lock.unlock();
        }
    }
}
