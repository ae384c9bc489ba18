package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/** The {@code [start:end]} of {@code arr[start:end]}, end exclusive; a missing end is null (to the end). */
public final class SliceExpr extends Expr {

    private final Expr start;
    private final Expr end;

    public SliceExpr(Pos pos, Expr start, Expr end) {
        super(pos);
        this.start = start;
        this.end = end;
    }

    public Expr start() {
        return start;
    }

    /** Null when open-ended. */
    public Expr end() {
        return end;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        visitor.accept(start);
        if (end != null) {
            visitor.accept(end);
        }
    }

    @Override
    public String toString() {
        return start + ":" + (end == null ? "" : end.toString());
    }
}
