package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.ast.TimeUnitLiteral;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.TestFnContext;
import io.oort.engine.sql.value.EvalException;

/**
 * Facts from eKuiper's funcs_misc_test.go (TestCast, TestToSeconds, TestConvertTZ, TestHexIntFunctions,
 * TestMiscFuncNil), funcs_trans_test.go (compress/decompress), topo/operator/math_func_test.go (cast, chr, encode,
 * trunc), transform_functions.md, pkg/cast and the conformance cases conv_*.json.
 */
class ConversionFunctionsTest {

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

    private static final Expr TIME = new TimeUnitLiteral(Pos.NONE, TimeUnitLiteral.Unit.SS);

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    // ----------------------------------------------------------------------------------------------------- cast

    @Test
    void castTestCases() {
        // TestCast
        assertArrayEquals("bytea".getBytes(StandardCharsets.UTF_8), (byte[]) call("cast", "Ynl0ZWE=", "bytea"));
        assertArrayEquals("bytea".getBytes(StandardCharsets.UTF_8), (byte[]) call("cast",
                "bytea".getBytes(StandardCharsets.UTF_8), "bytea"));
        assertEquals("call func cast error: cannot convert int64(1) to bytea", err("cast", 1L, "bytea"));
        assertEquals(101L, call("cast", 101.5, "bigint"));
        assertEquals(true, call("cast", 1L, "boolean"));
        assertEquals(1.0, call("cast", 1L, "float"));
        assertEquals("1", call("cast", 1L, "string"));
    }

    @Test
    void castOperatorAndConformanceCases() {
        assertEquals(1L, call("cast", 1.2, "bigint"));
        assertEquals(5L, call("cast", 5L, "bigint"));
        assertEquals("1.2", call("cast", 1.2, "string"));
        assertEquals("true", call("cast", true, "string"));
        assertEquals(true, call("cast", "true", "boolean"));
        assertEquals(true, call("cast", "1", "boolean"));
        assertEquals(false, call("cast", 0.0, "boolean"));
        // cast(a * 1000, "datetime") with a = 1.62000273e+09
        assertEquals(Instant.ofEpochMilli(1620002730000L), call("cast", 1.62000273e+12, "datetime"));
    }

    @Test
    void castConversions() {
        assertEquals(255L, call("cast", "0xff", "bigint"));
        assertEquals(-12L, call("cast", "-12", "bigint"));
        assertEquals(1L, call("cast", true, "bigint"));
        assertEquals("call func cast error: not supported type conversion, got error cannot convert string(1.5) "
                + "to int", err("cast", "1.5", "bigint"));
        assertEquals(1.5, call("cast", "1.5", "float"));
        assertEquals(0.0, call("cast", false, "float"));
        assertEquals("call func cast error: not supported type conversion, got error cannot convert string(abc) "
                + "to float64", err("cast", "abc", "float"));
        // floats print with 'f' formatting, never an exponent
        assertEquals("1000000", call("cast", 1e6, "string"));
        assertEquals("0.000001", call("cast", 1e-6, "string"));
        assertEquals("abc", call("cast", "abc".getBytes(StandardCharsets.UTF_8), "string"));
        assertEquals("map[a:1 b:[x]]", call("cast", Map.of("b", List.of("x"), "a", 1L), "string"));
        ctx.zone = ZoneId.of("Asia/Shanghai");
        assertEquals("1970-01-01 08:00:01.5 +0800 CST", call("cast", Instant.ofEpochMilli(1500), "string"));
        assertEquals(false, call("cast", "F", "boolean"));
        assertEquals("call func cast error: not supported type conversion, got error strconv.ParseBool: parsing "
                + "\"yes\": invalid syntax", err("cast", "yes", "boolean"));
        assertEquals("call func cast error: not supported type conversion, got error cannot convert "
                + "[]interface {}([1]) to bool", err("cast", List.of(1L), "boolean"));
        // bytea: a string that is not base64 is taken as its bytes; Go requires the padding
        assertArrayEquals("YQ".getBytes(StandardCharsets.UTF_8), (byte[]) call("cast", "YQ", "bytea"));
        assertArrayEquals("a".getBytes(StandardCharsets.UTF_8), (byte[]) call("cast", "YQ==", "bytea"));
        assertEquals("call func cast error: unknow type, only support bigint, float, string, boolean and datetime",
                err("cast", 1L, "int"));
        assertEquals("call func cast error: expect string type for type parameter", err("cast", 1L, 2L));
        assertNull(call("cast", null, "bigint"));
    }

