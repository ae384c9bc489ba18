package io.oort.engine.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.oort.engine.sql.ast.BetweenExpr;
import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.ast.LikePattern;
import io.oort.engine.sql.ast.ValueSetExpr;

/**
 * Found by the fuzzer: an operator binding tighter than IN / BETWEEN / LIKE after their special right operand
 * (value set, bounds, pattern) used to take that operand as its left side, leaving e.g. a BETWEEN node whose right
 * side was a {@code +} expression and a ClassCastException in the compiler. The special operand now stays whole
 * and the tighter operator applies to the predicate: {@code a BETWEEN 1 AND 2 + 3} is
 * {@code (a BETWEEN 1 AND 2) + 3} (a type error at run time, not a crash).
 */
class SpecialOperandPrecedenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a BETWEEN 1 AND 2 + 3        | ADD     | BETWEEN",
        "a BETWEEN 1 AND 100000^0     | BIT_XOR | BETWEEN",
        "a NOT BETWEEN 1 AND 2 * 3    | MUL     | NOT_BETWEEN",
        "a IN (1, 2) * 3              | MUL     | IN",
        "a NOT IN (1, 2) - 3          | SUB     | NOT_IN",
        "a LIKE \"x%\" - 1            | SUB     | LIKE",
        "a NOT LIKE \"x%\" & 1        | BIT_AND | NOT_LIKE",
        "a LIKE \"x%\" -> b           | ARROW   | LIKE",
    })
    void specialOperandStaysWhole(String expr, BinaryOp outer, BinaryOp inner) throws ParseException {
        BinaryExpr e = (BinaryExpr) SqlParser.parseSelect("SELECT " + expr + " FROM demo").fields().get(0).expr();
        assertEquals(outer, e.op());
        BinaryExpr predicate = assertInstanceOf(BinaryExpr.class, e.lhs());
        assertEquals(inner, predicate.op());
        switch (inner) {
            case BETWEEN, NOT_BETWEEN -> assertInstanceOf(BetweenExpr.class, predicate.rhs());
            case IN, NOT_IN -> assertInstanceOf(ValueSetExpr.class, predicate.rhs());
            default -> assertInstanceOf(LikePattern.class, predicate.rhs());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a BETWEEN 1 AND 2 AND b = 1  | AND",
        "a IN (1, 2) OR b LIKE \"x\"  | OR",
        "x = 1 AND a BETWEEN 1 AND 2  | AND",
    })
    void looserOperatorsUnchanged(String cond, BinaryOp top) throws ParseException {
        BinaryExpr e = (BinaryExpr) SqlParser.parseSelect("SELECT * FROM demo WHERE " + cond).where();
        assertEquals(top, e.op());
    }
}
