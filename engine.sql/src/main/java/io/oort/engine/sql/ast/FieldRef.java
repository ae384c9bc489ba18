package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/**
 * A column reference: {@code col}, {@code stream.col}, or the qualified wildcard {@code stream.*} (name "*").
 * The analyzer binds it to a source and slot, or to the select field whose alias it names.
 */
public final class FieldRef extends Expr {

    private final String stream;
    private final String name;

    // binding, set by the analyzer
    private int sourceIndex = -1;
    private int slot = -1;
    private Field aliasOf;
    private boolean path;

    public FieldRef(Pos pos, String stream, String name) {
        super(pos);
        this.stream = stream;
        this.name = name;
    }

    /** The qualifier as written, or null. */
    public String stream() {
        return stream;
    }

    public String name() {
        return name;
    }

    public boolean isWildcard() {
        return "*".equals(name);
    }

    /** Index of the FROM/JOIN source this column reads, once bound; -1 for an alias or before binding. */
    public int sourceIndex() {
        return sourceIndex;
    }

    /** Slot in that source's schema, or -1 for schemaless sources (read by name). */
    public int slot() {
        return slot;
    }

    /** The select field this reference names by its alias, or null. */
    public Field aliasOf() {
        return aliasOf;
    }

    public void bindColumn(int sourceIndex, int slot) {
        this.sourceIndex = sourceIndex;
        this.slot = slot;
        this.aliasOf = null;
    }

    /**
     * Binds {@code a.b} where {@code a} is not a stream: it reads column {@code a} (bound as given) and then its
     * key {@code b}, as eKuiper rewrites such references to {@code a->b}.
     */
    public void bindPath(int sourceIndex, int slot) {
        bindColumn(sourceIndex, slot);
        this.path = true;
    }

    /** Whether this is {@code column.key} (see {@link #bindPath}). */
    public boolean isPath() {
        return path;
    }

    public void bindAlias(Field field) {
        this.aliasOf = field;
        this.sourceIndex = -1;
        this.slot = -1;
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
