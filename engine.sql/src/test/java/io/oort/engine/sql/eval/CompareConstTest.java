package io.oort.engine.sql.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.Ops;

/**
 * The specialized comparisons with a numeric constant (one class per operator, direct slot reads, unboxed test) and
 * AND over them give exactly what the general operators give: the same Boolean, the same error, for every operator,
 * Double/Long/other values, nulls and NaN, with the column read from the slot or through another evaluator.
 */
class CompareConstTest {

    private static final BinaryOp[] OPS = {BinaryOp.GT, BinaryOp.GTE, BinaryOp.LT, BinaryOp.LTE, BinaryOp.EQ,
        BinaryOp.NEQ};
    private static final Object[] VALUES = {20.0, 19.5, 20.5, -1.0, Double.NaN, 20L, 19L, 21L, Long.MIN_VALUE, 7,
        null, "20", true, List.of(1)};
    private static final Object[] CONSTANTS = {20L, 20.0, 19.5, -3L};

    private static String outcome(java.util.function.Supplier<Object> f) {
        try {
            return String.valueOf(f.get());
        } catch (EvalException e) {
            return "error: " + e.getMessage();
        }
    }

    private static EvalContext row(Object... values) {
        EvalContext c = new EvalContext("t", () -> 0L, ZoneOffset.UTC);
        c.row = new Tuple[] {Tuple.ofValues("s", new String[] {"a", "b"}, values, Map.of(), 0L)};
        return c;
    }

    /** Reads the slot through an evaluator that is not a {@link Leaves.Slot0}. */
    private static Evaluator indirect(int slot) {
        Evaluator s = new Leaves.Slot0(slot);
        return new Evaluator() {
            @Override
            public Object eval(EvalContext c) {
                return s.eval(c);
            }
        };
    }

    @Test
    void specializedComparisonsAgreeWithTheGeneralOnes() {
        int checked = 0;
        for (BinaryOp op : OPS) {
            for (Object k : CONSTANTS) {
                for (Evaluator column : new Evaluator[] {new Leaves.Slot0(0), indirect(0)}) {
                    Evaluator fast = Operators.CompareConst.of(op, column, k);
                    for (Object v : VALUES) {
                        EvalContext c = row(v, null);
                        String expected = outcome(() -> Ops.simple(op, v, k));
                        assertEquals(expected, outcome(() -> fast.eval(c)), op + " " + v + " vs " + k);
                        String test = expected.startsWith("error") ? expected : String.valueOf("true".equals(expected));
                        assertEquals(test, outcome(() -> fast.test(c)), "test: " + op + " " + v + " vs " + k);
                        checked++;
                    }
                }
            }
        }
        assertEquals(OPS.length * CONSTANTS.length * 2 * VALUES.length, checked);
    }

    @Test
    void andOfComparisonsTestsAsTheGeneralAnd() {
        List<Object> values = new ArrayList<>(Arrays.asList(VALUES));
        for (Object a : values) {
            for (Object b : values) {
                EvalContext c = row(a, b);
                Evaluator l = Operators.CompareConst.of(BinaryOp.GT, new Leaves.Slot0(0), 20L);
                Evaluator r = Operators.CompareConst.of(BinaryOp.LT, new Leaves.Slot0(1), 80.0);
                Operators.And fast = new Operators.And(l, r);
                Operators.And general = new Operators.And(indirectBoolean(l), indirectBoolean(r));
                assertEquals(true, fast.alwaysBoolean());
                assertEquals(outcome(() -> general.test(c)), outcome(() -> fast.test(c)), a + " AND " + b);
                assertEquals(outcome(() -> general.eval(c)), outcome(() -> fast.eval(c)), a + " AND " + b);
            }
        }
    }

    /** The same condition, hidden behind an evaluator that does not declare it always gives a Boolean. */
    private static Evaluator indirectBoolean(Evaluator e) {
        return new Evaluator() {
            @Override
            public Object eval(EvalContext c) {
                return e.eval(c);
            }
        };
    }
}
