package io.oort.engine.core.internal.runtime;

import io.oort.engine.sql.eval.Tuple;

/**
 * Event-time tuples waiting for the watermark, in timestamp order (stable: equal timestamps keep arrival order),
 * with their source index. In-order arrivals append in O(1), releases take from the front in O(1); an
 * out-of-order arrival shifts the later entries. Single-threaded.
 */
final class ReorderBuffer {

    private Tuple[] tuples = new Tuple[64];
    private int[] sources = new int[64];
    private int head;
    private int size;

    int size() {
        return size;
    }

    void add(Tuple t, int source) {
        if (head + size == tuples.length) {
            makeRoom();
        }
        int end = head + size;
        int at = end;
        while (at > head && tuples[at - 1].timestamp > t.timestamp) {
            at--;
        }
        if (at < end) {
            System.arraycopy(tuples, at, tuples, at + 1, end - at);
            System.arraycopy(sources, at, sources, at + 1, end - at);
        }
        tuples[at] = t;
        sources[at] = source;
        size++;
    }

    /** The timestamp of the i-th waiting tuple (0 = earliest). */
    long timestamp(int i) {
        return tuples[head + i].timestamp;
    }

    Tuple tuple(int i) {
        return tuples[head + i];
    }

    int source(int i) {
        return sources[head + i];
    }

    /** Forgets the {@code n} earliest tuples. */
    void dropFirst(int n) {
        java.util.Arrays.fill(tuples, head, head + n, null);
        head += n;
        size -= n;
        if (size == 0) {
            head = 0;
        }
    }

    private void makeRoom() {
        if (head > 0 && size <= tuples.length / 2) {
            System.arraycopy(tuples, head, tuples, 0, size);
            System.arraycopy(sources, head, sources, 0, size);
            java.util.Arrays.fill(tuples, size, head + size, null);
        } else {
            Tuple[] t = new Tuple[tuples.length * 2];
            int[] s = new int[t.length];
            System.arraycopy(tuples, head, t, 0, size);
            System.arraycopy(sources, head, s, 0, size);
            tuples = t;
            sources = s;
        }
        head = 0;
    }
}
