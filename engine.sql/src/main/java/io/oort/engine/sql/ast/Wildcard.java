package io.oort.engine.sql.ast;

import java.util.List;
import java.util.function.Consumer;

/** {@code *}, optionally {@code * EXCEPT(a, b)} and/or {@code * REPLACE(expr AS a, ...)}. */
public final class Wildcard extends Expr {

    private final List<String> except;
    private final List<Field> replace;

    public Wildcard(Pos pos, List<String> except, List<Field> replace) {
        super(pos);
        this.except = List.copyOf(except);
        this.replace = List.copyOf(replace);
    }

    public List<String> except() {
        return except;
    }

    public List<Field> replace() {
        return replace;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        for (Field f : replace) {
            visitor.accept(f.expr());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("*");
        if (!except.isEmpty()) {
            sb.append(" EXCEPT(").append(String.join(", ", except)).append(')');
        }
        if (!replace.isEmpty()) {
            sb.append(" REPLACE(");
            for (int i = 0; i < replace.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(replace.get(i));
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
