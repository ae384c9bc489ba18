package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/** The {@code low AND high} of BETWEEN (inclusive). */
public final class BetweenExpr extends Expr {

    private final Expr lower;
    private final Expr higher;

    public BetweenExpr(Pos pos, Expr lower, Expr higher) {
        super(pos);
        this.lower = lower;
        this.higher = higher;
    }

    public Expr lower() {
        return lower;
    }

    public Expr higher() {
        return higher;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        visitor.accept(lower);
        visitor.accept(higher);
    }

    @Override
    public String toString() {
        return lower + " AND " + higher;
    }
}
