package io.oort.engine.core.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.AnalyzedQuery.LookupJoin;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.value.EvalException;

/**
 * Lookup-table joins (eKuiper's LookupNode): each row queries the table with the values of its equi-join
 * predicates; every result row joins it, a LEFT join keeps an unmatched row, a null key value matches nothing.
 */
final class LookupStage {

    private final List<LookupJoin> joins;
    private final LookupProvider provider;
    private final EvalContext c;
    private final int width;

    LookupStage(AnalyzedQuery q, LookupProvider provider, EvalContext c) {
        this.joins = q.lookups();
        this.provider = provider;
        this.c = c;
        this.width = q.sources().size();
    }

    boolean isEmpty() {
        return joins.isEmpty();
    }

    List<Row> apply(List<Row> rows) {
        List<Row> current = rows;
        for (LookupJoin j : joins) {
            if (provider == null) {
                throw new EvalException("lookup table " + j.table() + " is not available");
            }
            List<Row> next = new ArrayList<>();
            for (Row r : current) {
                c.row = r.tuples;
                c.analytics = r.analytics;
                List<Object> values = new ArrayList<>(j.values().size());
                boolean hasNull = false;
                for (Evaluator v : j.values()) {
                    Object x = v.eval(c);
                    hasNull |= x == null;
                    values.add(x);
                }
                List<Map<String, Object>> found = hasNull ? List.of() : provider.lookup(j.source(), j.keys(), values);
                boolean matched = false;
                for (Map<String, Object> m : found) {
                    Tuple[] t = r.tuples.length == width ? r.tuples.clone() : java.util.Arrays.copyOf(r.tuples, width);
                    t[j.source()] = Tuple.ofMap(j.table(), m, Map.of(), r.timestamp);
                    Row joined = new Row(t, r.analytics, r.timestamp);
                    if (j.rest() != null) {
                        c.row = t;
                        if (!j.rest().test(c)) {
                            continue;
                        }
                    }
                    next.add(joined);
                    matched = true;
                }
                if (!matched && j.left()) {
                    next.add(r.tuples.length == width ? r
                            : new Row(java.util.Arrays.copyOf(r.tuples, width), r.analytics, r.timestamp));
                }
            }
            current = next;
        }
        return current;
    }
}
