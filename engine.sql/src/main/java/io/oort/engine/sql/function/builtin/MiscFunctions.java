package io.oort.engine.sql.function.builtin;

import io.oort.engine.sql.function.FunctionRegistry;

/** Built-in functions of this category. */
public final class MiscFunctions {

    private MiscFunctions() {
    }

    public static void register(FunctionRegistry r) {
        // filled in by the category's implementation
    }
}
