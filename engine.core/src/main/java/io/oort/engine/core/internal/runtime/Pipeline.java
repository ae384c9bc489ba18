package io.oort.engine.core.internal.runtime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.SourceInfo;
import io.oort.engine.sql.ast.Window;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.function.builtin.GlobalStateFunctions;
import io.oort.engine.sql.value.EvalException;

/**
 * A running rule's operator chain, single-threaded and clock-agnostic: sources push tuples in, the owner advances
 * processing time when {@link #nextDeadline()} is due, results go to a {@link RuleOutput}.
 *
 * <p>Order of operations (eKuiper's plan): [watermark: order by event time, drop late] → analytic functions →
 * FILTER and, for processing-time tumbling/hopping/session/state windows, WHERE → window → join → WHERE → group,
 * aggregates, HAVING → ORDER BY → LIMIT → SELECT.
 */
public final class Pipeline {

    /** What the pipeline needs from the rule options. */
    public record Options(boolean eventTime, long lateToleranceMillis, boolean incrementalWindows,
            boolean sendMetaToSink, boolean sendNilField) {
        /** With incremental aggregation for the windows that allow it (the default). */
        public Options(boolean eventTime, long lateToleranceMillis) {
            this(eventTime, lateToleranceMillis, true, false, false);
        }

        public Options(boolean eventTime, long lateToleranceMillis, boolean incrementalWindows) {
            this(eventTime, lateToleranceMillis, incrementalWindows, false, false);
        }
    }

    private final AnalyzedQuery q;
    private final RuleOutput out;
    private final EvalContext c;
    private final AnalyticStage analytics;
    private final Projection projection;
    private final CollectionProcessor collections;
    private final Joiner joiner;
    private final LookupStage lookups;
    private final WindowOp window;
    /** The window when it aggregates rows as they arrive (tumbling, grouped aggregates); else null. */
    private final IncrementalTumbling incremental;
    private final Evaluator preFilter;
    private final boolean whereBeforeWindow;
    private final boolean eventTime;
    private final long lateTolerance;
    private final boolean fastPath;
    /** Whether the query reads last_hit_* / last_agg_hit_*: only then are hits recorded. */
    private final boolean tracksHits;
    private final boolean hasTables;
    private final Map<Integer, ArrayDeque<Tuple>> tableRows = new HashMap<>();
    private final int[] retain;
    private final boolean[] isTable;
    private final int width;
    private final Tuple[] input;

    // event time
    private final long[] streamWatermarks;
    private final ReorderBuffer pending = new ReorderBuffer();
    private long lastWatermark = Long.MIN_VALUE;

    // counters (read by metrics)
    private long recordsIn;
    private long lateDropped;
    private long resultsOut;
    private long errors;
    private String lastError;
    private long lastErrorTime;

    public Pipeline(AnalyzedQuery q, Options opts, RuleOutput out, EvalContext ctx, LongSupplier clock, ZoneId zone) {
        this(q, opts, out, ctx, clock, zone, null);
    }

