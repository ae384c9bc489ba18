package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/** The key on the right of {@code ->} (or of {@code .} on a non-stream qualifier): {@code a->b}. */
public final class JsonFieldRef extends Expr {

    private final String name;

    public JsonFieldRef(Pos pos, String name) {
        super(pos);
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        // a leaf
    }

    @Override
    public String toString() {
        return name;
    }
}
