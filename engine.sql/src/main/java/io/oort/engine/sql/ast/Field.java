package io.oort.engine.sql.ast;

/**
 * A select field: the expression, its derived name (column name, lower-case function name, {@code *}, or
 * {@code kuiper_field_N}), its alias, and whether it is INVISIBLE (computed for other fields, not emitted).
 */
public final class Field implements Node {

    private final Pos pos;
    private final String name;
    private final String alias;
    private Expr expr;
    private final boolean invisible;

    public Field(Pos pos, String name, String alias, Expr expr, boolean invisible) {
        this.pos = pos;
        this.name = name;
        this.alias = alias;
        this.expr = expr;
        this.invisible = invisible;
    }

    @Override
    public Pos pos() {
        return pos;
    }

    /** The derived name (without alias). */
    public String name() {
        return name;
    }

    /** The alias, or null. */
    public String alias() {
        return alias;
    }

    /** The key this field has in the output: the alias if any, else the derived name. */
    public String outputName() {
        return alias != null ? alias : name;
    }

    public Expr expr() {
        return expr;
    }

    /** The analyzer may rewrite the expression (e.g. qualified references that are really JSON paths). */
    public void setExpr(Expr expr) {
        this.expr = expr;
    }

    public boolean invisible() {
        return invisible;
    }

    public boolean isWildcard() {
        return expr instanceof Wildcard || (expr instanceof FieldRef f && f.isWildcard());
    }

    @Override
    public String toString() {
        return expr + (alias != null ? " AS " + alias : "") + (invisible ? " INVISIBLE" : "");
    }
}
