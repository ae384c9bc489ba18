package io.oort.engine.core.internal.template;

import io.oort.engine.core.internal.template.Token.Type;
import java.util.ArrayList;
import java.util.List;

/** The lexer's character plumbing: rune-wise reading, backing up, emitting items, trim markers. */
abstract class LexerBase {

    static final String LEFT = "{{";
    static final String RIGHT = "}}";
    static final int EOF = -1;

    enum State { TEXT, LEFT_DELIM, COMMENT, RIGHT_DELIM, INSIDE, DONE }

    final String in;
    final List<Token> items = new ArrayList<>();
    int pos;
    int start;
    boolean atEOF;
    int lineScanPos;
    int lineScanLine = 1;

    LexerBase(String in) {
        this.in = in;
    }

    int lineAt(int p) {
        if (p < lineScanPos) {
            lineScanPos = 0;
            lineScanLine = 1;
        }
        for (int i = lineScanPos; i < p; i++) {
            if (in.charAt(i) == '\n') {
                lineScanLine++;
            }
        }
        lineScanPos = p;
        return lineScanLine;
    }

    int next() {
        if (pos >= in.length()) {
            atEOF = true;
            return EOF;
        }
        int cp = in.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    int peek() {
        if (pos >= in.length()) {
            return EOF;
        }
        return in.codePointAt(pos);
    }

    void backup() {
        if (!atEOF && pos > 0) {
            pos -= Character.charCount(in.codePointBefore(pos));
        }
    }

    void emit(Type t) {
        items.add(new Token(t, start, in.substring(start, pos), lineAt(start)));
        start = pos;
    }

    void ignore() {
        start = pos;
    }

    boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    void acceptRun(String valid) {
        int r;
        do {
            r = next();
        } while (r != EOF && valid.indexOf(r) >= 0);
        backup();
    }

    State errorf(String msg) {
        items.add(new Token(Type.ERROR, start, msg, lineAt(start)));
        return State.DONE;
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || Character.isLetter(r) || Character.isDigit(r);
    }

    boolean hasLeftTrimMarker(int i) {
        return in.length() - i >= 2 && in.charAt(i) == '-' && isSpace(in.charAt(i + 1));
    }

    boolean hasRightTrimMarker(int i) {
        return i >= 0 && in.length() - i >= 2 && isSpace(in.charAt(i)) && in.charAt(i + 1) == '-';
    }

    /** Whether pos is at a right delimiter; [1] tells whether a trim marker precedes it. */
    boolean[] atRightDelim() {
        if (hasRightTrimMarker(pos) && in.startsWith(RIGHT, pos + 2)) {
            return new boolean[] {true, true};
        }
        return new boolean[] {in.startsWith(RIGHT, pos), false};
    }

    int leftTrimLength(int i) {
        int k = i;
        while (k < in.length() && isSpace(in.charAt(k))) {
            k++;
        }
        return k - i;
    }
}
