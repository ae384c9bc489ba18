package io.oort.engine.sql.parser;

import java.util.ArrayList;
import java.util.List;

/** The tokens of one statement with a cursor; lexing errors surface as {@link ParseException}s here. */
final class TokenStream {

    /** Beyond this many tokens a statement is refused (a 1 MB statement is about 200k tokens). */
    static final int MAX_TOKENS = 2_000_000;

    private final List<Token> tokens;
    private int i;

    TokenStream(String sql) throws ParseException {
        tokens = new ArrayList<>();
        Lexer lx = new Lexer(sql);
        while (true) {
            Token t = lx.next();
            if (t.type() == TokenType.ILLEGAL) {
                String text = t.text();
                throw new ParseException(text.startsWith("invalid string") || text.startsWith("unterminated")
                        ? text : "found \"" + text + "\", unexpected character", t.pos());
            }
            if (t.type() == TokenType.BADSTRING) {
                throw new ParseException("found unterminated string \"" + t.text() + "\"", t.pos());
            }
            tokens.add(t);
            if (t.type() == TokenType.EOF) {
                break;
            }
            if (tokens.size() > MAX_TOKENS) {
                throw new ParseException("statement too long: more than " + MAX_TOKENS + " tokens", t.pos());
            }
        }
    }

    Token peek() {
        return tokens.get(i);
    }

    Token peek(int ahead) {
        int j = Math.min(i + ahead, tokens.size() - 1);
        return tokens.get(j);
    }

    Token next() {
        Token t = tokens.get(i);
        if (i < tokens.size() - 1) {
            i++;
        }
        return t;
    }

    boolean at(TokenType type) {
        return peek().type() == type;
    }

    /** Consumes the token if it has that type. */
    boolean accept(TokenType type) {
        if (at(type)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes an identifier whose text equals {@code word} ignoring case (CREATE, STREAM, WITH...). */
    boolean acceptWord(String word) {
        Token t = peek();
        if (t.type() == TokenType.IDENT && t.text().equalsIgnoreCase(word)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(TokenType type, String what) throws ParseException {
        Token t = peek();
        if (t.type() != type) {
            throw new ParseException("found \"" + t.shown() + "\", expected " + what + ".", t.pos());
        }
        return next();
    }

    ParseException error(String message) {
        return new ParseException(message, peek().pos());
    }

    ParseException found(String expected) {
        Token t = peek();
        return new ParseException("found \"" + t.shown() + "\", expected " + expected + ".", t.pos());
    }
}
