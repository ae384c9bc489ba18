package io.oort.engine.core.internal.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rule's input buffer: a full buffer blocks the producer by default (nothing is lost), or drops and counts the
 * oldest inputs with dropOldest. The consumer is held on a latch so the buffer fills deterministically.
 */
class MailboxTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final List<Object> handled = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstTaken = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        workers.shutdownNow();
    }

    private Mailbox mailbox(boolean dropOldest) {
        return new Mailbox(4, dropOldest, workers, item -> {
            firstTaken.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handled.add(item);
        });
    }

    @Test
    void aFullBufferBlocksTheProducerAndLosesNothing() throws Exception {
        Mailbox m = mailbox(false);
        AtomicInteger offered = new AtomicInteger();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 10; i++) {
                try {
                    m.offer(i);
                } catch (InterruptedException e) {
                    return;
                }
                offered.incrementAndGet();
            }
        });
        producer.start();
        assertTrue(firstTaken.await(10, TimeUnit.SECONDS));
        // item 0 is being handled, 1..4 fill the 4 places: the producer is stuck offering item 5. WAITING alone
        // does not say so: the producer also parks briefly on the mailbox's lock while the consumer takes item 0.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((producer.getState() != Thread.State.WAITING || offered.get() < 5) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.WAITING, producer.getState());
        assertEquals(5, offered.get());
        assertEquals(4, m.size());
        release.countDown();
        producer.join(10_000);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handled.size() < 10 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(IntStream.range(0, 10).boxed().toList(), handled, "everything, in order");
        assertEquals(0, m.dropped());
    }

    @Test
    void dropOldestNeverBlocksAndCountsWhatItDrops() throws Exception {
        Mailbox m = mailbox(true);
        m.offer(0);
        assertTrue(firstTaken.await(10, TimeUnit.SECONDS));
        for (int i = 1; i < 10; i++) {
            m.offer(i); // never blocks: 1..5 are pushed out by 6..9
        }
        assertEquals(4, m.size());
        assertEquals(5, m.dropped());
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handled.size() < 5 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of(0, 6, 7, 8, 9), handled, "the newest inputs survive, in order");
    }
}
