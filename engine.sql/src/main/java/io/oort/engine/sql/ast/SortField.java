package io.oort.engine.sql.ast;

/** One ORDER BY item. */
public final class SortField implements Node {

    private final Pos pos;
    private Expr expr;
    private final boolean ascending;

    public SortField(Pos pos, Expr expr, boolean ascending) {
        this.pos = pos;
        this.expr = expr;
        this.ascending = ascending;
    }

    @Override
    public Pos pos() {
        return pos;
    }

    public Expr expr() {
        return expr;
    }

    public void setExpr(Expr expr) {
        this.expr = expr;
    }

    public boolean ascending() {
        return ascending;
    }

    @Override
    public String toString() {
        return expr + (ascending ? " ASC" : " DESC");
    }
}
