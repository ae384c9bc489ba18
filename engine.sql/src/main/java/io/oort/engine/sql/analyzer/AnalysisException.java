package io.oort.engine.sql.analyzer;

import io.oort.engine.sql.ast.Pos;

/** A rule that parses but cannot be planned: unknown column or function, misplaced aggregate, bad window use. */
public class AnalysisException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Pos pos;

    public AnalysisException(String message, Pos pos) {
        super(pos == null || pos == Pos.NONE ? message
                : message + " (line " + pos.line() + ", column " + pos.column() + ")", null, false, false);
        this.pos = pos == null ? Pos.NONE : pos;
    }

    public Pos pos() {
        return pos;
    }
}
