package io.oort.engine.sql.function;

import java.util.Objects;

/**
 * A function the SQL can call: its name (lower case), kind, argument validation and body. Exactly one of the
 * bodies is set, matching the kind (WINDOW functions may have none: the runtime answers them).
 */
public record FunctionDef(String name, FunctionKind kind, ArgValidator validator, ScalarImpl scalar,
        AggregateImpl aggregate, AnalyticImpl analytic, String origin) {

    /** Origin of built-in functions. */
    public static final String BUILTIN = "builtin";

    public FunctionDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        validator = validator == null ? ArgValidator.ANY : validator;
        origin = origin == null ? BUILTIN : origin;
    }

    public static FunctionDef scalar(String name, ArgValidator v, ScalarImpl impl) {
        return new FunctionDef(name, FunctionKind.SCALAR, v, impl, null, null, null);
    }

    public static FunctionDef srf(String name, ArgValidator v, ScalarImpl impl) {
        return new FunctionDef(name, FunctionKind.SRF, v, impl, null, null, null);
    }

    public static FunctionDef cols(String name, ArgValidator v, ScalarImpl impl) {
        return new FunctionDef(name, FunctionKind.COLS, v, impl, null, null, null);
    }

    public static FunctionDef aggregate(String name, ArgValidator v, AggregateImpl impl) {
        return new FunctionDef(name, FunctionKind.AGGREGATE, v, null, impl, null, null);
    }

    public static FunctionDef analytic(String name, ArgValidator v, AnalyticImpl impl) {
        return new FunctionDef(name, FunctionKind.ANALYTIC, v, null, null, impl, null);
    }

    public static FunctionDef window(String name, ArgValidator v) {
        return new FunctionDef(name, FunctionKind.WINDOW, v, null, null, null, null);
    }

    /** A WINDOW-kind function whose value the runtime computes but which also has a scalar fallback body. */
    public static FunctionDef window(String name, ArgValidator v, ScalarImpl impl) {
        return new FunctionDef(name, FunctionKind.WINDOW, v, impl, null, null, null);
    }

    public boolean isBuiltin() {
        return BUILTIN.equals(origin);
    }
}
