package io.oort.engine.sql.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;

/**
 * Calls compiled to a fixed-arity form ({@link io.oort.engine.sql.function.SpecializedScalar}) give what the
 * function's generic body gives through {@code apply(Object[])}, normalised as a generic call is, for every kind
 * of value.
 */
class SpecializedCallsTest {

    private static final Object[] VALUES = {null, List.of(), Map.of(), 0L, 12L, -3L, Long.MIN_VALUE, 7, (short) -2,
        2.5, -2.5, 0.49999999999999994, -0.0, 1e300, Double.NaN, Double.NEGATIVE_INFINITY, 1.5f,
        new BigDecimal("3.75"), "", "abc", "Straße ǆ ÿ µ", "  trim me\t", "12", "-7", "0x1F", "1.5e3", "true", "F",
        "aGVsbG8=", "2024-01-02T03:04:05Z", true, false, "hello".getBytes(StandardCharsets.UTF_8),
        Instant.ofEpochMilli(1_700_000_000_123L), List.of(1L, "x"), Map.of("k", 1L)};

    /** A call over columns a (and b), the function's name and the arguments of its generic body. */
    record Case(String call, String fn, BiFunction<Object, Object, Object[]> args) {
        @Override
        public String toString() {
            return call;
        }
    }

    static Stream<Case> cases() {
        Stream<Case> one = Stream.of("abs", "round", "ceil", "floor", "sin", "exp", "lower", "upper", "trim", "ltrim",
                "rtrim", "reverse", "concat").map(f -> new Case(f + "(a)", f, (a, b) -> new Object[] {a}));
        Stream<Case> casts = Stream.of("bigint", "float", "string", "boolean", "datetime", "bytea")
                .map(t -> new Case("cast(a, \"" + t + "\")", "cast", (a, b) -> new Object[] {a, t}));
        Stream<Case> more = Stream.of(
                new Case("cast(a, (\"bigint\"))", "cast", (a, b) -> new Object[] {a, "bigint"}),
                new Case("concat(a, b)", "concat", (a, b) -> new Object[] {a, b}),
                new Case("concat(a, \"-\", b)", "concat", (a, b) -> new Object[] {a, "-", b}));
        return Stream.concat(Stream.concat(one, casts), more);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void formsAgreeWithTheGenericBody(Case c) {
        EvalHarness h = EvalHarness.of("SELECT " + c.call() + " AS r FROM src");
        String node = h.field().getClass().getSimpleName();
        assertTrue(node.startsWith("Call"), c.call() + " compiled to " + node);
        boolean twoColumns = c.call().contains("b)");
        for (Object a : VALUES) {
            for (Object b : twoColumns ? VALUES : new Object[] {null}) {
                Map<String, Object> row = new HashMap<>();
                row.put("a", a);
                row.put("b", b);
                Object[] args = c.args().apply(a, b);
                Object expected = outcome(() -> Cast.normalize(
                        EvalHarness.FUNCTIONS.lookup(c.fn()).scalar().apply(h.context(), args)));
                Object actual = outcome(() -> h.eval(row));
                String what = c.fn() + Arrays.deepToString(args);
                if (expected instanceof byte[] eb) {
                    assertInstanceOf(byte[].class, actual, what);
                    assertArrayEquals(eb, (byte[]) actual, what);
                } else {
                    assertEquals(expected, actual, what);
                }
            }
        }
    }

    private interface Eval {
        Object run();
    }

    private static Object outcome(Eval e) {
        try {
            return e.run();
        } catch (EvalException ex) {
            return "error: " + ex.getMessage();
        }
    }
}
