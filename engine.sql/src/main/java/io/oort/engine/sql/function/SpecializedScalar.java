package io.oort.engine.sql.function;

import java.util.List;

import io.oort.engine.sql.ast.Expr;

/**
 * A scalar body that also offers a faster form of itself for a call whose arguments are known when the expression
 * is compiled: how many there are and which are constants (a {@code cast(x, "bigint")} resolves its type once).
 * The compiled call evaluates its arguments into locals and calls the form directly, without an argument array,
 * and uses its result as is.
 *
 * <p>A form must give the same result, or throw the same error, as {@link #apply} given the same arguments, and
 * must return engine values only ({@code Long}, never {@code Integer}): its result is not normalised. Forms are
 * called concurrently by different rules, so they keep no per-call state.
 */
public interface SpecializedScalar extends ScalarImpl {

    /**
     * The form for a call with these analyzed argument expressions, or null to call {@link #apply}. Called once
     * per call site when the expression is compiled; a form whose arity is not {@code args.size()} is ignored.
     */
    Form specialize(List<Expr> args);

    /** A fixed-arity form: {@link Unary}, {@link Binary} or {@link Ternary}. */
    sealed interface Form permits Unary, Binary, Ternary {
    }

    @FunctionalInterface
    non-sealed interface Unary extends Form {
        Object apply(FnContext ctx, Object a);
    }

    @FunctionalInterface
    non-sealed interface Binary extends Form {
        Object apply(FnContext ctx, Object a, Object b);
    }

    @FunctionalInterface
    non-sealed interface Ternary extends Form {
        Object apply(FnContext ctx, Object a, Object b, Object c);
    }
}
