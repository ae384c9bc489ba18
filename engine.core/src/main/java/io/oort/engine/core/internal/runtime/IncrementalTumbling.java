package io.oort.engine.core.internal.runtime;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.AnalyzedQuery.AggregateCall;
import io.oort.engine.sql.ast.Call;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Window;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.function.Accumulator;
import io.oort.engine.sql.value.EvalException;

/**
 * A tumbling window that aggregates rows as they arrive instead of keeping them: per window, per group, the first
 * row and one accumulator per aggregate call. Used for grouped aggregate queries whose per-row work does not
 * depend on the window ({@link #applies}); its results are those of {@link TimeWindowOp} followed by
 * {@link CollectionProcessor}, with the same window bounds, WHERE-in-window semantics, error messages and empty
 * windows, at a fraction of the memory and time. Single-threaded.
 */
final class IncrementalTumbling implements WindowOp {

    /** Receives a window's groups when it fires. */
    interface GroupSink {
        void fire(List<CollectionProcessor.Group> groups, boolean whereRemovedAll, String error, long start,
                long end);
    }

    /** One window's state. */
    private static final class Pane {
        long end;
        final Map<Object, Slot> groups = new HashMap<>();
        final List<Slot> order = new ArrayList<>();
        int passed;
        String whereError;
        /** A GROUP BY expression failed (the buffered path groups every row before aggregating: it wins). */
        String keyError;

        Pane(long end) {
            this.end = end;
        }
    }

    private static final class Slot {
        final Row first;
        final Accumulator[] accs;
        /** An aggregate argument failed for a row of this group: the group's first such error. */
        String error;

        Slot(Row first, Accumulator[] accs) {
            this.first = first;
            this.accs = accs;
        }
    }

    private final AnalyzedQuery q;
    private final EvalContext c;
    private final CollectionProcessor keys;
    private final Evaluator where;
    private final boolean grouped;
    private final AggregateCall[] calls;
    private final int aggSlots;
    private final boolean eventTime;
    private final long length;
    private final Window w;
    private final ZoneId zone;
    private final GroupSink sink;
    /** Open panes in end order; the first is the window that fires next (or, before its end is known, the only). */
    private final List<Pane> panes = new ArrayList<>(2);
    private long triggerTime;
    private long nextEnd = Long.MAX_VALUE;
    private boolean started;

    /**
     * @param whereInWindow whether WHERE runs here (it may already have run before the window)
     */
    IncrementalTumbling(AnalyzedQuery q, EvalContext c, CollectionProcessor keys, boolean whereInWindow,
            boolean eventTime, long startTime, ZoneId zone, GroupSink sink) {
        this.q = q;
        this.c = c;
        this.keys = keys;
        this.where = whereInWindow ? q.where() : null;
        this.grouped = !q.groupBy().isEmpty();
        this.calls = q.aggregates().toArray(new AggregateCall[0]);
        this.aggSlots = q.aggregates().size() + q.whereAggregates().size();
        this.w = q.window().window();
        this.eventTime = eventTime;
        this.length = w.lengthMillis();
        this.zone = zone;
        this.sink = sink;
        if (!eventTime) {
            triggerTime = startTime;
            nextEnd = WindowAlign.alignedEnd(startTime, w.length(), w.unit(), zone);
            started = true;
        }
    }

    /**
     * Whether a query can be aggregated incrementally: a tumbling window, one row per group, no joins or lookups,
     * no aggregates in WHERE, no hit-state functions, and no per-row expression (WHERE, GROUP BY, aggregate
     * arguments) that reads the window (window_start/window_end/row_number) or a select alias.
     */
    static boolean applies(AnalyzedQuery q, boolean tracksHits) {
        if (!q.hasWindow() || q.window().window().type() != Window.Type.TUMBLING || !q.aggregateQuery()
                || !q.rowPerGroup() || q.hasJoins() || !q.lookups().isEmpty() || !q.whereAggregates().isEmpty()
                || tracksHits) {
            return false;
        }
        List<Expr> perRow = new ArrayList<>();
        if (q.statement().where() != null) {
            perRow.add(q.statement().where());
        }
        perRow.addAll(q.statement().groupBy());
        for (AggregateCall a : q.aggregates()) {
            if (a.call() == null) {
                return false;
            }
            perRow.addAll(a.call().args());
        }
        boolean[] windowDependent = {false};
        for (Expr e : perRow) {
            e.walk(n -> {
                if (n instanceof Call call) {
                    String name = call.name().toLowerCase(java.util.Locale.ROOT);
                    if (name.equals("window_start") || name.equals("window_end") || name.equals("row_number")) {
                        windowDependent[0] = true;
                    }
                } else if (n instanceof FieldRef f && f.aliasOf() != null) {
                    windowDependent[0] = true;
                }
                return !windowDependent[0];
            });
        }
        return !windowDependent[0];
    }

    @Override
    public void add(Row r) {
        throw new UnsupportedOperationException("rows are aggregated with addCurrent");
    }

