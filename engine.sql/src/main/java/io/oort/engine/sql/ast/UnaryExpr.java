package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/** {@code NOT expr} and {@code -expr} (Oort accepts these prefixes; eKuiper only has negative number literals). */
public final class UnaryExpr extends Expr {

    /** The prefix operator. */
    public enum Op { NOT, NEG }

    private final Op op;
    private final Expr expr;

    public UnaryExpr(Pos pos, Op op, Expr expr) {
        super(pos);
        this.op = op;
        this.expr = expr;
    }

    public Op op() {
        return op;
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
        return op == Op.NOT ? "NOT " + expr : "-" + expr;
    }
}
