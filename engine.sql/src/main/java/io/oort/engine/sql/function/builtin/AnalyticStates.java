package io.oort.engine.sql.function.builtin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in analytic functions' states (lag's history, the acc_* accumulators) as plain values and back, for a
 * rule's checkpoint. Other states (latest, had_changed, changed_col(s)) already are plain values.
 */
public final class AnalyticStates {

    /** A built-in state as a kind and a list of plain values. */
    public record Plain(String kind, List<Object> values) {
    }

    private static final String LAG = "lag";
    private static final String ACC = "acc";

    private AnalyticStates() {
    }

    /** The plain form of {@code state}, or null when it is not one of the built-in state objects. */
    public static Plain toPlain(Object state) {
        if (state instanceof AnalyticFunctions.LagRing r) {
            List<Object> v = new ArrayList<>();
            v.add((long) r.capacity());
            v.addAll(r.contents());
            return new Plain(LAG, v);
        }
        if (state instanceof AnalyticAcc.Status s) {
            return new Plain(ACC, Arrays.asList(s.hasValue, s.count, s.value, s.avg, s.hasBegin));
        }
        return null;
    }

    /** The state object of a plain form written by {@link #toPlain}. */
    public static Object fromPlain(Plain p) {
        List<Object> v = p.values();
        switch (p.kind()) {
            case LAG -> {
                AnalyticFunctions.LagRing r = new AnalyticFunctions.LagRing(((Number) v.get(0)).intValue());
                for (Object o : v.subList(1, v.size())) {
                    r.append(o);
                }
                return r;
            }
            case ACC -> {
                AnalyticAcc.Status s = new AnalyticAcc.Status();
                s.hasValue = (Boolean) v.get(0);
                s.count = ((Number) v.get(1)).longValue();
                s.value = ((Number) v.get(2)).doubleValue();
                s.avg = ((Number) v.get(3)).doubleValue();
                s.hasBegin = (Boolean) v.get(4);
                return s;
            }
            default -> throw new IllegalArgumentException("unknown analytic state " + p.kind());
        }
    }
}
