package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.JsonFieldRef;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.MetaRef;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.ast.TimeUnitLiteral;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.TestFnContext;
import io.oort.engine.sql.value.EvalException;

/**
 * Facts from eKuiper's funcs_misc_test.go (TestCoalesceExec, TestDelay, TestKeyedStateValidation,
 * TestKeyedStateExec, TestProps, TestMiscFuncNil), topo/operator/misc_func_test.go (isNull, mqtt, meta, rule_id,
 * rule_start), other_functions.md and other_coalesce.json / other_rule_id.json / proj_meta_topic.json.
 */
class MiscFunctionsTest {

    private static final FunctionRegistry REG = FunctionRegistry.withBuiltins();
    private final TestFnContext ctx = new TestFnContext();

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

    private static MetaRef meta(String n) {
        return new MetaRef(Pos.NONE, null, n);
    }

    @AfterEach
    void reset() {
        MiscKeyedState.install(null);
    }

    @Test
    void coalesce() {
        // TestCoalesceExec and other_coalesce.json
        assertEquals("foo", call("coalesce", "foo", "bar", "2"));
        assertEquals("dd", call("coalesce", null, "dd", "1"));
        assertEquals("bar", call("coalesce", "bar", null, "1"));
        assertEquals("2", call("coalesce", null, null, "2"));
        assertNull(call("coalesce", null, null, null));
        // an empty array is a value
        List<Object> empty = new ArrayList<>();
        assertSame(empty, call("coalesce", null, empty));
        assertEquals("The arguments should be at least one.", validate("coalesce"));
        assertNull(validate("coalesce", col("a")));
    }

    @Test
    void isNull() {
        assertEquals(true, call("isnull", (Object) null));
        assertEquals(false, call("isnull", new ArrayList<>()));
        assertEquals(false, call("isnull", 0L));
        assertEquals(false, call("isnull", ""));
        assertEquals("Expect 1 arguments but found 2.", validate("isnull", col("a"), col("b")));
    }

    @Test
    void ruleIdRuleStartTstamp() {
        assertEquals("test", call("rule_id"));
        assertEquals(ctx.ruleStartMillis(), call("rule_start"));
        ctx.now = 12345L;
        assertEquals(12345L, call("tstamp"));
        assertEquals("Expect 0 arguments but found 1.", validate("rule_id", lit(1L)));
        assertEquals("Expect 0 arguments but found 1.", validate("tstamp", lit(1L)));
        assertEquals("Expect 0 arguments but found 1.", validate("rule_start", lit(1L)));
    }

    @Test
    void newUuidIsVersion1() {
        String a = (String) call("newuuid");
        String b = (String) call("newuuid");
        assertNotEquals(a, b);
        UUID u = UUID.fromString(a);
        assertEquals(1, u.version());
        assertEquals(2, u.variant());
        assertEquals(36, a.length());
        // the timestamp is now, in 100 ns since 1582-10-15
        long millis = (u.timestamp() - 0x01B21DD213814000L) / 10_000;
        assertTrue(Math.abs(millis - System.currentTimeMillis()) < 60_000);
        assertEquals("Expect 0 arguments but found 1.", validate("newuuid", lit(1L)));
    }

