package io.oort.engine.sql.ast;

import java.util.List;
import java.util.function.Consumer;

/** {@code CASE [value] WHEN a THEN x ... [ELSE y] END}. */
public final class CaseExpr extends Expr {

    /** One {@code WHEN cond THEN result}. */
    public record When(Expr condition, Expr result) {
    }

    private final Expr value;
    private final List<When> whens;
    private final Expr otherwise;

    public CaseExpr(Pos pos, Expr value, List<When> whens, Expr otherwise) {
        super(pos);
        this.value = value;
        this.whens = List.copyOf(whens);
        this.otherwise = otherwise;
    }

    /** The compared value of a simple CASE, or null for a searched CASE. */
    public Expr value() {
        return value;
    }

    public List<When> whens() {
        return whens;
    }

    /** The ELSE result, or null. */
    public Expr otherwise() {
        return otherwise;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        if (value != null) {
            visitor.accept(value);
        }
        for (When w : whens) {
            visitor.accept(w.condition());
            visitor.accept(w.result());
        }
        if (otherwise != null) {
            visitor.accept(otherwise);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CASE");
        if (value != null) {
            sb.append(' ').append(value);
        }
        for (When w : whens) {
            sb.append(" WHEN ").append(w.condition()).append(" THEN ").append(w.result());
        }
        if (otherwise != null) {
            sb.append(" ELSE ").append(otherwise);
        }
        return sb.append(" END").toString();
    }
}
