package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/** The {@code [i]} of {@code arr[i]}; negative indexes count from the end. */
public final class IndexExpr extends Expr {

    private final Expr index;

    public IndexExpr(Pos pos, Expr index) {
        super(pos);
        this.index = index;
    }

    public Expr index() {
        return index;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        visitor.accept(index);
    }

    @Override
    public String toString() {
        return index.toString();
    }
}