    public Pipeline(AnalyzedQuery q, Options opts, RuleOutput out, EvalContext ctx, LongSupplier clock, ZoneId zone,
            LookupProvider lookupProvider) {
        this.q = q;
        this.out = out;
        this.c = ctx;
        this.eventTime = opts.eventTime();
        this.lateTolerance = opts.lateToleranceMillis();
        this.width = q.sources().size();
        this.input = new Tuple[width];
        this.c.row = input;
        this.analytics = new AnalyticStage(q.analytics());
        this.projection = new Projection(q.fields(), opts.sendNilField(), opts.sendMetaToSink());
        this.collections = new CollectionProcessor(q, projection, ctx);
        this.isTable = new boolean[width];
        this.retain = new int[width];
        boolean tables = false;
        int streams = 0;
        for (SourceInfo s : q.sources()) {
            isTable[s.index()] = s.isTable();
            if (s.isTable()) {
                tables = true;
                int r = s.stream().options().retainSize();
                retain[s.index()] = r > 0 ? r : 1;
                tableRows.put(s.index(), new ArrayDeque<>());
            } else {
                streams++;
            }
        }
        this.hasTables = tables;
        this.streamWatermarks = new long[width];
        java.util.Arrays.fill(streamWatermarks, Long.MIN_VALUE);
        boolean scanJoins = q.statement().joins().size() > q.lookups().size();
        this.joiner = scanJoins ? new Joiner(q, ctx, src -> new ArrayList<>(tableRows.get(src))) : null;
        this.lookups = new LookupStage(q, lookupProvider, ctx);
        Window w = q.hasWindow() ? q.window().window() : null;
        boolean pushWhere = w != null && !eventTime && q.whereAggregates().isEmpty() && !q.hasJoins()
                && (w.type() == Window.Type.TUMBLING || w.type() == Window.Type.HOPPING
                        || w.type() == Window.Type.SESSION || w.type() == Window.Type.STATE);
        this.whereBeforeWindow = pushWhere;
        Evaluator filter = w == null ? null : q.window().filter();
        this.preFilter = filter;
        this.tracksHits = readsHitState(q);
        this.incremental = w != null && opts.incrementalWindows() && IncrementalTumbling.applies(q, tracksHits)
                ? new IncrementalTumbling(q, c, collections, !pushWhere, eventTime, clock.getAsLong(), zone,
                        this::onGroups)
                : null;
        this.window = w == null ? null : incremental != null ? incremental : createWindow(w, clock, zone);
        this.fastPath = w == null && !q.hasJoins() && !q.aggregateQuery() && q.orderBy().isEmpty()
                && q.whereAggregates().isEmpty() && streams == 1 && width == 1;
    }

    private static boolean readsHitState(AnalyzedQuery q) {
        boolean[] found = {false};
        q.statement().expressions(e -> e.walk(n -> {
            if (n instanceof io.oort.engine.sql.ast.Call call) {
                String name = call.name().toLowerCase(java.util.Locale.ROOT);
                if (name.startsWith("last_hit_") || name.startsWith("last_agg_hit_")) {
                    found[0] = true;
                }
            }
            return !found[0];
        }));
        return found[0];
    }

    private WindowOp createWindow(Window w, LongSupplier clock, ZoneId zone) {
        WindowOp.Sink sink = this::onWindow;
        long now = clock.getAsLong();
        return switch (w.type()) {
            case TUMBLING, HOPPING -> new TimeWindowOp(w, eventTime, now, zone, sink);
            case SESSION -> new SessionWindowOp(w, eventTime, now, zone, sink);
            case SLIDING -> new SlidingWindowOp(w, eventTime, q.window().trigger(), c, sink);
            case COUNT -> new CountWindowOp(w, clock, sink);
            case STATE -> new StateWindowOp(q.window().begin(), q.window().emit(), q.window().single(),
                    q.window().partition(), c, sink);
        };
    }

    /**
     * Writes the rule's state for a checkpoint: event-time progress and the events waiting for the watermark, the
     * tables' rows, the analytic functions' and rule-level state, the window's rows and timing. Call between two
     * inputs, on the rule's thread.
     *
     * @throws io.oort.engine.core.internal.util.TypedValues.Unsupported when the state holds a value of a type a
     *         checkpoint cannot keep
     */
    public void snapshot(DataOutputStream stream) throws IOException {
        if (incremental != null) {
            throw new IllegalStateException("a checkpointed rule runs without incremental windows");
        }
        StateCodec.Out o = new StateCodec.Out(stream);
        o.writeLong(lastWatermark);
        o.writeInt(width);
        for (long w : streamWatermarks) {
            o.writeLong(w);
        }
        o.writeInt(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            o.writeInt(pending.source(i));
            o.writeTuple(pending.tuple(i));
        }
        o.writeInt(tableRows.size());
        for (Map.Entry<Integer, ArrayDeque<Tuple>> e : tableRows.entrySet()) {
            o.writeInt(e.getKey());
            o.writeInt(e.getValue().size());
            for (Tuple t : e.getValue()) {
                o.writeTuple(t);
            }
        }
        analytics.snapshot(o);
        o.writeValue(c.ruleState());
        o.writeBoolean(window != null);
        if (window != null) {
            window.snapshot(o);
        }
    }

