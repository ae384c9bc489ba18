package io.oort.engine.sql.function.builtin;

import io.oort.engine.sql.function.FunctionRegistry;

/** Registers every built-in function, by category (eKuiper's {@code internal/binder/function/funcs_*.go}). */
public final class Builtins {

    private Builtins() {
    }

    public static void registerAll(FunctionRegistry r) {
        MathFunctions.register(r);
        StringFunctions.register(r);
        HashFunctions.register(r);
        ConversionFunctions.register(r);
        MiscFunctions.register(r);
        DateTimeFunctions.register(r);
        JsonFunctions.register(r);
        ArrayFunctions.register(r);
        ObjectFunctions.register(r);
        AggregateFunctions.register(r);
        AnalyticFunctions.register(r);
        WindowFunctions.register(r);
        SetReturningFunctions.register(r);
        GlobalStateFunctions.register(r);
    }
}
