package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.ast.TimeUnitLiteral;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.TestFnContext;
import io.oort.engine.sql.value.EvalException;

/**
 * Facts from eKuiper's funcs_math_test.go (TestFuncMath, TestFuncMathNil, TestRoundFunc, TestConvFunc,
 * TestGetValidPrefix, TestRadians, TestDegrees), topo/operator/math_func_test.go, mathematical_functions.md and the
 * conformance cases math_*.json.
 */
class MathFunctionsTest {

    private static final FunctionRegistry REG = FunctionRegistry.withBuiltins();
    private final TestFnContext ctx = new TestFnContext();

    private static final String[] NAMES = {"abs", "acos", "asin", "atan", "atan2", "bitand", "bitor", "bitxor",
        "bitnot", "ceil", "ceiling", "cos", "cosh", "cot", "degrees", "exp", "floor", "ln", "log", "mod", "pi", "pow",
        "power", "radians", "rand", "round", "sign", "sin", "sinh", "sqrt", "tan", "tanh", "conv"};

    private static FunctionDef def(String name) {
        FunctionDef d = REG.lookup(name);
        assertNotNull(d, name);
        return d;
    }

    private Object call(String name, Object... args) {
        return def(name).scalar().apply(ctx, args);
    }

    private String err(String name, Object... args) {
        return assertThrows(EvalException.class, () -> call(name, args)).getMessage();
    }

    private static String validate(String name, Expr... args) {
        return def(name).validator().validate(List.of(args));
    }

    private static Literal lit(Object v) {
        return new Literal(Pos.NONE, v);
    }

    private static FieldRef col(String n) {
        return new FieldRef(Pos.NONE, null, n);
    }

    private static final Expr TIME = new TimeUnitLiteral(Pos.NONE, TimeUnitLiteral.Unit.SS);
    private static final Expr BOOL_EXPR = new BinaryExpr(Pos.NONE, BinaryOp.GT, col("a"), lit(1L));

    private static void assertDouble(double expected, Object actual) {
        assertInstanceOf(Double.class, actual);
        double a = (Double) actual;
        assertEquals(expected, a, Math.abs(expected) * 1e-15, () -> "expected " + expected + " got " + a);
    }

    // ------------------------------------------------------------------------------------------------ registry

    @Test
    void allNamesRegisteredAsScalars() {
        for (String n : NAMES) {
            FunctionDef d = def(n);
            assertEquals(FunctionKind.SCALAR, d.kind(), n);
            assertNotNull(d.scalar(), n);
        }
    }

    @Test
    void nullArgumentGivesNull() {
        // TestFuncMathNil: every math function but rand returns nil for a nil argument
        for (String n : NAMES) {
            if (n.equals("rand") || n.equals("pi")) {
                continue;
            }
            int arity = switch (n) {
                case "atan2", "bitand", "bitor", "bitxor", "mod", "pow", "power" -> 2;
                case "conv" -> 3;
                default -> 1;
            };
            Object[] args = new Object[arity];
            for (int i = 1; i < arity; i++) {
                args[i] = 2L;
            }
            assertNull(call(n, args), n);
            // an empty array or object counts as nil too
            args[0] = new ArrayList<>();
            assertNull(call(n, args), n);
            args[0] = Map.of();
            assertNull(call(n, args), n);
        }
        assertNull(call("pow", 2L, null));
        assertNull(call("round", 2.5, null));
        assertNull(call("log", 2.0, null));
    }

    // ---------------------------------------------------------------------------------------------------- abs

    @Test
    void absKeepsIntegersIntegral() {
        assertEquals(10L, call("abs", -10L));
        assertEquals(10L, call("abs", 10L));
        assertEquals(0L, call("abs", 0L));
        assertEquals(10.5, call("abs", -10.5));
        assertEquals(1.1, call("abs", -1.1));
        assertEquals(3L, call("abs", Integer.valueOf(-3)));
        // Go computes through float64
        assertEquals(9007199254740992L, call("abs", -9007199254740993L));
    }

    @Test
    void absWrongType() {
        assertEquals("call func abs error: only float64 & int type are supported", err("abs", "x"));
        assertEquals("call func abs error: only float64 & int type are supported", err("abs", true));
        assertEquals("call func abs error: only float64 & int type are supported", err("abs", List.of(1L)));
    }

    // ------------------------------------------------------------------------------------ rows of TestFuncMath

