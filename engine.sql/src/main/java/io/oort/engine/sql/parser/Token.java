package io.oort.engine.sql.parser;

import io.oort.engine.sql.ast.Pos;

/**
 * A token with its text and position. For keywords {@code text} is upper case; for identifiers it is as written;
 * for strings it is the unquoted value.
 */
public record Token(TokenType type, String text, Pos pos) {

    /** How the token reads in an error message. */
    public String shown() {
        return type == TokenType.EOF ? "EOF" : text;
    }
}
