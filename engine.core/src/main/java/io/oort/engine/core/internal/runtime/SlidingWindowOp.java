package io.oort.engine.core.internal.runtime;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.oort.engine.sql.ast.Window;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.value.EvalException;

/**
 * Sliding windows (eKuiper v1): every row that satisfies OVER (WHEN ...) (or every row) triggers a window with the
 * rows in {@code [t - size, t]}; with a delay the window fires at {@code t + delay} and holds
 * {@code [t - size, t + delay)}.
 */
final class SlidingWindowOp implements WindowOp {

    private final boolean eventTime;
    private final long length;
    private final long delay;
    private final Evaluator trigger;
    private final EvalContext ctx;
    private final Sink sink;
    private final List<Row> inputs = new ArrayList<>();
    private final ArrayDeque<Long> triggers = new ArrayDeque<>();
    private final ArrayDeque<Long> delayed = new ArrayDeque<>();

    SlidingWindowOp(Window w, boolean eventTime, Evaluator trigger, EvalContext ctx, Sink sink) {
        this.eventTime = eventTime;
        this.length = w.lengthMillis();
        this.delay = w.delayMillis();
        this.trigger = trigger;
        this.ctx = ctx;
        this.sink = sink;
    }

    private boolean matches(Row r) {
        if (trigger == null) {
            return true;
        }
        ctx.row = r.tuples;
        ctx.analytics = r.analytics;
        try {
            return trigger.eval(ctx) instanceof Boolean b && b;
        } catch (EvalException e) {
            return false;
        }
    }

    @Override
    public void add(Row r) {
        inputs.add(r);
        boolean match = matches(r);
        if (eventTime) {
            if (match) {
                triggers.add(r.timestamp);
            }
            return;
        }
        if (match) {
            if (delay > 0) {
                delayed.add(r.timestamp + delay);
            } else {
                scan(r.timestamp, length + delay);
            }
        } else {
            // drop rows that can no longer be in any window
            long limit = r.timestamp + 1;
            inputs.removeIf(x -> x.timestamp + length + delay < limit);
        }
    }

    @Override
    public void advance(long time) {
        if (eventTime) {
            while (!delayed.isEmpty() && delayed.peekFirst() <= time) {
                scan(delayed.pollFirst(), delay + length);
            }
            while (!triggers.isEmpty() && triggers.peekFirst() <= time) {
                long t = triggers.pollFirst();
                if (delay > 0) {
                    delayed.add(t + delay);
                } else {
                    scan(t, length);
                }
            }
            while (!delayed.isEmpty() && delayed.peekFirst() <= time) {
                scan(delayed.pollFirst(), delay + length);
            }
        } else {
            while (!delayed.isEmpty() && delayed.peekFirst() <= time) {
                scan(delayed.pollFirst(), delay + length);
            }
        }
    }

    private void scan(long end, long span) {
        long left = end - span;
        boolean strict = delay > 0; // a delayed sliding window is "time related": the end is exclusive
        List<Row> content = new ArrayList<>();
        List<Row> keep = new ArrayList<>();
        boolean expiring = true;
        for (Row r : inputs) {
            if (expiring && r.timestamp < left) {
                continue;
            }
            expiring = false;
            keep.add(r);
            if (strict ? r.timestamp < end : r.timestamp <= end) {
                content.add(r);
            }
        }
        inputs.clear();
        inputs.addAll(keep);
        sink.fire(content, end - span, end);
    }

    @Override
    public void snapshot(StateCodec.Out out) throws IOException {
        out.writeRows(inputs);
        out.writeValue(new ArrayList<>(triggers));
        out.writeValue(new ArrayList<>(delayed));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(StateCodec.In in) throws IOException {
        inputs.clear();
        inputs.addAll(in.readRows());
        triggers.clear();
        ((List<Object>) in.readValue()).forEach(t -> triggers.add((Long) t));
        delayed.clear();
        ((List<Object>) in.readValue()).forEach(t -> delayed.add((Long) t));
    }

    @Override
    public long nextDeadline() {
        return eventTime || delayed.isEmpty() ? Long.MAX_VALUE : delayed.peekFirst();
    }
}
