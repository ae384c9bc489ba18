package io.oort.engine.sql.parser;

/** The tokens of eKuiper's SQL (pkg/ast/token.go). */
public enum TokenType {
    ILLEGAL, EOF, IDENT, INTEGER, NUMBER, STRING, BADSTRING,
    // operators
    ADD, SUB, MUL, DIV, MOD, BIT_AND, BIT_OR, BIT_XOR, EQ, NEQ, LT, LTE, GT, GTE, ARROW,
    // punctuation
    ASTERISK, COMMA, LPAREN, RPAREN, LBRACKET, RBRACKET, HASH, DOT, COLON, SEMICOLON,
    // keywords
    SELECT, AS, FROM, WHERE, AND, OR, GROUP, HAVING, ORDER, BY, DESC, ASC, FILTER, INNER, LEFT, RIGHT, FULL, CROSS,
    JOIN, ON, CASE, WHEN, THEN, DEFAULT, ELSE, END, IN, NOT, BETWEEN, LIKE, OVER, PARTITION, REPLACE, EXCEPT,
    INVISIBLE, TRUE, FALSE, LIMIT,
    // window time units
    DD, HH, MI, SS, MS;

    public boolean isTimeUnit() {
        return this == DD || this == HH || this == MI || this == SS || this == MS;
    }
}