    @Test
    void castDatetime() {
        ctx.zone = ZoneId.of("Asia/Shanghai");
        Instant t = Instant.parse("2022-04-13T06:22:32.233Z");
        assertEquals(t, call("cast", t, "datetime"));
        assertEquals(t, call("cast", t.toEpochMilli(), "datetime"));
        assertEquals(t, call("cast", "2022-04-13T06:22:32.233Z", "datetime"));
        assertEquals(t, call("cast", "2022-04-13T14:22:32.233+08:00", "datetime"));
        // no zone: the configured zone
        assertEquals(t, call("cast", "2022-04-13 14:22:32.233", "datetime"));
        assertEquals(t, call("cast", "2022-04-13T14:22:32.233", "datetime"));
        assertEquals(Instant.parse("2022-04-12T16:00:00Z"), call("cast", "2022-04-13", "datetime"));
        assertEquals(Instant.parse("2022-04-12T16:00:00Z"), call("cast", "2022-4-13", "datetime"));
        assertEquals(Instant.parse("2022-04-13T06:22:00Z"), call("cast", "2022-4-13 14:22", "datetime"));
        assertEquals(Instant.parse("2022-04-13T06:22:32.5Z"), call("cast", "2022-04-13 06:22:32.5 +0000 UTC",
                "datetime"));
        assertEquals("call func cast error: Can't parse string as time: nope", err("cast", "nope", "datetime"));
        assertEquals("call func cast error: unsupported type to convert to timestamp true",
                err("cast", true, "datetime"));
    }

    @Test
    void castValidation() {
        assertNull(validate("cast", col("foo"), lit("bytea")));
        assertEquals("Expect 2 arguments but found 1.", validate("cast", col("foo")));
        for (String t : new String[] {"bigint", "float", "string", "boolean", "datetime"}) {
            assertNull(validate("cast", col("foo"), lit(t)));
        }
        assertEquals("Expect one of following value for the 2nd parameter: bigint, float, string, boolean, "
                + "datetime, bytea.", validate("cast", col("foo"), lit("test")));
        assertEquals("Expect string type for parameter 1", validate("cast", col("foo"), lit(1L)));
        assertNull(validate("cast", col("foo"), col("t")));
    }

    // ------------------------------------------------------------------------------------ to_seconds, convert_tz

    @Test
    void toSeconds() {
        assertEquals(1_000_000_000L, call("to_seconds", Instant.ofEpochSecond(1_000_000_000L)));
        assertEquals(1_000_000L, call("to_seconds", 1_000_000_999L));
        assertEquals(-1L, call("to_seconds", -1L));
        assertNull(call("to_seconds", (Object) null));
        assertEquals("call func to_seconds error: unsupported type to convert to timestamp true",
                err("to_seconds", true));
        assertEquals("Expect 1 arguments but found 0.", validate("to_seconds"));
    }