    @Test
    void rowMinus10() {
        assertDouble(-10, call("ceil", -10L));
        assertDouble(4.5399929762484854e-05, call("exp", -10L));
        assertEquals("The argument must be a strictly positive number but got -10", err("ln", -10L));
        assertEquals("The argument must be a strictly positive number but got -10", err("log", -10L));
        assertEquals("The argument must be a positive number but got -10", err("sqrt", -10L));
        assertEquals(100.0, call("power", -10L, 2L));
        assertEquals(2L, call("bitand", -10L, 2L));
        assertEquals(-10L, call("bitor", -10L, 2L));
        assertNull(call("acos", -10L));
        assertNull(call("asin", -10L));
        assertDouble(-1.4711276743037347, call("atan", -10L));
        assertDouble(-1.373400766945016, call("atan2", -10L, 2L));
        assertEquals(-12L, call("bitxor", -10L, 2L));
        assertEquals(9L, call("bitnot", -10L));
        assertDouble(-0.8390715290764524, call("cos", -10L));
        assertDouble(11013.232920103324, call("cosh", -10L));
        assertEquals(-0.0, call("mod", -10L, 2L));
        assertEquals(-10.0, call("round", -10L));
        assertEquals(-1L, call("sign", -10L));
        assertDouble(0.5440211108893698, call("sin", -10L));
        assertDouble(-11013.232874703393, call("sinh", -10L));
        assertDouble(-0.6483608274590866, call("tan", -10L));
        assertDouble(-0.9999999958776927, call("tanh", -10L));
        assertEquals(-10.0, call("floor", -10L));
        assertEquals(Math.PI, call("pi"));
        assertDouble(-1.5423510453569202, call("cot", -10L));
        assertDouble(-0.17453292519943295, call("radians", -10L));
        assertDouble(-572.9577951308232, call("degrees", -10L));
    }

    @Test
    void row10() {
        assertEquals(10L, call("abs", 10L));
        assertEquals(10.0, call("ceil", 10L));
        assertDouble(22026.465794806718, call("exp", 10L));
        assertDouble(2.302585092994046, call("ln", 10L));
        assertEquals(1.0, call("log", 10L));
        assertDouble(3.1622776601683795, call("sqrt", 10L));
        assertEquals(100.0, call("power", 10L, 2L));
        assertEquals(2L, call("bitand", 10L, 2L));
        assertEquals(10L, call("bitor", 10L, 2L));
        assertEquals(8L, call("bitxor", 10L, 2L));
        assertEquals(-11L, call("bitnot", 10L));
        assertEquals(0.0, call("mod", 10L, 2L));
        assertEquals(10.0, call("round", 10L));
        assertEquals(1L, call("sign", 10L));
        assertDouble(1.5423510453569202, call("cot", 10L));
    }

    @Test
    void rowMinus10Point5() {
        assertEquals(10.5, call("abs", -10.5));
        assertEquals(-10.0, call("ceil", -10.5));
        assertEquals("The argument must be a strictly positive number but got -10.5", err("ln", -10.5));
        assertEquals("The argument must be a strictly positive number but got -10.5", err("log", -10.5));
        assertEquals("The argument must be a positive number but got -10.5", err("sqrt", -10.5));
        assertEquals(110.25, call("power", -10.5, 2L));
        assertEquals("call func bitand error: Expect int type for the first operand but got -10.5",
                err("bitand", -10.5, 2L));
        assertEquals("call func bitor error: Expect int type for the first operand but got -10.5",
                err("bitor", -10.5, 2L));
        assertEquals("call func bitxor error: Expect int type for the first operand but got -10.5",
                err("bitxor", -10.5, 2L));
        assertEquals("call func bitnot error: Expect int type for operand but got -10.5", err("bitnot", -10.5));
        assertEquals(-0.5, call("mod", -10.5, 2L));
        assertEquals(-11.0, call("round", -10.5));
        assertEquals(-1L, call("sign", -10.5));
        assertEquals(-11.0, call("floor", -10.5));
    }

    @Test
    void row10Point5() {
        assertEquals(11.0, call("ceil", 10.5));
        assertEquals(0.5, call("mod", 10.5, 2L));
        assertEquals(11.0, call("round", 10.5));
        assertEquals(10.0, call("floor", 10.5));
        assertDouble(1.0211892990699381, call("log", 10.5));
        assertEquals("call func bitand error: Expect int type for the second operand but got 2.5",
                err("bitand", 10L, 2.5));
    }

