package io.oort.engine.sql.ast;

import java.util.function.Consumer;

import io.oort.engine.sql.value.LikeMatcher;

/**
 * The pattern of LIKE: {@code %} any run, {@code _} one character (eKuiper's rules: {@link LikeMatcher}). Compiled
 * once when it is a literal.
 */
public final class LikePattern extends Expr {

    private final Expr expr;
    private final LikeMatcher compiled;

    public LikePattern(Pos pos, Expr expr, LikeMatcher compiled) {
        super(pos);
        this.expr = expr;
        this.compiled = compiled;
    }

    public Expr expr() {
        return expr;
    }

    /** The compiled pattern for a literal, else null. */
    public LikeMatcher compiled() {
        return compiled;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        visitor.accept(expr);
    }

    @Override
    public String toString() {
        return expr.toString();
    }
}
