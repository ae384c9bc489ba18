package io.oort.engine.sql.ast;

/** SHOW STREAMS|TABLES, DESCRIBE / DROP / EXPLAIN STREAM|TABLE name. */
public record CatalogStatement(Pos pos, Verb verb, boolean table, String name) implements Statement {

    /** What the statement asks. */
    public enum Verb { SHOW, DESCRIBE, DROP, EXPLAIN }
}