    @Test
    void row0() {
        assertEquals(0L, call("abs", 0L));
        assertEquals(1.0, call("exp", 0L));
        assertEquals(Double.NEGATIVE_INFINITY, call("ln", 0L));
        assertEquals(Double.NEGATIVE_INFINITY, call("log", 0L));
        assertEquals(0.0, call("sqrt", 0L));
        assertEquals(0.0, call("power", 0L, 2L));
        assertDouble(Math.PI / 2, call("acos", 0L));
        assertEquals(0.0, call("asin", 0L));
        assertEquals(2L, call("bitxor", 0L, 2L));
        assertEquals(-1L, call("bitnot", 0L));
        assertEquals(1.0, call("cos", 0L));
        assertEquals(1.0, call("cosh", 0L));
        assertEquals(0L, call("sign", 0L));
        assertEquals(0.0, call("tan", 0L));
        assertEquals("call func cot error: out-of-range error", err("cot", 0L));
        assertEquals(0.0, call("radians", 0L));
        assertEquals(0.0, call("degrees", 0L));
    }

    @Test
    void bitFunctionsAcceptIntegralFloats() {
        // cast.ToInt(STRICT) accepts a float without fraction
        assertEquals(1L, call("bitand", 1.0, 1L));
        assertEquals("call func bitand error: Expect int type for the first operand but got abc",
                err("bitand", "abc", 1L));
    }

    // ------------------------------------------------------------------------------------------ documented values

    @Test
    void operatorTestValues() {
        // topo/operator/math_func_test.go
        assertEquals(0.0, call("acos", 1L));
        assertEquals(1.5707963267948966, call("asin", 1L));
        assertEquals(0.7853981633974483, call("atan", 1L));
        assertEquals(0.7853981633974483, call("atan2", 1L, 1L));
        assertEquals(1L, call("bitand", 1L, 1L));
        assertEquals(1L, call("bitor", 1L, 1L));
        assertEquals(0L, call("bitxor", 1L, 1L));
        assertEquals(-2L, call("bitnot", 1L));
        assertEquals(2.0, call("ceil", 1.6));
        assertEquals(3.3201169227365472, call("exp", 1.2));
        assertEquals(0.0, call("ln", 1L));
        assertEquals(1.0, call("log", 10L));
        assertEquals(1.0, call("mod", 10L, 3L));
        assertEquals(1000.0, call("power", 10L, 3L));
        assertEquals(10.0, call("round", 10.2));
        assertEquals(1L, call("sign", 10.2));
        assertEquals(-1L, call("sign", -2L));
        assertEquals(0.0, call("sin", 0L));
        assertEquals(0.0, call("sinh", 0L));
        assertEquals(2.0, call("sqrt", 4L));
        assertEquals(0.7615941559557649, call("tanh", 1L));
        // mathematical_functions.md
        assertEquals(42.0, call("round", 42.4));
        assertEquals(42.44, call("round", 42.4382, 2L));
    }

    @Test
    void conformanceValues() {
        // math_power_sqrt.json, math_exp_ln_log.json, math_trig.json, math_mod.json, math_bitwise.json
        assertEquals(100.0, call("power", 10L, 2L));
        assertEquals(3.1622776601683795, call("sqrt", 10L));
        assertEquals(2.0, call("sqrt", 4L));
        assertEquals(0.0, call("ln", 1.0));
        assertEquals(1.0, call("log", 10.0));
        assertEquals(1.0, call("cos", 0.0));
        assertEquals(0.0, call("sin", 0.0));
        assertEquals(0.0, call("mod", 10L, 2L));
        assertEquals(-0.5, call("mod", -10.5, 2L));
        assertEquals(-11L, call("bitnot", 10L));
    }

    @Test
    void logWithBase() {
        // log(b, x) = ln(x) / ln(b)
        assertEquals(3.0, call("log", 2L, 8L));
        assertEquals(2.0, call("log", 10L, 100L));
        assertEquals(3.0, call("log", 1000L)); // Go: Log(x) * (1/Ln10)
        assertEquals("The argument must be a strictly positive number but got -2", err("log", -2L, 8L));
    }

    @Test
    void modQuirks() {
        assertEquals(-2.0, call("mod", -5.0, 3L)); // sign of the dividend
        assertEquals(2.0, call("mod", 5L, -3L));
        assertTrue(Double.isNaN((Double) call("mod", 5L, 0L)));
        // eKuiper re-checks the first conversion error: a non-number divisor reads as 0
        assertTrue(Double.isNaN((Double) call("mod", 5L, "x")));
        assertEquals("call func mod error: cannot convert string(x) to float64", err("mod", "x", 2L));
    }

