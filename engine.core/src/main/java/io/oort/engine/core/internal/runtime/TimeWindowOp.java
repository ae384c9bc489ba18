package io.oort.engine.core.internal.runtime;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.oort.engine.sql.ast.Window;

/**
 * Tumbling and hopping windows (eKuiper's v1 window operator): the first end is aligned to natural time, later
 * ends follow every interval (the size for tumbling, the hop for hopping). Content is the rows with
 * {@code end - size <= ts < end}. window_start() is the previous trigger time (the first event's time, or the rule
 * start in processing time) — minus the hop for hopping windows — as eKuiper reports it.
 */
final class TimeWindowOp implements WindowOp {

    private final boolean hopping;
    private final boolean eventTime;
    private final long length;
    private final long interval;
    private final Window w;
    private final ZoneId zone;
    private final Sink sink;
    private final List<Row> inputs = new ArrayList<>();
    private long triggerTime;
    private long nextEnd = Long.MAX_VALUE;
    private boolean started;
    /** Restored from a checkpoint in processing time, until the first {@link #advance}. */
    private boolean resumed;

    TimeWindowOp(Window w, boolean eventTime, long startTime, ZoneId zone, Sink sink) {
        this.w = w;
        this.hopping = w.type() == Window.Type.HOPPING;
        this.eventTime = eventTime;
        this.length = w.lengthMillis();
        this.interval = hopping ? w.intervalMillis() : length;
        this.zone = zone;
        this.sink = sink;
        if (!eventTime) {
            triggerTime = startTime;
            nextEnd = WindowAlign.alignedEnd(startTime, hopping ? w.interval() : w.length(), w.unit(), zone);
            started = true;
        }
    }

    @Override
    public void add(Row r) {
        if (eventTime && !started) {
            triggerTime = r.timestamp;
            started = true;
        }
        inputs.add(r);
    }

    @Override
    public void advance(long time) {
        if (eventTime && nextEnd == Long.MAX_VALUE) {
            long earliest = Long.MAX_VALUE;
            for (Row r : inputs) {
                if (r.timestamp > 0 && r.timestamp <= time && r.timestamp < earliest) {
                    earliest = r.timestamp;
                }
            }
            if (earliest == Long.MAX_VALUE) {
                return;
            }
            nextEnd = WindowAlign.alignedEnd(earliest, hopping ? w.interval() : w.length(), w.unit(), zone);
        }
        while (nextEnd <= time) {
            scan(nextEnd);
            nextEnd += interval;
            if (resumed && nextEnd <= time && inputs.isEmpty()) {
                // Restored after a stop that spanned these windows: they saw no rows, so instead of firing each
                // of them empty (a burst of empty results after a long stop) the window continues on the clock's
                // grid, as a rule started now would.
                long aligned = WindowAlign.alignedEnd(time, hopping ? w.interval() : w.length(), w.unit(), zone);
                triggerTime = aligned - interval;
                nextEnd = aligned;
            }
        }
        resumed = false;
    }

    private void scan(long end) {
        long left = end - length;
        List<Row> content = new ArrayList<>();
        List<Row> keep = new ArrayList<>();
        for (Row r : inputs) {
            if (hopping && r.timestamp < left) {
                continue; // expired
            }
            if (r.timestamp < end) {
                content.add(r);
                if (hopping) {
                    keep.add(r);
                }
            } else {
                keep.add(r);
            }
        }
        inputs.clear();
        inputs.addAll(keep);
        long start = hopping ? triggerTime - interval : triggerTime;
        if (start <= 0) {
            start = end - length;
        }
        triggerTime = end;
        sink.fire(content, start, end);
    }

    @Override
    public void snapshot(StateCodec.Out out) throws IOException {
        out.writeRows(inputs);
        out.writeLong(triggerTime);
        out.writeLong(nextEnd);
        out.writeBoolean(started);
    }

    @Override
    public void restore(StateCodec.In in) throws IOException {
        inputs.clear();
        inputs.addAll(in.readRows());
        triggerTime = in.readLong();
        nextEnd = in.readLong();
        started = in.readBoolean();
        resumed = !eventTime;
    }

    @Override
    public long nextDeadline() {
        return eventTime ? Long.MAX_VALUE : nextEnd;
    }
}
