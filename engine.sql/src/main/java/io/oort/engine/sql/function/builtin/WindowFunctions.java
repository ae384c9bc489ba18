package io.oort.engine.sql.function.builtin;

import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;

/**
 * Functions that read the window being emitted (funcs_window.go and the implicit-value functions of valuer.go):
 * the runtime supplies their values, the compiler reads them from the evaluation context.
 */
public final class WindowFunctions {

    private WindowFunctions() {
    }

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.window("row_number", Args.NO_ARG));
        r.register(FunctionDef.window("window_start", Args.NO_ARG));
        r.register(FunctionDef.window("window_end", Args.NO_ARG));
        r.register(FunctionDef.window("event_time", Args.NO_ARG));
    }
}
