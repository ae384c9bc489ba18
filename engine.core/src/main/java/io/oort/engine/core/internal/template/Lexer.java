package io.oort.engine.core.internal.template;

import io.oort.engine.core.internal.template.Token.Type;
import java.util.List;
import java.util.Map;

/**
 * The template lexer: Go's text/template/parse state machine, run eagerly over the whole input.
 * It stops after the first error item, which the parser reports when it reaches it.
 */
final class Lexer extends LexerBase {

    private static final Map<String, Type> KEYWORDS = Map.ofEntries(
            Map.entry(".", Type.DOT), Map.entry("block", Type.BLOCK), Map.entry("break", Type.BREAK),
            Map.entry("continue", Type.CONTINUE), Map.entry("define", Type.DEFINE),
            Map.entry("else", Type.ELSE), Map.entry("end", Type.END), Map.entry("if", Type.IF),
            Map.entry("range", Type.RANGE), Map.entry("nil", Type.NIL),
            Map.entry("template", Type.TEMPLATE), Map.entry("with", Type.WITH));


    private int parenDepth;

    private Lexer(String in) {
        super(in);
    }

    static List<Token> lex(String input) {
        Lexer l = new Lexer(input);
        State st = State.TEXT;
        while (st != State.DONE) {
            st = switch (st) {
                case TEXT -> l.lexText();
                case LEFT_DELIM -> l.lexLeftDelim();
                case COMMENT -> l.lexComment();
                case RIGHT_DELIM -> l.lexRightDelim();
                case INSIDE -> l.lexInsideAction();
                case DONE -> State.DONE;
            };
        }
        return l.items;
    }

    private State lexText() {
        int x = in.indexOf(LEFT, pos);
        if (x >= 0) {
            pos = x;
            int trimLength = 0;
            if (hasLeftTrimMarker(pos + LEFT.length())) {
                int k = pos;
                while (k > start && isSpace(in.charAt(k - 1))) {
                    k--;
                }
                trimLength = pos - k;
            }
            pos -= trimLength;
            if (pos > start) {
                emit(Type.TEXT);
            }
            pos += trimLength;
            ignore();
            return State.LEFT_DELIM;
        }
        pos = in.length();
        if (pos > start) {
            emit(Type.TEXT);
        }
        emit(Type.EOF);
        return State.DONE;
    }

    private State lexLeftDelim() {
        pos += LEFT.length();
        boolean trimSpace = hasLeftTrimMarker(pos);
        int afterMarker = trimSpace ? 2 : 0;
        if (in.startsWith("/*", pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return State.COMMENT;
        }
        emit(Type.LEFT_DELIM);
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return State.INSIDE;
    }

    private State lexComment() {
        pos += 2;
        int i = in.indexOf("*/", pos);
        if (i < 0) {
            return errorf("unclosed comment");
        }
        pos = i + 2;
        boolean[] d = atRightDelim();
        if (!d[0]) {
            return errorf("comment ends before closing delimiter");
        }
        if (d[1]) {
            pos += 2;
        }
        pos += RIGHT.length();
        if (d[1]) {
            pos += leftTrimLength(pos);
        }
        ignore();
        return State.TEXT;
    }

    private State lexRightDelim() {
        boolean trimSpace = hasRightTrimMarker(pos);
        if (trimSpace) {
            pos += 2;
            ignore();
        }
        pos += RIGHT.length();
        emit(Type.RIGHT_DELIM);
        if (trimSpace) {
            pos += leftTrimLength(pos);
            ignore();
        }
        return State.TEXT;
    }

    private State lexInsideAction() {
        if (atRightDelim()[0]) {
            if (parenDepth == 0) {
                return State.RIGHT_DELIM;
            }
            return errorf("unclosed left paren");
        }
        int r = next();
        if (r == EOF) {
            return errorf("unclosed action");
        }
        if (isSpace(r)) {
            backup();
            return lexSpace();
        }
        switch (r) {
            case '=' -> emit(Type.ASSIGN);
            case ':' -> {
                if (next() != '=') {
                    return errorf("expected :=");
                }
                emit(Type.DECLARE);
            }
            case '|' -> emit(Type.PIPE);
            case '"' -> {
                return lexQuote();
            }
            case '`' -> {
                return lexRawQuote();
            }
            case '$' -> {
                return lexVariable();
            }
            case '\'' -> {
                return lexChar();
            }
            case '(' -> {
                emit(Type.LEFT_PAREN);
                parenDepth++;
            }
            case ')' -> {
                emit(Type.RIGHT_PAREN);
                parenDepth--;
                if (parenDepth < 0) {
                    return errorf("unexpected right paren " + GoStrconv.fmtU(r));
                }
            }
            default -> {
                if (r == '.') {
                    if (pos < in.length()) {
                        char c = in.charAt(pos);
                        if (c < '0' || c > '9') {
                            return lexFieldOrVariable(Type.FIELD);
                        }
                    }
                    backup();
                    return lexNumber();
                }
                if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
                    backup();
                    return lexNumber();
                }
                if (isAlphaNumeric(r)) {
                    backup();
                    return lexIdentifier();
                }
                if (r <= 0x7F && GoStrconv.isPrint(r)) {
                    emit(Type.CHAR);
                } else {
                    return errorf("unrecognized character in action: " + GoStrconv.fmtU(r));
                }
            }
        }
        return State.INSIDE;
    }

