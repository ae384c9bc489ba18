package io.oort.engine.sql.ast;

/**
 * An expression. Nodes are plain objects; the analyzer fills in binding fields (which stream and slot a column
 * reads, which field an alias names) before the expression compiler turns the tree into evaluators.
 */
public abstract class Expr implements Node {

    private final Pos pos;

    protected Expr(Pos pos) {
        this.pos = pos == null ? Pos.NONE : pos;
    }

    @Override
    public Pos pos() {
        return pos;
    }

    /** Visits this node's direct children. */
    public abstract void children(java.util.function.Consumer<Expr> visitor);

    /** Pre-order walk; the visitor returns false to skip a node's children. */
    public final void walk(java.util.function.Predicate<Expr> visitor) {
        if (visitor.test(this)) {
            children(c -> {
                if (c != null) {
                    c.walk(visitor);
                }
            });
        }
    }

    /** SQL-ish text of the expression, for messages and EXPLAIN. */
    @Override
    public abstract String toString();
}
