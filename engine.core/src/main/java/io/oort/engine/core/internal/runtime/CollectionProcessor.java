package io.oort.engine.core.internal.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.AnalyzedQuery.AggregateCall;
import io.oort.engine.sql.analyzer.AnalyzedQuery.Sort;
import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.function.Accumulator;
import io.oort.engine.sql.function.builtin.GlobalStateFunctions;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.Ops;

/**
 * Turns a collection of rows (a window's content, or one event's joined rows) into result rows, in eKuiper's
 * operator order: aggregates referenced by WHERE over the whole collection → WHERE → GROUP BY → aggregates →
 * HAVING → ORDER BY → LIMIT → SELECT.
 */
final class CollectionProcessor {

    private static final Tuple[] NO_TUPLES = new Tuple[1];

    private final AnalyzedQuery q;
    private final Projection projection;
    private final EvalContext c;
    private final int aggSlots;
    private final boolean countsHits;
    /** Set when HAVING rejected every group: eKuiper then emits nothing at all. */
    private boolean havingRejectedAll;

    CollectionProcessor(AnalyzedQuery q, Projection projection, EvalContext c) {
        this.q = q;
        this.projection = projection;
        this.c = c;
        this.aggSlots = q.aggregates().size() + q.whereAggregates().size();
        this.countsHits = true;
    }

