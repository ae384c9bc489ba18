package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/** A metadata key inside {@code meta(...)} / {@code mqtt(...)}: {@code meta(topic)}, {@code meta(s.topic)}, {@code meta(*)}. */
public final class MetaRef extends Expr {

    private final String stream;
    private final String name;
    private int sourceIndex = -1;

    public MetaRef(Pos pos, String stream, String name) {
        super(pos);
        this.stream = stream;
        this.name = name;
    }

    public String stream() {
        return stream;
    }

    public String name() {
        return name;
    }

    public int sourceIndex() {
        return sourceIndex;
    }

    public void bind(int sourceIndex) {
        this.sourceIndex = sourceIndex;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        // a leaf
    }

    @Override
    public String toString() {
        return stream == null ? name : stream + "." + name;
    }
}
