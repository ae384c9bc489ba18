package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/** {@code ( expr )}. Kept in the tree because it matters for output naming ({@code (a)} is an expression). */
public final class ParenExpr extends Expr {

    private final Expr expr;

    public ParenExpr(Pos pos, Expr expr) {
        super(pos);
        this.expr = expr;
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
        return "(" + expr + ")";
    }
}