    /**
     * Aggregates the row the context is positioned on ({@code c.row} holding {@code row}, analytics applied).
     */
    void addCurrent(Tuple[] row, Object[] analytics, long ts) {
        if (eventTime && !started) {
            triggerTime = ts;
            started = true;
        }
        if (eventTime && nextEnd == Long.MAX_VALUE && ts > 0) {
            nextEnd = WindowAlign.alignedEnd(ts, w.length(), w.unit(), zone);
            for (Pane early : panes) {
                early.end = nextEnd; // rows before the first end was known (timestamps <= 0) open the first window
            }
        }
        Pane p = paneFor(ts);
        if (p.whereError != null) {
            return;
        }
        c.analytics = analytics;
        if (where != null) {
            boolean pass;
            try {
                pass = where.test(c);
            } catch (EvalException e) {
                p.whereError = "run Where error: " + e.getMessage();
                return;
            }
            if (!pass) {
                return;
            }
        }
        p.passed++;
        if (p.keyError != null) {
            return;
        }
        Slot s = null;
        try {
            if (grouped) {
                Object key;
                try {
                    key = keys.groupKey();
                } catch (EvalException e) {
                    p.keyError = "run Select error: " + e.getMessage();
                    return;
                }
                s = p.groups.get(key);
                if (s == null) {
                    s = newSlot(row, analytics, ts);
                    p.groups.put(key, s);
                    p.order.add(s);
                }
            } else if (p.order.isEmpty()) {
                s = newSlot(row, analytics, ts);
                p.order.add(s);
            } else {
                s = p.order.get(0);
            }
            if (s.error != null) {
                return;
            }
            for (int i = 0; i < calls.length; i++) {
                Evaluator[] ae = calls[i].args();
                Object[] args = new Object[ae.length];
                for (int a = 0; a < args.length; a++) {
                    args[a] = ae[a].eval(c);
                }
                s.accs[i].add(args);
            }
        } catch (EvalException e) {
            if (s != null && s.error == null) {
                s.error = "run Select error: " + e.getMessage();
            }
        }
    }

    private Slot newSlot(Tuple[] row, Object[] analytics, long ts) {
        Accumulator[] accs = new Accumulator[calls.length];
        for (int i = 0; i < accs.length; i++) {
            accs[i] = calls[i].function().aggregate().create();
        }
        return new Slot(new Row(row.clone(), analytics, ts), accs);
    }

    private Pane paneFor(long ts) {
        long end;
        if (nextEnd == Long.MAX_VALUE || ts < nextEnd) {
            end = nextEnd;
        } else {
            end = nextEnd + ((ts - nextEnd) / length + 1) * length;
        }
        int i = panes.size();
        while (i > 0 && panes.get(i - 1).end > end) {
            i--;
        }
        if (i > 0 && panes.get(i - 1).end == end) {
            return panes.get(i - 1);
        }
        Pane p = new Pane(end);
        panes.add(i, p);
        return p;
    }

    /** Not used by checkpointed rules: they keep the rows (the accumulators are not checkpointable). */
    @Override
    public void snapshot(StateCodec.Out out) {
        throw new UnsupportedOperationException("incremental windows are not checkpointed");
    }

    @Override
    public void restore(StateCodec.In in) {
        throw new UnsupportedOperationException("incremental windows are not checkpointed");
    }

    @Override
    public void advance(long time) {
        if (nextEnd == Long.MAX_VALUE) {
            return;
        }
        while (nextEnd <= time) {
            fire(nextEnd);
            nextEnd += length;
        }
    }

    private void fire(long end) {
        Pane p = null;
        if (!panes.isEmpty() && panes.get(0).end == end) {
            p = panes.remove(0);
        }
        long start = triggerTime;
        if (start <= 0) {
            start = end - length;
        }
        triggerTime = end;
        if (p != null && p.whereError != null) {
            sink.fire(List.of(), false, p.whereError, start, end);
            return;
        }
        if (p != null && p.keyError != null) {
            sink.fire(List.of(), false, p.keyError, start, end);
            return;
        }
        boolean whereRemovedAll = where != null && (p == null || p.passed == 0);
        if (whereRemovedAll) {
            sink.fire(List.of(), true, null, start, end);
            return;
        }
        List<CollectionProcessor.Group> groups = new ArrayList<>(p == null ? 1 : p.order.size());
        try {
            c.windowStart = start;
            c.windowEnd = end;
            if (p != null) {
                for (Slot s : p.order) {
                    if (s.error != null) {
                        sink.fire(List.of(), false, s.error, start, end);
                        return;
                    }
                    groups.add(new CollectionProcessor.Group(s.first, results(s)));
                }
            }
            if (!grouped && groups.isEmpty()) {
                Accumulator[] none = new Accumulator[calls.length];
                for (int i = 0; i < none.length; i++) {
                    none[i] = calls[i].function().aggregate().create();
                }
                groups.add(new CollectionProcessor.Group(null, results(new Slot(null, none))));
            }
        } catch (EvalException e) {
            sink.fire(List.of(), false, "run Select error: " + e.getMessage(), start, end);
            return;
        }
        sink.fire(groups, false, null, start, end);
    }

    private Object[] results(Slot s) {
        Object[] aggs = new Object[aggSlots];
        for (int i = 0; i < calls.length; i++) {
            aggs[calls[i].slot()] = s.accs[i].result(c);
        }
        return aggs;
    }

    @Override
    public long nextDeadline() {
        return eventTime ? Long.MAX_VALUE : nextEnd;
    }
}
