package io.oort.engine.core.internal.runtime;

import java.util.ArrayList;
import java.util.List;

import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.ast.Join;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.value.EvalException;

/**
 * Joins the rows of a collection (a window's content, or one stream row) with the other sources, join by join in
 * statement order, as eKuiper's JoinOp: INNER keeps matching pairs, LEFT/RIGHT keep unmatched rows of their side,
 * FULL keeps both, CROSS pairs everything. Tables contribute their current snapshot.
 */
final class Joiner {

    interface TableRows {
        List<Tuple> rows(int source);
    }

    private final AnalyzedQuery q;
    private final int width;
    private final EvalContext c;
    private final TableRows tables;

    Joiner(AnalyzedQuery q, EvalContext c, TableRows tables) {
        this.q = q;
        this.width = q.sources().size();
        this.c = c;
        this.tables = tables;
    }

    /** Rows of the collection coming from one source (tables come from their snapshot). */
    private List<Tuple[]> side(List<Row> content, int source) {
        List<Tuple[]> out = new ArrayList<>();
        if (q.sources().get(source).isTable()) {
            for (Tuple t : tables.rows(source)) {
                Tuple[] r = new Tuple[width];
                r[source] = t;
                out.add(r);
            }
            return out;
        }
        for (Row r : content) {
            if (r.tuples.length > source && r.tuples[source] != null) {
                out.add(r.tuples);
            }
        }
        return out;
    }

    /** The joined rows; each carries the analytics of the FROM row it came from. */
    List<Row> join(List<Row> content) {
        List<Tuple[]> result = side(content, 0);
        List<Join> joins = q.statement().joins();
        for (int j = 0; j < joins.size(); j++) {
            int src = j + 1;
            if (q.sources().get(src).isLookupTable()) {
                continue; // joined by the lookup stage
            }
            result = joinOne(result, side(content, src), joins.get(j).type(), q.joinConditions().get(j));
        }
        List<Row> out = new ArrayList<>(result.size());
        for (Tuple[] t : result) {
            Row origin = findOrigin(content, t);
            out.add(new Row(t, origin == null ? null : origin.analytics, origin == null ? 0 : origin.timestamp));
        }
        return out;
    }

    private static Row findOrigin(List<Row> content, Tuple[] joined) {
        for (Row r : content) {
            for (int i = 0; i < r.tuples.length && i < joined.length; i++) {
                if (r.tuples[i] != null && r.tuples[i] == joined[i]) {
                    return r;
                }
            }
        }
        return null;
    }

    private List<Tuple[]> joinOne(List<Tuple[]> lefts, List<Tuple[]> rights, Join.Type type, Evaluator on) {
        List<Tuple[]> out = new ArrayList<>();
        if (type == Join.Type.RIGHT) {
            for (Tuple[] r : rights) {
                boolean matched = false;
                for (Tuple[] l : lefts) {
                    Tuple[] m = merge(l, r);
                    if (on(on, m, type)) {
                        out.add(m);
                        matched = true;
                    }
                }
                if (!matched) {
                    out.add(r.clone());
                }
            }
            return out;
        }
        boolean[] rightMatched = new boolean[rights.size()];
        for (Tuple[] l : lefts) {
            boolean matched = false;
            for (int i = 0; i < rights.size(); i++) {
                Tuple[] m = merge(l, rights.get(i));
                if (type == Join.Type.CROSS || on(on, m, type)) {
                    out.add(m);
                    matched = true;
                    rightMatched[i] = true;
                }
            }
            if (!matched && (type == Join.Type.LEFT || type == Join.Type.FULL)) {
                out.add(l.clone());
            }
        }
        if (type == Join.Type.FULL) {
            for (int i = 0; i < rights.size(); i++) {
                if (!rightMatched[i]) {
                    out.add(rights.get(i).clone());
                }
            }
        }
        return out;
    }

    private Tuple[] merge(Tuple[] l, Tuple[] r) {
        Tuple[] m = new Tuple[width];
        for (int i = 0; i < width; i++) {
            m[i] = l[i] != null ? l[i] : r[i];
        }
        return m;
    }

    private boolean on(Evaluator cond, Tuple[] row, Join.Type type) {
        if (cond == null) {
            return true;
        }
        c.row = row;
        try {
            Object v = cond.eval(c);
            if (v instanceof Boolean b) {
                return b;
            }
            if (v == null) {
                return false;
            }
            throw new EvalException("invalid join condition that returns non-bool value " + v);
        } catch (EvalException e) {
            throw new EvalException("run Join error: " + e.getMessage());
        }
    }
}