    /** Takes the state {@link #snapshot} wrote for the same rule, before the first input. */
    @SuppressWarnings("unchecked")
    public void restore(DataInputStream stream) throws IOException {
        StateCodec.In in = new StateCodec.In(stream);
        lastWatermark = in.readLong();
        if (in.readInt() != width) {
            throw new IOException("checkpoint of another rule: the number of sources differs");
        }
        for (int i = 0; i < width; i++) {
            streamWatermarks[i] = in.readLong();
        }
        int waiting = in.readInt();
        for (int i = 0; i < waiting; i++) {
            int src = in.readInt();
            pending.add(in.readTuple(), src);
        }
        int tables = in.readInt();
        for (int i = 0; i < tables; i++) {
            ArrayDeque<Tuple> rows = tableRows.get(in.readInt());
            int n = in.readInt();
            for (int k = 0; k < n; k++) {
                Tuple t = in.readTuple();
                if (rows != null) {
                    rows.addLast(t);
                }
            }
        }
        analytics.restore(in);
        c.ruleState().clear();
        c.ruleState().putAll((Map<String, Object>) in.readValue());
        if (in.readBoolean() != (window != null)) {
            throw new IOException("checkpoint of another rule: windowed and not");
        }
        if (window != null) {
            window.restore(in);
        }
    }

    /** A tuple from source {@code source} (index in FROM/JOIN order). */
    public void onTuple(int source, Tuple t) {
        recordsIn++;
        if (isTable[source]) {
            ArrayDeque<Tuple> rows = tableRows.get(source);
            rows.addLast(t);
            while (rows.size() > retain[source]) {
                rows.removeFirst();
            }
            return;
        }
        if (!eventTime) {
            process(source, t);
            return;
        }
        if (t.timestamp > streamWatermarks[source]) {
            streamWatermarks[source] = t.timestamp;
        }
        if (t.timestamp < lastWatermark) {
            lateDropped++;
            return;
        }
        pending.add(t, source);
        long wm = Long.MAX_VALUE;
        for (int i = 0; i < width; i++) {
            if (!isTable[i]) {
                wm = Math.min(wm, streamWatermarks[i]);
            }
        }
        if (wm == Long.MIN_VALUE) {
            return;
        }
        wm -= lateTolerance;
        if (wm > lastWatermark) {
            int n = 0;
            while (n < pending.size() && pending.timestamp(n) <= wm) {
                n++;
            }
            for (int i = 0; i < n; i++) {
                process(pending.source(i), pending.tuple(i));
            }
            pending.dropFirst(n);
            lastWatermark = wm;
            if (window != null) {
                window.advance(wm);
            }
        }
    }

    /** Processing time moved: fires due windows. */
    public void advanceTime(long now) {
        if (!eventTime && window != null) {
            window.advance(now);
        }
    }

    /** When {@link #advanceTime} must next be called, or {@link Long#MAX_VALUE}. */
    public long nextDeadline() {
        return window == null || eventTime ? Long.MAX_VALUE : window.nextDeadline();
    }

