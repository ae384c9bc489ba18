package io.oort.engine.sql.function.builtin;

import java.util.List;
import java.util.Map;

import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.value.EvalException;

/**
 * Set-returning functions (eKuiper's {@code funcs_srf.go}). Their value is a list the planner expands into one
 * output row per element: an element that is an object becomes columns of its row, any other element the value of
 * the function's column. {@code unnest} returns its array (a non-array is returned as is, and the expansion then
 * reports that the argument should be an array); {@code extract} returns a one-element list holding its object.
 * A null argument, or an empty array or object, gives null.
 */
public final class SetReturningFunctions {

    private SetReturningFunctions() {
    }

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.srf("unnest", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            return args[0];
        }));
        r.register(FunctionDef.srf("extract", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (!(args[0] instanceof Map<?, ?> m)) {
                throw new EvalException("extract should use map");
            }
            return List.of(m);
        }));
    }
}
