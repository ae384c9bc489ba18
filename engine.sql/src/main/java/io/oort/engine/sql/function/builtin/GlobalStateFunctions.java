package io.oort.engine.sql.function.builtin;

import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;

/**
 * last_hit_count / last_hit_time (rows that passed WHERE before this one) and last_agg_hit_count /
 * last_agg_hit_time (groups that passed HAVING before this one), as eKuiper's funcs_global_state.go. The runtime
 * updates the counters in the rule state after WHERE / HAVING accept a row; these functions read them, so the
 * first row sees 0 (and no time).
 */
public final class GlobalStateFunctions {

    /** Rule-state keys the runtime maintains. */
    public static final String HIT_COUNT = "$$last_hit_count";
    public static final String HIT_TIME = "$$last_hit_time";
    public static final String AGG_HIT_COUNT = "$$last_agg_hit_count";
    public static final String AGG_HIT_TIME = "$$last_agg_hit_time";

    private GlobalStateFunctions() {
    }

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("last_hit_count", Args.NO_ARG, (c, a) -> read(c, HIT_COUNT, 0L)));
        r.register(FunctionDef.scalar("last_hit_time", Args.NO_ARG, (c, a) -> read(c, HIT_TIME, null)));
        r.register(FunctionDef.scalar("last_agg_hit_count", Args.NO_ARG, (c, a) -> read(c, AGG_HIT_COUNT, 0L)));
        r.register(FunctionDef.scalar("last_agg_hit_time", Args.NO_ARG, (c, a) -> read(c, AGG_HIT_TIME, null)));
    }

    private static Object read(FnContext c, String key, Object dflt) {
        Object v = c.ruleState().get(key);
        return v == null ? dflt : v;
    }

    /** Records that a row (or group) passed at {@code time}. */
    public static void hit(java.util.Map<String, Object> state, boolean aggregate, long time) {
        String count = aggregate ? AGG_HIT_COUNT : HIT_COUNT;
        Object n = state.get(count);
        state.put(count, n == null ? 1L : (Long) n + 1);
        state.put(aggregate ? AGG_HIT_TIME : HIT_TIME, time);
    }
}