    @Test
    void convertTz() {
        Instant t = Instant.parse("2022-04-13T06:22:32.233Z");
        assertEquals(t, call("convert_tz", t, "UTC"));
        assertEquals(t, call("convert_tz", t, "Asia/Shanghai"));
        assertEquals(t, call("convert_tz", t, "Local"));
        assertEquals("call func convert_tz error: unknown time zone Unknown", err("convert_tz", t, "Unknown"));
        assertEquals("call func convert_tz error: unsupported type to convert to timestamp true",
                err("convert_tz", true, "UTC"));
        assertNull(validate("convert_tz", TIME, lit("0")));
        assertNull(validate("convert_tz", col("t"), lit("UTC")));
        assertEquals("Expect 2 arguments but found 1.", validate("convert_tz", lit("0")));
        assertEquals("Expect datetime type for parameter 1", validate("convert_tz", lit(0.0), lit(0.0)));
        assertEquals("Expect datetime type for parameter 1", validate("convert_tz", lit("0"), lit(0.0)));
        assertEquals("Expect datetime type for parameter 1", validate("convert_tz", lit(true), lit(0.0)));
        assertEquals("Expect string type for parameter 2", validate("convert_tz", col("t"), TIME));
        assertEquals("Expect string type for parameter 2", validate("convert_tz", col("t"), lit(true)));
    }

    // ------------------------------------------------------------------------------------------ encode, decode

