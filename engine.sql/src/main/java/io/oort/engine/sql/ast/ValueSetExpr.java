package io.oort.engine.sql.ast;

import java.util.List;
import java.util.function.Consumer;

/** The right side of IN: a list {@code (a, b, c)} or an expression yielding an array. */
public final class ValueSetExpr extends Expr {

    private final List<Expr> values;
    private final Expr array;

    public ValueSetExpr(Pos pos, List<Expr> values, Expr array) {
        super(pos);
        this.values = values == null ? null : List.copyOf(values);
        this.array = array;
    }

    /** The listed values, or null when the set is an array expression. */
    public List<Expr> values() {
        return values;
    }

    public Expr array() {
        return array;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        if (values != null) {
            values.forEach(visitor);
        }
        if (array != null) {
            visitor.accept(array);
        }
    }

    @Override
    public String toString() {
        if (values == null) {
            return array.toString();
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(values.get(i));
        }
        return sb.append(')').toString();
    }
}
