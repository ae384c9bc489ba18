package io.oort.engine.core.internal.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import io.oort.engine.sql.ast.Window;

/**
 * COUNTWINDOW(n[, m]): every m rows (m = n by default), once at least n rows exist, emits the latest n rows and
 * keeps the latest n - 1. window_start/window_end are the previous and current trigger times on the clock.
 */
final class CountWindowOp implements WindowOp {

    private final int length;
    private final int interval;
    private final LongSupplier clock;
    private final Sink sink;
    private List<Row> inputs = new ArrayList<>();
    private int count;
    private long lastTrigger;

    CountWindowOp(Window w, LongSupplier clock, Sink sink) {
        this.length = (int) w.length();
        this.interval = w.interval() > 0 ? (int) w.interval() : length;
        this.clock = clock;
        this.sink = sink;
        this.lastTrigger = clock.getAsLong();
    }

    @Override
    public void add(Row r) {
        inputs.add(r);
        count++;
        if (count % interval != 0) {
            return;
        }
        count = 0;
        if (inputs.size() >= length) {
            long now = clock.getAsLong();
            List<Row> content = new ArrayList<>(inputs.subList(inputs.size() - length, inputs.size()));
            long start = lastTrigger;
            lastTrigger = now;
            inputs = new ArrayList<>(inputs.subList(inputs.size() - length + 1, inputs.size()));
            sink.fire(content, start, now);
        }
    }

    @Override
    public void snapshot(StateCodec.Out out) throws IOException {
        out.writeRows(inputs);
        out.writeInt(count);
        out.writeLong(lastTrigger);
    }

    @Override
    public void restore(StateCodec.In in) throws IOException {
        inputs = new ArrayList<>(in.readRows());
        count = in.readInt();
        lastTrigger = in.readLong();
    }

    @Override
    public void advance(long time) {
        // not time based
    }

    @Override
    public long nextDeadline() {
        return Long.MAX_VALUE;
    }
}
