package io.oort.engine.sql.ast;

/** A stream or table named in FROM or JOIN, with its alias. */
public record SourceRef(Pos pos, String name, String alias) implements Node {

    /** The name SQL uses to qualify its columns: the alias when given. */
    public String qualifier() {
        return alias != null ? alias : name;
    }

    @Override
    public String toString() {
        return alias == null ? name : name + " AS " + alias;
    }
}