    @Test
    void floatFunctionsRejectStrings() {
        for (String n : new String[] {"acos", "asin", "atan", "cos", "cosh", "exp", "floor", "ceil", "ln", "log",
            "sign", "sin", "sinh", "sqrt", "tan", "tanh", "cot", "radians", "degrees", "round"}) {
            assertEquals("call func " + (n.equals("ceil") ? "ceiling" : n) + " error: cannot convert string(abc) to "
                    + "float64", err(n, "abc"), n);
        }
        assertEquals("call func power error: cannot convert bool(true) to float64", err("pow", true, 2L));
        assertEquals("call func atan2 error: cannot convert string(x) to float64", err("atan2", 1L, "x"));
    }

    // ---------------------------------------------------------------------------------------------------- round

    @Test
    void roundFunc() {
        // one argument (a compiled form of its own) is round(x, 0)
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        List<Object> xs = new ArrayList<>(List.of(0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, -0.0, 0.0, 1e300,
                -1e300, 4503599627370495.5, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 7L, -7L, Long.MAX_VALUE, 3, 2.5f));
        for (int i = 0; i < 10_000; i++) {
            xs.add((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-5, 20)));
        }
        for (Object x : xs) {
            assertEquals(call("round", x, 0L), call("round", x), () -> "round(" + x + ")");
        }
        // TestRoundFunc
        assertEquals(16.0, call("round", 16L, 2L));
        assertEquals(25.99, call("round", 25.987, 2L));
        assertEquals(25.9, call("round", 25.919, 1L));
        assertEquals(10.0, call("round", 9.9999, 3L));
        assertEquals(57000.0, call("round", 56788.34, -3L));
        assertEquals(1.8e+306 + 0.57, call("round", 1.8e+306 + 0.56784, 2L));
        assertEquals(11.0, call("round", 10.5));
        assertEquals(-11.0, call("round", -10.5));
        assertEquals("call func round error: The second argument must be an integer: cannot convert "
                + "[]interface {}([sa]) to int", err("round", 1L, List.of("sa")));
        assertEquals("call func round error: cannot convert []interface {}([sa]) to float64",
                err("round", List.of("sa"), 23L));
        // math_round.json
        assertEquals(25.92, call("round", 25.919, 2L));
        // half away from zero, not Java's half up
        assertEquals(-3.0, call("round", -2.5));
        assertEquals(3.0, call("round", 2.5));
        assertEquals(0.0, call("round", 0.49999999999999994));
        // precision is converted with SAMEKIND: floats are truncated
        assertEquals(25.99, call("round", 25.987, 2.9));
    }

    @Test
    void roundValidation() {
        assertEquals("Expect 1 or 2 arguments only", validate("round", lit(1L), lit(2L), lit(3L)));
        assertEquals("Expect 1 or 2 arguments only", validate("round"));
        assertEquals("Expect number - float or int type for parameter 1", validate("round", lit("1"), lit("2")));
        assertEquals("Expect number - float or int type for parameter 2", validate("round", lit(1L), lit("2")));
        assertNull(validate("round", lit(1.5), lit(2L)));
        assertNull(validate("round", col("a")));
    }

    // ----------------------------------------------------------------------------------------------------- conv

    @Test
    void convFunc() {
        // TestConvFunc and mathematical_functions.md
        assertEquals("1010", call("conv", "a", 16L, 2L));
        assertEquals("172", call("conv", "6E", 18L, 8L));
        assertEquals("-H", call("conv", "-17", 10L, -18L));
        assertEquals("-H", call("conv", -17L, 10L, -18L));
        assertEquals("2D3FGB0B9CG4BD1H", call("conv", "-17", 10L, 18L));
        assertEquals("1", call("conv", "+18aZ", 7L, 36L));
        assertEquals("7FFFFFFFFFFFFFFF", call("conv", "18446744073709551615", -10L, 16L));
        assertEquals("C", call("conv", "12F", -10L, 16L));
        assertEquals("255", call("conv", "  FF ", 16L, 10L));
        assertEquals("0", call("conv", "aa", 10L, 2L));
        assertEquals("0", call("conv", " A", -10L, 16L));
        assertEquals("0", call("conv", "random_str", 10L, 8L));
        assertEquals("0", call("conv", "a6a", 10L, 8L));
        assertNull(call("conv", "a6a", 1L, 8L));
        assertNull(call("conv", "a6a", 10L, 37L));
        assertEquals("call func conv error: strconv.ParseUint: parsing \"18446744073709551616\": value out of range",
                err("conv", "18446744073709551616", 10L, 10L));
    }

    @Test
    void convValidPrefix() {
        // TestGetValidPrefix
        assertEquals("-1234", MathGo.validPrefix("-123456D1f", 5));
        assertEquals("12a", MathGo.validPrefix("+12azD", 16));
        assertEquals("", MathGo.validPrefix("+", 12));
    }

    @Test
    void convValidation() {
        assertEquals("Expect 3 arguments but found 2.", validate("conv", lit("a"), lit(16L)));
        assertEquals("Expect integer type for parameter 2", validate("conv", lit("a"), col("b"), lit(2L)));
        assertEquals("Expect integer type for parameter 3", validate("conv", lit("a"), lit(16L), lit(2.0)));
        assertNull(validate("conv", col("a"), lit(10L), lit(-18L)));
    }

    // ------------------------------------------------------------------------------------- radians and degrees

    @Test
    void radiansDegrees() {
        // TestRadians / TestDegrees: exact equalities
        assertEquals(Math.PI / 2, call("radians", 90L));
        assertEquals(Math.PI, call("radians", 180L));
        assertEquals(Math.PI / 4, call("radians", 45L));
        assertEquals(90.0, call("degrees", Math.PI / 2));
        assertEquals(180.0, call("degrees", Math.PI));
        assertEquals(45.0, call("degrees", Math.PI / 4));
    }

    // ------------------------------------------------------------------------------------------------ pow & misc

    @Test
    void powGoSpecialCases() {
        assertEquals(1.0, call("pow", 1L, Double.NaN)); // Go: Pow(1, y) = 1 for any y
        assertEquals(1.0, call("pow", -1.0, Double.POSITIVE_INFINITY)); // Go: Pow(-1, ±Inf) = 1
        assertEquals(0.001, call("pow", 10L, -3L));
        assertEquals(1024.0, call("pow", 2L, 10L));
        assertTrue(Double.isNaN((Double) call("pow", -8L, 1.0 / 3)));
        assertDouble(Math.sqrt(2), call("pow", 2L, 0.5));
        assertDouble(8.0, call("pow", 4L, 1.5));
        assertDouble(0.125, call("pow", 2L, -3L));
        assertEquals(Double.POSITIVE_INFINITY, call("pow", 0L, -1L));
        assertEquals(Double.NEGATIVE_INFINITY, call("pow", -0.0, -1L));
    }

    @Test
    void randAndPi() {
        Object r = call("rand");
        assertInstanceOf(Double.class, r);
        assertTrue((Double) r >= 0 && (Double) r < 1);
        assertEquals(3.141592653589793, call("pi"));
        assertEquals("Expect 0 arguments but found 1.", validate("rand", lit(1L)));
        assertEquals("Expect 0 arguments but found 1.", validate("pi", lit(1L)));
    }

    @Test
    void trigNanBecomesNull() {
        assertNull(call("acos", 2L));
        assertNull(call("asin", -2.0));
        assertEquals(Double.POSITIVE_INFINITY, call("exp", 1000L));
        assertNull(call("sin", Double.POSITIVE_INFINITY));
    }

    // ------------------------------------------------------------------------------------------------ validators

    @Test
    void validators() {
        assertEquals("Expect 1 arguments but found 2.", validate("abs", lit(1L), lit(2L)));
        assertEquals("Expect number - float or int type for parameter 1", validate("abs", lit("a")));
        assertEquals("Expect number - float or int type for parameter 1", validate("sin", TIME));
        assertEquals("Expect number - float or int type for parameter 1", validate("cos", BOOL_EXPR));
        assertNull(validate("sqrt", col("a")));
        assertNull(validate("ceil", lit(1.5)));
        assertEquals("Expect 2 arguments but found 1.", validate("atan2", lit(1L)));
        assertEquals("Expect number - float or int type for parameter 2", validate("power", lit(1L), lit(true)));
        assertEquals("Expect int type for parameter 1", validate("bitand", lit(1.0), lit(1L)));
        assertEquals("Expect int type for parameter 2", validate("bitor", lit(1L), lit("1")));
        assertNull(validate("bitxor", col("a"), lit(1L)));
        assertEquals("Expect int type for parameter 1", validate("bitnot", lit(1.5)));
        assertEquals("Expect 1 arguments but found 0.", validate("bitnot"));
        assertNull(validate("bitnot", lit(-3L)));
        assertEquals("Expect 1 or 2 arguments only", validate("log"));
        assertEquals("Expect number - float or int type for parameter 1", validate("log", lit("a"), lit(1L)));
        assertNull(validate("log", lit(2L), lit("x"))); // eKuiper only checks the first
    }
}
