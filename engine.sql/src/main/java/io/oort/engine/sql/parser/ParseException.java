package io.oort.engine.sql.parser;

import io.oort.engine.sql.ast.Pos;

/**
 * A syntax error: eKuiper's message (e.g. {@code found "FORM", expected FROM.}) followed by where it happened.
 * The only exception the parser throws, for any input.
 */
public class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String detail;
    private final transient Pos pos;

    public ParseException(String detail, Pos pos) {
        super(pos == null || pos == Pos.NONE ? detail
                : detail + " (line " + pos.line() + ", column " + pos.column() + ")", null, false, false);
        this.detail = detail;
        this.pos = pos == null ? Pos.NONE : pos;
    }

    /** The message without the position. */
    public String detail() {
        return detail;
    }

    public Pos pos() {
        return pos;
    }
}
