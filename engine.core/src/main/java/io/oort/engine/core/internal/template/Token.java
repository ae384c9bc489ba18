package io.oort.engine.core.internal.template;

/** A lexical item of the template language, positioned by char index and line. */
record Token(Type type, int pos, String val, int line) {

    enum Type {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER,
        LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING,
        TEXT, VARIABLE,
        // keywords follow
        KEYWORD, BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH
    }

    /** Rendering used in parse errors, as Go's item.String(). */
    @Override
    public String toString() {
        if (type == Type.EOF) {
            return "EOF";
        }
        if (type == Type.ERROR) {
            return val;
        }
        if (type.ordinal() > Type.KEYWORD.ordinal()) {
            return "<" + val + ">";
        }
        if (val.codePointCount(0, val.length()) > 10) {
            return GoStrconv.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
        }
        return GoStrconv.quote(val);
    }
}