    @Test
    void encodeDecode() {
        assertEquals("aGVsbG8=", call("encode", "hello", "base64"));
        assertEquals("aGVsbG8=", call("encode", "hello", "BASE64"));
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), (byte[]) call("decode", "aGVsbG8=", "base64"));
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), (byte[]) call("decode", "aGVs\nbG8=",
                "base64"));
        assertEquals("call func encode error: Only string type can be encoded.", err("encode", 1L, "base64"));
        assertEquals("call func encode error: Only base64 encoding is supported.", err("encode", "a", "hex"));
        assertEquals("call func decode error: Only string type can be decoded.", err("decode", 1L, "base64"));
        assertEquals("call func decode error: Only base64 decoding is supported.", err("decode", "a", "hex"));
        assertEquals("call func decode error: fail to decode base64 string: illegal base64 data at input byte 4",
                err("decode", "aGVs!G8=", "base64"));
        assertEquals("call func decode error: fail to decode base64 string: illegal base64 data at input byte 4",
                err("decode", "aGVsbG8", "base64"));
        assertEquals("call func encode error: <nil>", err("encode", "a", 1L));
        assertNull(call("encode", null, "base64"));
        assertNull(call("decode", "a", null));
    }

    @Test
    void encodeValidation() {
        for (String n : new String[] {"encode", "decode"}) {
            assertEquals("Expect 2 arguments but found 1.", validate(n, lit("a")));
            assertEquals("Expect string type for parameter 1", validate(n, lit(1L), lit("base64")));
            assertEquals("Expect string type for parameter 2", validate(n, col("a"), col("b")));
            assertEquals("Only base64 is supported for the 2nd parameter.", validate(n, col("a"), lit("hex")));
            assertNull(validate(n, col("a"), lit("base64")));
        }
    }

    // ----------------------------------------------------------------------------------------------------- chr

    @Test
    void chr() {
        assertEquals(0L, call("chr", 0L));
        assertEquals(97L, call("chr", "a"));
        assertEquals(97L, call("chr", 97L));
        assertEquals(97L, call("chr", 97.9));
        assertEquals(0L, call("chr", 1L << 32)); // Go rune(): int32
        assertEquals("call func chr error: Parameter length cannot larger than 1.", err("chr", "ab"));
        assertEquals("call func chr error: Parameter length cannot larger than 1.", err("chr", "中"));
        assertEquals("call func chr error: Only bigint, float and string type can be convert to char type.",
                err("chr", true));
        assertEquals("Expect int type for parameter 1", validate("chr", lit(1.5)));
        assertNull(validate("chr", lit("a")));
        assertNull(validate("chr", lit(1L)));
    }

    // --------------------------------------------------------------------------------------------------- trunc

    @Test
    void trunc() {
        assertEquals(3.14, call("trunc", 3.1415, 2L));
        assertEquals(3.0, call("trunc", 3L, 2L));
        // eKuiper's trunc actually rounds half away from zero
        assertEquals(3.15, call("trunc", 3.1459, 2L));
        assertEquals(-3.15, call("trunc", -3.1459, 2L));
        assertEquals("call func trunc error: The 2nd parameter must be int value.", err("trunc", 3.1, 2.0));
        assertEquals("call func trunc error: cannot convert string(a) to float64", err("trunc", "a", 2L));
        assertEquals("Expect number - float or int type for parameter 1", validate("trunc", lit("a"), lit(1L)));
        assertEquals("Expect int type for parameter 2", validate("trunc", lit(1.5), lit(1.5)));
    }

    // --------------------------------------------------------------------------------------- hex2dec, dec2hex

    @Test
    void hexFunctions() {
        // TestHexIntFunctions, transform_functions.md
        assertEquals(16L, call("hex2dec", "0x10"));
        assertEquals(16L, call("hex2dec", "10"));
        assertEquals(-255L, call("hex2dec", "-ff"));
        assertEquals("0x10", call("dec2hex", 16L));
        assertEquals("0x-10", call("dec2hex", -16L));
        assertEquals("call func hex2dec error: invalid hexadecimal value: zz", err("hex2dec", "0xzz"));
        assertEquals("call func hex2dec error: invalid hexadecimal value: 0X10", err("hex2dec", "0X10"));
        assertEquals("call func hex2dec error: invalid input type: 16 please input hex string", err("hex2dec", 16L));
        assertEquals("call func dec2hex error: cannot convert string(16) to int", err("dec2hex", "16"));
        assertEquals("Expect string type for parameter 1", validate("hex2dec", lit(1L)));
        // sic: eKuiper validates dec2hex's argument as a string
        assertEquals("Expect string type for parameter 1", validate("dec2hex", lit(16L)));
        assertNull(validate("dec2hex", col("a")));
    }

    // ------------------------------------------------------------------------------------------ compress

    @Test
    void compressRoundTrip() {
        for (String m : new String[] {"zlib", "gzip", "flate"}) {
            byte[] c = (byte[]) call("compress", "hello world", m);
            assertArrayEquals("hello world".getBytes(StandardCharsets.UTF_8), (byte[]) call("decompress", c, m), m);
        }
        byte[] z = (byte[]) call("compress", "hello world".getBytes(StandardCharsets.UTF_8), "zlib");
        assertEquals(0x78, z[0] & 0xff);
    }

    @Test
    void decompressEkuiperOutput() {
        // TestDecompressExec
        assertArrayEquals("hello world".getBytes(StandardCharsets.UTF_8), (byte[]) call("decompress",
                bytes(120, 156, 202, 72, 205, 201, 201, 87, 40, 207, 47, 202, 73, 1, 4, 0, 0, 255, 255, 26, 11, 4, 93),
                "zlib"));
        // TestCompressExec output (a stored block), read back
        assertArrayEquals("hello world".getBytes(StandardCharsets.UTF_8), (byte[]) call("decompress",
                bytes(120, 156, 0, 11, 0, 244, 255, 104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 3, 0, 26, 11,
                        4, 93), "zlib"));
    }

    @Test
    void compressErrors() {
        assertEquals("call func compress error: unsupported compressor: bar", err("compress", "foo", "bar"));
        assertEquals("call func decompress error: unsupported decompressor: bar", err("decompress", "foo", "bar"));
        assertEquals("call func compress error: require string or bytea parameter, but got 1",
                err("compress", 1L, "zlib"));
        assertEquals("call func decompress error: failed to decompress: zlib: invalid header",
                err("decompress", "foo", "zlib"));
        assertTrue(err("decompress", bytes(120, 156, 255, 255, 255), "zlib").startsWith("call func decompress error"));
        assertNull(call("compress", null, "zlib"));
        assertEquals("Expect string type for parameter 2", validate("compress", col("a"), lit(1L)));
    }

    // -------------------------------------------------------------------------------------------------- nil

    @Test
    void nilArguments() {
        // TestMiscFuncNil: these return nil for a nil argument
        for (String n : new String[] {"cast", "convert_tz", "encode", "decode", "trunc"}) {
            assertNull(call(n, null, "x"), n);
        }
        for (String n : new String[] {"to_seconds", "chr", "hex2dec", "dec2hex"}) {
            assertNull(call(n, (Object) null), n);
            assertNull(call(n, List.of()), n);
        }
    }
}
