package io.oort.engine.sql.ast;

/** {@code [INNER|LEFT|RIGHT|FULL|CROSS] JOIN source [ON cond]}. */
public final class Join implements Node {

    /** The join kinds eKuiper has. */
    public enum Type { INNER, LEFT, RIGHT, FULL, CROSS }

    private final Pos pos;
    private final Type type;
    private final SourceRef source;
    private Expr on;

    public Join(Pos pos, Type type, SourceRef source, Expr on) {
        this.pos = pos;
        this.type = type;
        this.source = source;
        this.on = on;
    }

    @Override
    public Pos pos() {
        return pos;
    }

    public Type type() {
        return type;
    }

    public SourceRef source() {
        return source;
    }

    /** The ON condition, null for CROSS. */
    public Expr on() {
        return on;
    }

    public void setOn(Expr on) {
        this.on = on;
    }

    @Override
    public String toString() {
        return type + " JOIN " + source + (on != null ? " ON " + on : "");
    }
}
