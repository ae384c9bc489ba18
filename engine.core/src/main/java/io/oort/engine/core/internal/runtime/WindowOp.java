package io.oort.engine.core.internal.runtime;

import java.io.IOException;
import java.util.List;

/**
 * A window operator. In processing time rows arrive in arrival order and {@link #advance} is called with the clock
 * when {@link #nextDeadline} is due; in event time rows arrive released by the watermark, in timestamp order, and
 * {@link #advance} is called with each new watermark. Single-threaded.
 */
interface WindowOp {

    /** Receives a window's content when it fires. */
    interface Sink {
        void fire(List<Row> content, long start, long end);
    }

    void add(Row r);

    /** Writes what the window holds (its rows and timing) into a rule's checkpoint. */
    void snapshot(StateCodec.Out out) throws IOException;

    /** Takes the state {@link #snapshot} wrote for the same window of the same rule. */
    void restore(StateCodec.In in) throws IOException;

    void advance(long time);

    /** Processing time: when {@link #advance} must next be called; {@link Long#MAX_VALUE} when nothing is pending. */
    long nextDeadline();
}
