package io.oort.engine.core.internal.template;

/**
 * A template function with a Go signature: fixed parameter types and an optional variadic
 * element type. The executor checks and converts arguments the way Go's text/template does
 * before calling it, so an implementation receives Java values of the declared types.
 */
final class Func {

    /** Go parameter types. */
    enum Arg {
        ANY("interface {}"), VALUE("reflect.Value"), STRING("string"), INT("int"), INT64("int64"),
        FLOAT64("float64"), BOOL("bool"), LIST("[]interface {}"), MAP("map[string]interface {}"),
        TIME("time.Time");

        final String goName;

        Arg(String goName) {
            this.goName = goName;
        }

        boolean canBeNil() {
            return this == ANY || this == VALUE || this == LIST || this == MAP;
        }
    }

    /** The implementation; it may throw {@link FuncError} for Go errors and panics. */
    @FunctionalInterface
    interface Impl {
        Object call(Object[] args);
    }

    /** A Go error (or recovered panic) raised by a function: reported as "error calling f: msg". */
    static final class FuncError extends RuntimeException {
        FuncError(String msg) {
            super(msg, null, false, false);
        }
    }

    final String name;
    final Arg[] params;
    final Arg variadic;
    final boolean builtin;
    final Impl impl;

    private Func(String name, Arg[] params, Arg variadic, boolean builtin, Impl impl) {
        this.name = name;
        this.params = params;
        this.variadic = variadic;
        this.builtin = builtin;
        this.impl = impl;
    }

    static Func of(String name, Impl impl, Arg... params) {
        return new Func(name, params, null, false, impl);
    }

    static Func varargs(String name, Impl impl, Arg variadic, Arg... fixed) {
        return new Func(name, fixed, variadic, false, impl);
    }

    Func asBuiltin() {
        return new Func(name, params, variadic, true, impl);
    }

    Func named(String alias) {
        return new Func(alias, params, variadic, builtin, impl);
    }

    /** Go's NumIn: the variadic slice counts as one parameter. */
    int numIn() {
        return params.length + (variadic != null ? 1 : 0);
    }
}