    /**
     * @param applyWhere whether WHERE still has to run (it may have run before the window)
     * @return the result rows, or null when nothing must be emitted (WHERE removed every row)
     */
    List<Map<String, Object>> process(List<Row> content, long windowStart, long windowEnd, boolean applyWhere) {
        c.windowStart = windowStart;
        c.windowEnd = windowEnd;
        List<Row> rows = content;
        if (applyWhere && q.where() != null) {
            Object[] whereAggs = null;
            if (!q.whereAggregates().isEmpty()) {
                whereAggs = new Object[aggSlots];
                accumulate(q.whereAggregates(), content, whereAggs);
            }
            rows = new ArrayList<>(content.size());
            for (Row r : content) {
                position(r);
                c.aggregates = whereAggs;
                try {
                    if (q.where().test(c)) {
                        rows.add(r);
                        if (countsHits) {
                            GlobalStateFunctions.hit(c.ruleState(), false, r.timestamp);
                        }
                    }
                } catch (EvalException e) {
                    throw new EvalException("run Where error: " + e.getMessage());
                }
            }
            if (rows.isEmpty()) {
                return null;
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        havingRejectedAll = false;
        try {
            if (q.aggregateQuery()) {
                groups(rows, windowEnd, out);
            } else {
                plain(rows, out);
            }
        } catch (EvalException e) {
            if (e.getMessage().startsWith("run Having error") || e.getMessage().startsWith("run Order By error")) {
                throw e;
            }
            throw new EvalException("run Select error: " + e.getMessage());
        }
        return havingRejectedAll ? null : out;
    }

    private void plain(List<Row> rows, List<Map<String, Object>> out) {
        List<Row> ordered = rows;
        if (!q.orderBy().isEmpty()) {
            List<Keyed<Row>> keyed = new ArrayList<>(rows.size());
            for (Row r : rows) {
                position(r);
                keyed.add(new Keyed<>(r, keys(), null));
            }
            sort(keyed);
            ordered = new ArrayList<>(keyed.size());
            for (Keyed<Row> k : keyed) {
                ordered.add(k.item);
            }
        }
        long limit = q.limit() == null ? Long.MAX_VALUE : q.limit();
        long n = 0;
        for (Row r : ordered) {
            if (n >= limit) {
                break;
            }
            position(r);
            c.aggregates = null;
            c.rowNumber = ++n;
            projection.project(c, out);
        }
    }

    private void groups(List<Row> rows, long windowEnd, List<Map<String, Object>> out) {
        if (!q.rowPerGroup()) {
            wholeCollection(rows, windowEnd, out);
            return;
        }
        List<List<Row>> groups;
        if (q.groupBy().isEmpty()) {
            groups = List.of(rows);
        } else {
            Map<Object, List<Row>> byKey = new LinkedHashMap<>();
            for (Row r : rows) {
                position(r);
                byKey.computeIfAbsent(groupKey(), k -> new ArrayList<>()).add(r);
            }
            groups = new ArrayList<>(byKey.values());
        }
        List<Group> accumulated = new ArrayList<>(groups.size());
        for (List<Row> g : groups) {
            Object[] aggs = new Object[aggSlots];
            accumulate(q.aggregates(), g, aggs);
            accumulated.add(new Group(g.isEmpty() ? null : g.get(0), aggs));
        }
        emitGroups(accumulated, windowEnd, out);
    }

    /**
     * The group key of the row the context is on: the values as Go prints them ({@code %v}), so values that print
     * alike group together as in eKuiper (1, 1.0 and "1"). A single string value is its own key.
     */
    Object groupKey() {
        List<Evaluator> by = q.groupBy();
        if (by.size() == 1) {
            Object v = by.get(0).eval(c);
            return v instanceof String s ? s : GoFormat.v(v);
        }
        StringBuilder sb = new StringBuilder();
        for (Evaluator g : by) {
            Object v = g.eval(c);
            sb.append(v instanceof String s ? s : GoFormat.v(v)).append(',');
        }
        return sb.toString();
    }

    /** One group of a collection: its first row (null for an empty collection) and its aggregate values by slot. */
    record Group(Row first, Object[] aggs) {
    }

    /**
     * Result rows from groups aggregated as rows arrived (tumbling windows): HAVING, ORDER BY, LIMIT, SELECT.
     *
     * @param whereRemovedAll WHERE ran in the window and passed no row: nothing is emitted, as for a collection
     * @return the rows, or null when nothing must be emitted
     */
    List<Map<String, Object>> processGroups(List<Group> groups, long windowStart, long windowEnd,
            boolean whereRemovedAll) {
        if (whereRemovedAll) {
            return null;
        }
        c.windowStart = windowStart;
        c.windowEnd = windowEnd;
        List<Map<String, Object>> out = new ArrayList<>();
        havingRejectedAll = false;
        try {
            emitGroups(groups, windowEnd, out);
        } catch (EvalException e) {
            if (e.getMessage().startsWith("run Having error") || e.getMessage().startsWith("run Order By error")) {
                throw e;
            }
            throw new EvalException("run Select error: " + e.getMessage());
        }
        return havingRejectedAll ? null : out;
    }

    private void emitGroups(List<Group> groups, long windowEnd, List<Map<String, Object>> out) {
        List<Keyed<Group>> kept = new ArrayList<>(groups.size());
        for (Group g : groups) {
            Object[] aggs = g.aggs();
            positionGroup(g.first(), aggs, windowEnd);
            if (q.having() != null) {
                boolean pass;
                try {
                    pass = q.having().test(c);
                } catch (EvalException e) {
                    throw new EvalException("run Having error: " + e.getMessage());
                }
                if (!pass) {
                    continue;
                }
                GlobalStateFunctions.hit(c.ruleState(), true, windowEnd);
            }
            kept.add(new Keyed<>(g, q.orderBy().isEmpty() ? null : keys(), aggs));
        }
        if (q.having() != null && kept.isEmpty() && !groups.isEmpty()) {
            havingRejectedAll = true;
            return;
        }
        if (!q.orderBy().isEmpty()) {
            sort(kept);
        }
        long limit = q.limit() == null ? Long.MAX_VALUE : q.limit();
        long n = 0;
        for (Keyed<Group> k : kept) {
            if (n >= limit) {
                break;
            }
            positionGroup(k.item.first(), k.aggs, windowEnd);
            c.rowNumber = ++n;
            projection.project(c, out);
        }
    }

    /** HAVING decides for the whole collection; the rows themselves are the output. */
    private void wholeCollection(List<Row> rows, long windowEnd, List<Map<String, Object>> out) {
        Object[] aggs = new Object[aggSlots];
        accumulate(q.aggregates(), rows, aggs);
        if (q.having() != null) {
            positionGroup(rows.isEmpty() ? null : rows.get(0), aggs, windowEnd);
            boolean pass;
            try {
                pass = q.having().test(c);
            } catch (EvalException e) {
                throw new EvalException("run Having error: " + e.getMessage());
            }
            if (!pass) {
                havingRejectedAll = true;
                return;
            }
            GlobalStateFunctions.hit(c.ruleState(), true, windowEnd);
        }
        plain(rows, out);
    }

    private void accumulate(List<AggregateCall> calls, List<Row> rows, Object[] into) {
        if (calls.isEmpty()) {
            return;
        }
        Accumulator[] accs = new Accumulator[calls.size()];
        for (int i = 0; i < accs.length; i++) {
            accs[i] = calls.get(i).function().aggregate().create();
        }
        for (Row r : rows) {
            position(r);
            for (int i = 0; i < accs.length; i++) {
                Evaluator[] ae = calls.get(i).args();
                Object[] args = new Object[ae.length];
                for (int a = 0; a < args.length; a++) {
                    args[a] = ae[a].eval(c);
                }
                accs[i].add(args);
            }
        }
        for (int i = 0; i < accs.length; i++) {
            into[calls.get(i).slot()] = accs[i].result(c);
        }
    }

    private void position(Row r) {
        c.row = r.tuples;
        c.analytics = r.analytics;
        c.eventTime = r.timestamp;
    }

    private void positionGroup(Row first, Object[] aggs, long windowEnd) {
        if (first == null) {
            c.row = NO_TUPLES;
            c.analytics = null;
        } else {
            position(first);
        }
        if (windowEnd != Long.MIN_VALUE) {
            c.eventTime = windowEnd;
        }
        c.aggregates = aggs;
    }

    private Object[] keys() {
        Object[] k = new Object[q.orderBy().size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = q.orderBy().get(i).key().eval(c);
        }
        return k;
    }

    private record Keyed<T>(T item, Object[] keys, Object[] aggs) {
    }

    /** eKuiper's order: nulls last; values compared with the '<' operator; incomparable types are an error. */
    private <T> void sort(List<Keyed<T>> items) {
        List<Sort> sorts = q.orderBy();
        Comparator<Keyed<T>> cmp = (a, b) -> {
            for (int i = 0; i < sorts.size(); i++) {
                Object x = a.keys[i];
                Object y = b.keys[i];
                if (x == null && y == null) {
                    continue;
                }
                if (x == null) {
                    return 1;
                }
                if (y == null) {
                    return -1;
                }
                int r;
                if ((Boolean) Ops.simple(BinaryOp.LT, x, y)) {
                    r = -1;
                } else if ((Boolean) Ops.simple(BinaryOp.LT, y, x)) {
                    r = 1;
                } else {
                    r = 0;
                }
                if (r != 0) {
                    return sorts.get(i).ascending() ? r : -r;
                }
            }
            return 0;
        };
        try {
            items.sort(cmp);
        } catch (EvalException e) {
            throw new EvalException("run Order By error: " + e.getMessage());
        }
    }
}