    private State lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            numSpaces++;
        }
        if (hasRightTrimMarker(pos - 1) && in.startsWith(RIGHT, pos - 1 + 2)) {
            backup();
            if (numSpaces == 1) {
                return State.RIGHT_DELIM;
            }
        }
        emit(Type.SPACE);
        return State.INSIDE;
    }

    private State lexIdentifier() {
        int r;
        do {
            r = next();
        } while (r != EOF && isAlphaNumeric(r));
        backup();
        String word = in.substring(start, pos);
        if (!atTerminator()) {
            return errorf("bad character " + GoStrconv.fmtU(r));
        }
        Type kw = KEYWORDS.get(word);
        if (kw != null) {
            emit(kw);
        } else if (word.charAt(0) == '.') {
            emit(Type.FIELD);
        } else if (word.equals("true") || word.equals("false")) {
            emit(Type.BOOL);
        } else {
            emit(Type.IDENTIFIER);
        }
        return State.INSIDE;
    }

    private State lexVariable() {
        if (atTerminator()) {
            emit(Type.VARIABLE);
            return State.INSIDE;
        }
        return lexFieldOrVariable(Type.VARIABLE);
    }

    private State lexFieldOrVariable(Type typ) {
        if (atTerminator()) {
            emit(typ == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
            return State.INSIDE;
        }
        int r;
        do {
            r = next();
        } while (r != EOF && isAlphaNumeric(r));
        backup();
        if (!atTerminator()) {
            return errorf("bad character " + GoStrconv.fmtU(r));
        }
        emit(typ);
        return State.INSIDE;
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF, '.', ',', '|', ':', ')', '(':
                return true;
            default:
                return in.startsWith(RIGHT, pos);
        }
    }

    private State lexChar() {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != EOF && r != '\n') {
                    continue;
                }
                return errorf("unterminated character constant");
            }
            if (r == EOF || r == '\n') {
                return errorf("unterminated character constant");
            }
            if (r == '\'') {
                break;
            }
        }
        emit(Type.CHAR_CONSTANT);
        return State.INSIDE;
    }

    private State lexNumber() {
        if (!scanNumber()) {
            return errorf("bad number syntax: " + GoStrconv.quote(in.substring(start, pos)));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            if (!scanNumber() || in.charAt(pos - 1) != 'i') {
                return errorf("bad number syntax: " + GoStrconv.quote(in.substring(start, pos)));
            }
            emit(Type.COMPLEX);
        } else {
            emit(Type.NUMBER);
        }
        return State.INSIDE;
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        int p = peek();
        if (p != EOF && isAlphaNumeric(p)) {
            next();
            return false;
        }
        return true;
    }

    private State lexQuote() {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != EOF && r != '\n') {
                    continue;
                }
                return errorf("unterminated quoted string");
            }
            if (r == EOF || r == '\n') {
                return errorf("unterminated quoted string");
            }
            if (r == '"') {
                break;
            }
        }
        emit(Type.STRING);
        return State.INSIDE;
    }

    private State lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF) {
                return errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                break;
            }
        }
        emit(Type.RAW_STRING);
        return State.INSIDE;
    }
}
