package io.oort.engine.core.internal.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * STATEWINDOW (eKuiper's v2 state window), one state machine per OVER (PARTITION BY ...) key.
 * Two conditions: collecting starts at a row meeting {@code begin} and the window is emitted (including that row)
 * at a row meeting {@code emit}. One condition: the first matching row opens the window, the next matching row
 * emits the collected rows (without itself) and opens the next window.
 */
final class StateWindowOp implements WindowOp {

    private static final class State {
        boolean open;
        long start;
        List<Row> rows = new ArrayList<>();
    }

    private final Evaluator begin;
    private final Evaluator emit;
    private final Evaluator single;
    private final List<Evaluator> partition;
    private final EvalContext ctx;
    private final Sink sink;
    private final Map<String, State> states = new HashMap<>();

    StateWindowOp(Evaluator begin, Evaluator emit, Evaluator single, List<Evaluator> partition, EvalContext ctx,
            Sink sink) {
        this.begin = begin;
        this.emit = emit;
        this.single = single;
        this.partition = partition;
        this.ctx = ctx;
        this.sink = sink;
    }

    private boolean test(Evaluator e, Row r) {
        ctx.row = r.tuples;
        ctx.analytics = r.analytics;
        try {
            return e.eval(ctx) instanceof Boolean b && b;
        } catch (EvalException ex) {
            return false;
        }
    }

    private String key(Row r) {
        if (partition.isEmpty()) {
            return "";
        }
        ctx.row = r.tuples;
        ctx.analytics = r.analytics;
        StringBuilder sb = new StringBuilder();
        for (Evaluator p : partition) {
            try {
                sb.append(GoFormat.v(p.eval(ctx))).append(',');
            } catch (EvalException e) {
                // eKuiper skips partition values that fail
            }
        }
        return sb.toString();
    }

    @Override
    public void add(Row r) {
        State s = states.computeIfAbsent(key(r), k -> new State());
        if (single == null) {
            if (!s.open) {
                if (test(begin, r)) {
                    s.open = true;
                    s.start = r.timestamp;
                    s.rows.add(r);
                }
            } else {
                s.rows.add(r);
                if (test(emit, r)) {
                    List<Row> content = s.rows;
                    s.rows = new ArrayList<>();
                    s.open = false;
                    sink.fire(content, s.start, r.timestamp);
                }
            }
            return;
        }
        if (!s.open) {
            if (test(single, r)) {
                s.open = true;
                s.start = r.timestamp;
                s.rows.add(r);
            }
        } else if (test(single, r)) {
            List<Row> content = s.rows;
            long start = s.start;
            s.rows = new ArrayList<>();
            s.rows.add(r);
            s.start = r.timestamp;
            sink.fire(content, start, r.timestamp);
        } else {
            s.rows.add(r);
        }
    }

    @Override
    public void snapshot(StateCodec.Out out) throws IOException {
        out.writeInt(states.size());
        for (Map.Entry<String, State> e : states.entrySet()) {
            out.writeString(e.getKey());
            out.writeBoolean(e.getValue().open);
            out.writeLong(e.getValue().start);
            out.writeRows(e.getValue().rows);
        }
    }

    @Override
    public void restore(StateCodec.In in) throws IOException {
        states.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            State s = new State();
            String key = in.readString();
            s.open = in.readBoolean();
            s.start = in.readLong();
            s.rows = new ArrayList<>(in.readRows());
            states.put(key, s);
        }
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
