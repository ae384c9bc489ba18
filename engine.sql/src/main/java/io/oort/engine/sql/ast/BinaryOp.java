package io.oort.engine.sql.ast;

/** Binary operators with eKuiper's precedence (higher binds tighter). */
public enum BinaryOp {
    OR("OR", 1), AND("AND", 2),
    EQ("=", 3), NEQ("!=", 3), LT("<", 3), LTE("<=", 3), GT(">", 3), GTE(">=", 3),
    IN("IN", 3), NOT_IN("NOT IN", 3), BETWEEN("BETWEEN", 3), NOT_BETWEEN("NOT BETWEEN", 3),
    LIKE("LIKE", 3), NOT_LIKE("NOT LIKE", 3),
    ADD("+", 4), SUB("-", 4), BIT_OR("|", 4), BIT_XOR("^", 4),
    MUL("*", 5), DIV("/", 5), MOD("%", 5), BIT_AND("&", 5), SUBSET("[]", 5), ARROW("->", 5);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }

    public boolean isComparison() {
        return this == EQ || this == NEQ || this == LT || this == LTE || this == GT || this == GTE;
    }

    public boolean isArithmetic() {
        return this == ADD || this == SUB || this == MUL || this == DIV || this == MOD || this == BIT_AND
                || this == BIT_OR || this == BIT_XOR;
    }
}
