package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/** An argument of a multi-column function such as {@code changed_cols}: the expression and its column name. */
public final class ColFuncField extends Expr {

    private final String name;
    private final Expr expr;

    public ColFuncField(Pos pos, String name, Expr expr) {
        super(pos);
        this.name = name;
        this.expr = expr;
    }

    public String name() {
        return name;
    }

    public Expr expr() {
        return expr;
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