    private void process(int source, Tuple t) {
        if (fastPath) {
            fast(t);
            return;
        }
        Tuple[] row = input;
        if (width > 1) {
            java.util.Arrays.fill(row, null);
        }
        c.row = row;
        row[source] = t;
        c.eventTime = t.timestamp;
        c.analytics = null;
        c.aggregates = null;
        c.windowStart = Long.MIN_VALUE;
        c.windowEnd = Long.MIN_VALUE;
        c.rowNumber = 1;
        try {
            Object[] an = analytics.isEmpty() ? null : analytics.apply(c);
            if (incremental != null) {
                if (preFilter != null && !preFilter.test(c)) {
                    return;
                }
                if (whereBeforeWindow && q.where() != null && !where()) {
                    return;
                }
                incremental.addCurrent(row, an, t.timestamp);
                return;
            }
            Row r = new Row(row.clone(), an, t.timestamp);
            if (window == null) {
                List<Row> content = List.of(r);
                if (joiner != null) {
                    content = joiner.join(content);
                    if (content.isEmpty()) {
                        return;
                    }
                }
                if (!lookups.isEmpty()) {
                    content = lookups.apply(content);
                    if (content.isEmpty()) {
                        return;
                    }
                }
                List<Map<String, Object>> rows = collections.process(content, Long.MIN_VALUE, Long.MIN_VALUE, true);
                if (rows != null) {
                    emit(rows);
                }
                return;
            }
            if (preFilter != null && !preFilter.test(c)) {
                return;
            }
            if (whereBeforeWindow && q.where() != null && !where()) {
                return;
            }
            window.add(r);
        } catch (EvalException e) {
            fail(e.getMessage());
        }
    }

    /**
     * One stream, no window, join, aggregate or ordering: filter and project the event. Nothing but the row, its
     * event time and its analytic values changes in the context between events here.
     */
    private void fast(Tuple t) {
        EvalContext ctx = c;
        Tuple[] in = input;
        in[0] = t;
        if (ctx.row != in) { // a reference store costs a GC write barrier; the row array rarely changes here
            ctx.row = in;
        }
        ctx.eventTime = t.timestamp;
        try {
            if (!analytics.isEmpty()) {
                analytics.apply(ctx);
            }
            Evaluator where = q.where();
            if (where != null && !where()) {
                return;
            }
            List<Map<String, Object>> rows;
            try {
                rows = projection.projectOne(ctx);
            } catch (EvalException e) {
                throw new EvalException("run Select error: " + e.getMessage());
            }
            if (where != null && tracksHits) {
                GlobalStateFunctions.hit(ctx.ruleState(), false, t.timestamp);
            }
            emit(rows);
        } catch (EvalException e) {
            fail(e.getMessage());
        }
    }

    private boolean where() {
        try {
            return q.where().test(c);
        } catch (EvalException e) {
            throw new EvalException("run Where error: " + e.getMessage());
        }
    }

    private void onWindow(List<Row> content, long start, long end) {
        try {
            List<Row> rows = content;
            if (joiner != null) {
                rows = joiner.join(content);
                if (rows.isEmpty()) {
                    return;
                }
            }
            if (!lookups.isEmpty()) {
                rows = lookups.apply(rows);
                if (rows.isEmpty()) {
                    return;
                }
            }
            List<Map<String, Object>> result = collections.process(rows, start, end, !whereBeforeWindow);
            if (result != null) {
                emit(result);
            }
        } catch (EvalException e) {
            fail(e.getMessage());
        }
    }

    private void onGroups(List<CollectionProcessor.Group> groups, boolean whereRemovedAll, String error, long start,
            long end) {
        if (error != null) {
            fail(error);
            return;
        }
        try {
            List<Map<String, Object>> result = collections.processGroups(groups, start, end, whereRemovedAll);
            if (result != null) {
                emit(result);
            }
        } catch (EvalException e) {
            fail(e.getMessage());
        }
    }

    private void emit(List<Map<String, Object>> rows) {
        resultsOut++;
        out.emit(rows);
    }

    private void fail(String message) {
        errors++;
        lastError = message;
        lastErrorTime = System.currentTimeMillis();
        out.error(message);
    }

    public long recordsIn() {
        return recordsIn;
    }

    public long lateDropped() {
        return lateDropped;
    }

    public long resultsOut() {
        return resultsOut;
    }

    public long errors() {
        return errors;
    }

    public String lastError() {
        return lastError;
    }

    public long lastErrorTime() {
        return lastErrorTime;
    }

    public boolean hasTables() {
        return hasTables;
    }
}
