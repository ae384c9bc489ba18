package io.oort.engine.core.internal.runtime;

import java.io.IOException;
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

    /** Every call's state, per partition. */
    void snapshot(StateCodec.Out out) throws IOException {
        out.writeInt(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            if (unpartitioned[i] != null) {
                out.writeInt(-1);
                out.writeValue(unpartitioned[i].value);
            } else {
                out.writeInt(partitioned[i].size());
                for (Map.Entry<String, StateCell> e : partitioned[i].entrySet()) {
                    out.writeString(e.getKey());
                    out.writeValue(e.getValue().value);
                }
            }
        }
    }

    void restore(StateCodec.In in) throws IOException {
        int n = in.readInt();
        if (n != calls.size()) {
            throw new IOException("checkpoint of " + n + " analytic calls, the rule has " + calls.size());
        }
        for (int i = 0; i < n; i++) {
            int parts = in.readInt();
            if (parts < 0) {
                unpartitioned[i].value = in.readValue();
                continue;
            }
            partitioned[i].clear();
            for (int k = 0; k < parts; k++) {
                StateCell cell = new StateCell();
                String key = in.readString();
                cell.value = in.readValue();
                partitioned[i].put(key, cell);
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