    @Test
    void metaAndMqttReturnTheResolvedValue() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("device", "device2");
        assertEquals("devices/device_001/message", call("meta", "devices/device_001/message"));
        assertSame(nested, call("meta", nested));
        assertNull(call("meta", (Object) null));
        assertEquals("devices/device_001/message", call("mqtt", "devices/device_001/message"));
        assertNull(call("mqtt", (Object) null));
        assertEquals("call func mqtt error: <nil>", err("mqtt", 1L));
    }

    @Test
    void metaValidation() {
        assertNull(validate("meta", meta("topic")));
        assertNull(validate("meta", meta("*")));
        Expr arrow = new BinaryExpr(Pos.NONE, BinaryOp.ARROW, meta("temperature"),
                new JsonFieldRef(Pos.NONE, "device"));
        assertNull(validate("meta", arrow));
        Expr deeper = new BinaryExpr(Pos.NONE, BinaryOp.ARROW, arrow, new JsonFieldRef(Pos.NONE, "name"));
        assertNull(validate("meta", deeper));
        assertEquals("Expect meta reference type for parameter 1", validate("meta", col("topic")));
        assertEquals("Expect meta reference type for parameter 1", validate("meta", lit("topic")));
        assertEquals("Expect 1 arguments but found 0.", validate("meta"));
    }

    @Test
    void mqttValidation() {
        assertNull(validate("mqtt", meta("topic")));
        assertNull(validate("mqtt", meta("messageid")));
        assertNull(validate("mqtt", meta("Topic")));
        assertEquals("Parameter of mqtt function can be only topic or messageid.", validate("mqtt", meta("qos")));
        assertEquals("Expect meta reference type for parameter 1", validate("mqtt", lit("topic")));
        assertEquals("Expect meta reference type for parameter 1", validate("mqtt", lit(1L)));
        assertEquals("Expect meta reference type for parameter 1", validate("mqtt",
                new TimeUnitLiteral(Pos.NONE, TimeUnitLiteral.Unit.SS)));
        assertEquals("Expect 1 arguments but found 2.", validate("mqtt", meta("topic"), meta("topic")));
    }

    @Test
    void props() {
        // TestProps
        assertEquals("call func props error: invalid input 12: must be property name of string type",
                err("props", 12L));
        ctx.now = 1_700_000_000_123L;
        assertEquals("1700000000123", call("props", "et"));
        String s1 = (String) call("props", "snowflake");
        String s2 = (String) call("props", "snowflake");
        assertNotEquals(s1, s2);
        assertTrue(Long.parseLong(s2) > Long.parseLong(s1));
        // node 1 in bits 12..21
        assertEquals(1L, (Long.parseLong(s1) >> 12) & 0x3ff);
        MiscProps.set("var1", "value1");
        assertEquals("value1", call("props", "var1"));
        MiscProps.set("var1", null);
        assertEquals("call func props error: ", err("props", "var1"));
        assertNull(call("props", (Object) null));
        assertEquals("Expect string type for parameter 1", validate("props", lit(1L)));
    }

    @Test
    void bypass() {
        assertEquals(3L, call("bypass", 3L));
        assertNull(call("bypass", (Object) null));
        assertNull(validate("bypass"));
        assertNull(validate("bypass", lit(1L), lit(2L)));
    }

    @Test
    void delay() {
        // TestDelay
        assertEquals("Expect 2 arguments but found 1.", validate("delay", lit("abc")));
        assertEquals("Expect number - float or int type for parameter 1", validate("delay", lit("1s"), lit("1s")));
        assertNull(validate("delay", lit(1000L), lit("1s")));
        long t0 = System.nanoTime();
        assertEquals("bar", call("delay", 10L, "bar"));
        assertTrue(System.nanoTime() - t0 >= 9_000_000L);
        assertEquals("call func delay error: cannot convert string(bar) to int", err("delay", "bar", "bar"));
        assertEquals("bar", call("delay", 1.9, "bar"));
        assertNull(call("delay", 1L, null));
    }

    @Test
    void keyedStateValidation() {
        // TestKeyedStateValidation
        assertEquals("Expect 3 arguments but found 1.", validate("get_keyed_state", lit("foo")));
        assertEquals("Expect 3 arguments but found 2.", validate("get_keyed_state", lit("foo"), lit("bar")));
        assertEquals("expect one of following value for the 2nd parameter: bigint, float, string, boolean, datetime",
                validate("get_keyed_state", lit("foo"), lit("bar"), lit("barz")));
        assertNull(validate("get_keyed_state", lit("foo"), lit("bigint"), lit("barz")));
        assertEquals("Expect string type for parameter 1", validate("get_keyed_state", lit("foo"), lit(1L),
                lit("x")));
    }

    @Test
    void keyedStateExec() {
        // TestKeyedStateExec
        assertEquals("call func get_keyed_state error: the args must be two or three",
                err("get_keyed_state", "foo"));
        assertEquals("call func get_keyed_state error: the args must be two or three",
                err("get_keyed_state", "foo", "bigint", "baz", "bar"));
        assertEquals(20.0, call("get_keyed_state", "foo", "float", 20.0));
        assertEquals("call func get_keyed_state error: key 1 is not a string", err("get_keyed_state", 1L, "float",
                0.0));
        Map<String, Object> store = Map.of("foo", "12", "t", 1000L);
        MiscKeyedState.install(store::get);
        assertEquals(12L, call("get_keyed_state", "foo", "bigint", 0L));
        assertEquals(12.0, call("get_keyed_state", "foo", "float", 0L));
        assertEquals("12", call("get_keyed_state", "foo", "string", 0L));
        assertEquals(Instant.ofEpochMilli(1000L), call("get_keyed_state", "t", "datetime", 0L));
        assertEquals("dflt", call("get_keyed_state", "missing", "string", "dflt"));
    }

    /** Every function of the five categories, with its valid arities. */
    private static final Map<String, int[]> ARITIES = new HashMap<>();

    static {
        for (String n : new String[] {"abs", "acos", "asin", "atan", "bitnot", "ceil", "ceiling", "cos", "cosh",
            "cot", "degrees", "exp", "floor", "ln", "radians", "sign", "sin", "sinh", "sqrt", "tan", "tanh", "length",
            "lower", "upper", "trim", "ltrim", "rtrim", "reverse", "numbytes", "md5", "sha1", "sha256", "sha384",
            "sha512", "crc32", "to_seconds", "chr", "hex2dec", "dec2hex", "isnull", "meta", "mqtt", "props"}) {
            ARITIES.put(n, new int[] {1});
        }
        for (String n : new String[] {"atan2", "bitand", "bitor", "bitxor", "mod", "pow", "power", "endswith",
            "startswith", "indexof", "lpad", "rpad", "regexp_matches", "regexp_substr", "cast", "convert_tz", "encode",
            "decode", "trunc", "compress", "decompress"}) {
            ARITIES.put(n, new int[] {2});
        }
        ARITIES.put("log", new int[] {1, 2});
        ARITIES.put("round", new int[] {1, 2});
        ARITIES.put("conv", new int[] {3});
        ARITIES.put("regexp_replace", new int[] {3});
        ARITIES.put("split_value", new int[] {3});
        ARITIES.put("substring", new int[] {2, 3});
        ARITIES.put("format", new int[] {2, 3});
        ARITIES.put("concat", new int[] {1, 2, 3});
        ARITIES.put("coalesce", new int[] {1, 2, 3});
        ARITIES.put("bypass", new int[] {0, 1, 2});
        ARITIES.put("get_keyed_state", new int[] {3});
        for (String n : new String[] {"pi", "rand", "newuuid", "tstamp", "rule_id", "rule_start"}) {
            ARITIES.put(n, new int[] {0});
        }
    }

    @Test
    void wrongTypesOnlyEverRaiseEvalException() {
        Map<String, Object> map = new HashMap<>();
        map.put("a", 1L);
        Object[] values = {null, 0L, -1L, 3L, Long.MAX_VALUE, Long.MIN_VALUE, 2.5, -0.0, Double.NaN,
            Double.POSITIVE_INFINITY, 1e300, "", "abc", "0x1f", "base64", "zlib", "bigint", "datetime", "[", "(a)",
            true, new byte[] {1, 2}, Instant.ofEpochSecond(1), List.of(1L, "x"), new ArrayList<>(), map,
            Integer.valueOf(7)};
        for (Map.Entry<String, int[]> e : ARITIES.entrySet()) {
            String fn = e.getKey();
            FunctionDef d = def(fn);
            for (int arity : e.getValue()) {
                int combos = (int) Math.pow(values.length, Math.min(arity, 2));
                for (int c = 0; c < combos; c++) {
                    Object[] args = new Object[arity];
                    int k = c;
                    for (int i = 0; i < arity; i++) {
                        args[i] = values[i < 2 ? k % values.length : (c + i) % values.length];
                        if (i < 2) {
                            k /= values.length;
                        }
                    }
                    if (fn.equals("delay")) {
                        continue;
                    }
                    try {
                        Object r = d.scalar().apply(ctx, args);
                        assertTrue(r == null || r instanceof Long || r instanceof Double || r instanceof String
                                || r instanceof Boolean || r instanceof byte[] || r instanceof Instant
                                || r instanceof List || r instanceof Map || r instanceof Integer,
                                () -> fn + " returned " + r.getClass());
                        assertTrue(!(r instanceof Integer) || fn.equals("coalesce") || fn.equals("bypass")
                                || fn.equals("meta") || fn.equals("get_keyed_state"), fn + " returned an Integer");
                    } catch (EvalException ex) {
                        assertNotNull(ex.getMessage());
                    } catch (RuntimeException ex) {
                        throw new AssertionError(fn + java.util.Arrays.deepToString(args) + " threw " + ex, ex);
                    }
                }
            }
        }
    }

    @Test
    void nilChecks() {
        // TestMiscFuncNil: isnull(nil) is true; the others with a nil check return nil
        assertEquals(true, call("isnull", (Object) null));
        for (String n : new String[] {"props", "mqtt"}) {
            assertNull(call(n, (Object) null), n);
            assertNull(call(n, new HashMap<>()), n);
        }
        assertNull(call("delay", null, "x"));
    }
}
