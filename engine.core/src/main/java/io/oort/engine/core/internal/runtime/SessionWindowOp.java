package io.oort.engine.core.internal.runtime;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.oort.engine.sql.ast.Window;

/**
 * Session windows (eKuiper v1): a session starts with its first event and closes when no event arrives for the
 * timeout (end = last event + timeout), or when an aligned tick of the maximum duration cuts it.
 * window_start() is the session's first event; content is the rows before the end.
 */
final class SessionWindowOp implements WindowOp {

    private final boolean eventTime;
    private final long duration;
    private final long timeout;
    private final Window w;
    private final ZoneId zone;
    private final Sink sink;
    private final List<Row> inputs = new ArrayList<>();
    private long triggerTime;
    private boolean lastTicked;
    // processing time
    private long timeoutAt = Long.MAX_VALUE;
    private long nextTick;

    SessionWindowOp(Window w, boolean eventTime, long startTime, ZoneId zone, Sink sink) {
        this.w = w;
        this.eventTime = eventTime;
        this.duration = w.lengthMillis();
        this.timeout = w.intervalMillis();
        this.zone = zone;
        this.sink = sink;
        if (!eventTime) {
            triggerTime = startTime;
            nextTick = WindowAlign.alignedEnd(startTime, w.length(), w.unit(), zone);
        }
    }

    @Override
    public void add(Row r) {
        if (eventTime) {
            if (triggerTime == 0) {
                triggerTime = r.timestamp;
            }
        } else {
            if (timeoutAt == Long.MAX_VALUE) {
                triggerTime = r.timestamp;
            }
            timeoutAt = r.timestamp + timeout;
        }
        inputs.add(r);
    }

    @Override
    public void advance(long time) {
        if (eventTime) {
            advanceEvent(time);
        } else {
            advanceProcessing(time);
        }
    }

    private void advanceProcessing(long now) {
        while (true) {
            long due = Math.min(timeoutAt, nextTick);
            if (due > now) {
                return;
            }
            if (timeoutAt <= nextTick) {
                long at = timeoutAt;
                timeoutAt = Long.MAX_VALUE;
                if (!inputs.isEmpty()) {
                    scan(at);
                    inputs.clear();
                }
            } else {
                long n = nextTick;
                nextTick += duration;
                if (!inputs.isEmpty() && n - inputs.get(0).timestamp >= duration) {
                    scan(n);
                }
            }
        }
    }

    private void advanceEvent(long watermark) {
        long[] next = nextSession(watermark);
        while (next[0] != Long.MAX_VALUE && next[0] <= watermark) {
            if (!lastTicked && !inputs.isEmpty()) {
                triggerTime = inputs.get(0).timestamp;
            }
            scan(next[0]);
            lastTicked = next[1] != 0;
            next = nextSession(watermark);
        }
    }

    /** {end, ticked}: the end of the first session among the buffered rows, as eKuiper's getNextSessionWindow. */
    private long[] nextSession(long now) {
        if (inputs.isEmpty()) {
            return new long[] {Long.MAX_VALUE, 0};
        }
        long et = inputs.get(0).timestamp;
        long tick = WindowAlign.alignedEnd(et, w.length(), w.unit(), zone);
        long p = 0;
        boolean ticked = false;
        for (Row r : inputs) {
            long ts = r.timestamp;
            long end = Long.MAX_VALUE;
            if (p != 0 && ts - p > timeout) {
                end = p + timeout;
            }
            if (ts > tick) {
                if (tick - duration > et && tick < end) {
                    end = tick;
                    ticked = true;
                }
                tick += duration;
            }
            if (end != Long.MAX_VALUE) {
                return new long[] {end, ticked ? 1 : 0};
            }
            p = ts;
        }
        if (p != 0 && now - p > timeout) {
            return new long[] {p + timeout, ticked ? 1 : 0};
        }
        return new long[] {Long.MAX_VALUE, 0};
    }

    private void scan(long end) {
        List<Row> content = new ArrayList<>();
        List<Row> keep = new ArrayList<>();
        for (Row r : inputs) {
            if (r.timestamp < end) {
                content.add(r);
            } else {
                keep.add(r);
            }
        }
        inputs.clear();
        inputs.addAll(keep);
        long start = triggerTime;
        if (start <= 0) {
            start = end - duration;
        }
        triggerTime = end;
        sink.fire(content, start, end);
    }

    @Override
    public void snapshot(StateCodec.Out out) throws IOException {
        out.writeRows(inputs);
        out.writeLong(triggerTime);
        out.writeBoolean(lastTicked);
        out.writeLong(timeoutAt);
        out.writeLong(nextTick);
    }

    @Override
    public void restore(StateCodec.In in) throws IOException {
        inputs.clear();
        inputs.addAll(in.readRows());
        triggerTime = in.readLong();
        lastTicked = in.readBoolean();
        timeoutAt = in.readLong();
        nextTick = in.readLong();
    }

    @Override
    public long nextDeadline() {
        return eventTime ? Long.MAX_VALUE : Math.min(timeoutAt, nextTick);
    }
}
