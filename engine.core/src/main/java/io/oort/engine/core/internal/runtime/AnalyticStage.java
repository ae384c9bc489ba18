package io.oort.engine.core.internal.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.analyzer.AnalyzedQuery.AnalyticCall;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.function.StateCell;
import io.oort.engine.sql.value.GoFormat;

/**
 * Evaluates a rule's analytic calls (lag, latest, acc_*, had_changed...) once per incoming row, before WHERE and
 * windows, keeping one state per call and partition key. Results are stored with the row.
 */
final class AnalyticStage {

    private final List<AnalyticCall> calls;
    private final StateCell[] unpartitioned;
    @SuppressWarnings("unchecked")
    private final Map<String, StateCell>[] partitioned;

    @SuppressWarnings("unchecked")
    AnalyticStage(List<AnalyticCall> calls) {
        this.calls = calls;
        this.unpartitioned = new StateCell[calls.size()];
        this.partitioned = new Map[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).partition().isEmpty()) {
                unpartitioned[i] = new StateCell();
            } else {
                partitioned[i] = new HashMap<>();
            }
        }
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    /** Computes every analytic value for the current row of {@code c}; returns them (also set on the context). */
    Object[] apply(EvalContext c) {
        Object[] out = new Object[calls.size()];
        c.analytics = out;
        for (int i = 0; i < calls.size(); i++) {
            AnalyticCall call = calls.get(i);
            Evaluator[] argEvals = call.args();
            Object[] args = new Object[argEvals.length];
            for (int a = 0; a < args.length; a++) {
                args[a] = argEvals[a].eval(c);
            }
            boolean valid = true;
            if (call.when() != null) {
                Object w = call.when().eval(c);
                valid = !(w instanceof Boolean b) || b;
            }
            StateCell cell = unpartitioned[i];
            if (cell == null) {
                StringBuilder key = new StringBuilder();
                for (Evaluator p : call.partition()) {
                    key.append(GoFormat.v(p.eval(c)));
                }
                cell = partitioned[i].computeIfAbsent(key.toString(), k -> new StateCell());
            }
            out[i] = call.function().analytic().apply(c, args, valid, cell);
        }
        return out;
    }
}
