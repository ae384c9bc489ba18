package io.oort.engine.core.internal.rule;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A rule's input buffer and its single consumer, run on a shared worker pool (no thread per rule). Items are
 * handled one at a time, in order. The buffer holds {@code capacity} items; when it is full a producer blocks
 * (back-pressure, the default) or, with {@code dropOldest}, the oldest item is discarded and counted. Producers
 * running on the worker pool itself never block (that could starve the pool); they may exceed the capacity.
 */
final class Mailbox {

    /** Marks items that took a capacity permit. */
    private record Slot(Object item, boolean permit) {
    }

    private static final ThreadLocal<Boolean> ON_WORKER = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final int BATCH = 256;

    private final ConcurrentLinkedQueue<Slot> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore free;
    private final boolean dropOldest;
    private final Executor workers;
    private final Consumer<Object> handler;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    Mailbox(int capacity, boolean dropOldest, Executor workers, Consumer<Object> handler) {
        this.free = new Semaphore(capacity);
        this.dropOldest = dropOldest;
        this.workers = workers;
        this.handler = handler;
    }

    /** Enqueues an input item, applying the buffer policy. Returns false when the mailbox is closed. */
    boolean offer(Object item) throws InterruptedException {
        if (closed) {
            return false;
        }
        boolean permit = free.tryAcquire();
        if (!permit) {
            if (dropOldest) {
                Slot old = queue.poll();
                if (old != null) {
                    dropped.incrementAndGet();
                    permit = old.permit;
                }
            } else if (!ON_WORKER.get()) {
                free.acquire();
                permit = true;
            }
        }
        queue.add(new Slot(item, permit));
        schedule();
        return true;
    }

    /** Enqueues a control item (timer tick, resend) that never blocks and is never dropped. */
    void offerControl(Object item) {
        if (closed) {
            return;
        }
        queue.add(new Slot(item, false));
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            workers.execute(this::drain);
        }
    }

    private void drain() {
        ON_WORKER.set(Boolean.TRUE);
        try {
            for (int i = 0; i < BATCH; i++) {
                Slot s = queue.poll();
                if (s == null) {
                    break;
                }
                if (s.permit) {
                    free.release();
                }
                if (!closed) {
                    handler.accept(s.item);
                }
            }
        } finally {
            scheduled.set(false);
            if (!queue.isEmpty() && !closed) {
                schedule();
            }
        }
    }

    int size() {
        return queue.size();
    }

    /** Waits (bounded) until no item is being handled, after {@link #close}. */
    boolean awaitIdle(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (scheduled.get() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !scheduled.get();
    }

    /**
     * Waits (bounded) until every queued item has been handled: a stop closes the inputs first, then lets what they
     * delivered be processed instead of dropping it. Returns whether the mailbox emptied in time.
     */
    boolean awaitEmpty(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while ((!queue.isEmpty() || scheduled.get()) && !closed) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    long dropped() {
        return dropped.get();
    }

    /** Stops accepting items and releases blocked producers. */
    void close() {
        closed = true;
        Slot s;
        while ((s = queue.poll()) != null) {
            if (s.permit) {
                free.release();
            }
        }
        free.release(Integer.MAX_VALUE / 2);
    }

    /** Marks the current thread as a worker (for executors created elsewhere). */
    static void markWorker() {
        ON_WORKER.set(Boolean.TRUE);
    }
}
