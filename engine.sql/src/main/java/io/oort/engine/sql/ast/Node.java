package io.oort.engine.sql.ast;

/** Any piece of a parsed statement. {@link #pos()} is where it starts in the SQL text, for error messages. */
public interface Node {

    /** Position of the first token, or {@link Pos#NONE} for synthesized nodes. */
    Pos pos();
}
