package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.TestFnContext;
import io.oort.engine.sql.value.EvalException;

/**
 * Cases from eKuiper's funcs_misc_test.go (TestToJson, TestFromJson), topo/operator/misc_func_test.go
 * (TestJsonPathFunc_Apply1) and docs/en_US/sqls/json_expr.md, plus Go encoding/json behaviour.
 */
class JsonFunctionsTest {

    private static final FunctionRegistry REGISTRY = FunctionRegistry.withBuiltins();
    private final TestFnContext ctx = new TestFnContext();

    private Object call(String name, Object... args) {
        return REGISTRY.lookup(name).scalar().apply(ctx, args);
    }

    private String error(String name, Object... args) {
        return assertThrows(EvalException.class, () -> call(name, args)).getMessage();
    }

    private static String validate(String name, Expr... args) {
        return REGISTRY.lookup(name).validator().validate(Arrays.asList(args));
    }

    private static Literal lit(Object v) {
        return new Literal(Pos.NONE, v);
    }

    private static FieldRef col(String name) {
        return new FieldRef(Pos.NONE, null, name);
    }

    @SafeVarargs
    private static <T> List<T> list(T... items) {
        return Arrays.asList(items);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> equipment() {
        return map("rings", list(map("name", "ring of despair", "weight", 0.1),
                map("name", "ring of strength", "weight", 2.4)),
                "arm_right", "Sword of flame", "arm_left", "Shield of faith");
    }

    // ------------------------------------------------------------------------------------------- to_json

    @Test
    void toJsonWritesLikeGoEncodingJson() {
        assertEquals("\"foo\"", call("to_json", "foo"));
        assertEquals("{\"key1\":\"bar\",\"key2\":\"foo\"}", call("to_json", map("key2", "foo", "key1", "bar")));
        assertEquals("{\"a\":[1,2.5,true,null,{\"b\":\"c\"}]}",
                call("to_json", map("a", list(1L, 2.5, true, null, map("b", "c")))));
        assertEquals("3", call("to_json", 3L));
        assertEquals("true", call("to_json", true));
        assertEquals("\"\\u003ca\\u0026b\\u003e \\\"q\\\" \\\\ \\n\\t\\u0001 \\u2028\"",
                call("to_json", "<a&b> \"q\" \\ \n\t\u0001 \u2028"));
        assertEquals("\"aGk=\"", call("to_json", "hi".getBytes(StandardCharsets.UTF_8)));
        assertEquals("{\"B\":1,\"a\":2,\"\u00e9\":3}", call("to_json", map("\u00e9", 3L, "a", 2L, "B", 1L)));
    }

    @Test
    void toJsonFloatsUseExponentOnlyOutside1eMinus6To1e21() {
        assertEquals("0.1", call("to_json", 0.1));
        assertEquals("100", call("to_json", 100.0));
        assertEquals("123456789", call("to_json", 123456789.0));
        assertEquals("0.000001", call("to_json", 0.000001));
        assertEquals("1e-7", call("to_json", 1e-7));
        assertEquals("1.5e-10", call("to_json", 1.5e-10));
        assertEquals("100000000000000000000", call("to_json", 1e20));
        assertEquals("1e+21", call("to_json", 1e21));
        assertEquals("-1.234e+25", call("to_json", -1.234e25));
        assertEquals("0", call("to_json", 0.0));
    }

    @Test
    void toJsonDatetimesAreRfc3339InTheConfiguredZone() {
        assertEquals("\"2023-11-14T22:13:20Z\"", call("to_json", Instant.ofEpochMilli(1_700_000_000_000L)));
        assertEquals("\"2023-11-14T22:13:20.123Z\"", call("to_json", Instant.ofEpochMilli(1_700_000_000_123L)));
        ctx.zone = ZoneId.of("Asia/Shanghai");
        assertEquals("\"2023-11-15T06:13:20+08:00\"", call("to_json", Instant.ofEpochMilli(1_700_000_000_000L)));
    }

    @Test
    void toJsonNullsAndFailures() {
        assertNull(call("to_json", (Object) null));
        assertNull(call("to_json", List.of()));
        assertNull(call("to_json", Map.of()));
        assertEquals("fail to convert NaN to json", error("to_json", Double.NaN));
        assertEquals("fail to convert [+Inf] to json", error("to_json", list(Double.POSITIVE_INFINITY)));
        assertEquals("Expect 1 arguments but found 2.", validate("to_json", col("a"), col("b")));
        assertNull(validate("to_json", lit(1L)));
    }

    // ---------------------------------------------------------------------------------------- parse_json

    @Test
    void parseJsonReadsLikeGoUnmarshal() {
        assertEquals("foo", call("parse_json", "\"foo\""));
        assertNull(call("parse_json", "null"));
        assertNull(call("parse_json", (Object) null));
        assertEquals(map("key1", "bar", "key2", "foo"), call("parse_json", "{\"key1\":\"bar\",\"key2\":\"foo\"}"));
        assertEquals(list(map("key1", "bar", "key2", "foo")),
                call("parse_json", "[{\"key1\":\"bar\",\"key2\":\"foo\"}]"));
        // every number is a float64
        assertEquals(list(1.0, -2.5, 300.0, 0.0), call("parse_json", " [1, -2.5, 3e2, 0] "));
        assertEquals(map("a", list(true, false, null), "b", "x\u00e9\ud83d\ude00/\n"),
                call("parse_json", "{\"a\":[true,false,null],\"b\":\"x\\u00e9\\ud83d\\ude00\\/\\n\"}"));
        assertEquals(map("a", 2.0), call("parse_json", "{\"a\":1,\"a\":2}"));
        assertEquals("\ufffd", call("parse_json", "\"\\ud800\""));
        assertEquals(map("k", "v"), call("parse_json", "{\"k\":\"v\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parseJsonErrorsHaveGoTexts() {
        assertEquals("fail to parse json: invalid character 'k' looking for beginning of value",
                error("parse_json", "key1"));
        assertEquals("fail to parse json: unexpected end of JSON input", error("parse_json", "{\"a\":"));
        assertEquals("fail to parse json: unexpected end of JSON input", error("parse_json", ""));
        assertEquals("fail to parse json: invalid character ']' looking for beginning of value",
                error("parse_json", "[1,]"));
        assertEquals("fail to parse json: invalid character '1' after object key", error("parse_json", "{\"a\" 1}"));
        assertEquals("fail to parse json: invalid character 'x' after object key:value pair",
                error("parse_json", "{\"a\":1 x}"));
        assertEquals("fail to parse json: invalid character '2' after array element", error("parse_json", "[1 2]"));
        assertEquals("fail to parse json: invalid character '1' after top-level value", error("parse_json", "01"));
        assertEquals("fail to parse json: invalid character 'x' in literal true (expecting 'e')",
                error("parse_json", "trux"));
        assertEquals("fail to parse json: invalid character 'q' in string escape code", error("parse_json", "\"\\q\""));
        assertEquals("fail to parse json: invalid character '\\n' in string literal", error("parse_json", "\"a\nb\""));
        assertEquals("fail to parse json: invalid character '}' looking for beginning of object key string",
                error("parse_json", "{\"a\":1,}"));
        assertEquals("fail to parse json: invalid character 'x' after decimal point in numeric literal",
                error("parse_json", "1.x"));
        assertEquals("fail to parse json: invalid character '\\'' looking for beginning of value",
                error("parse_json", "'a'"));
        assertEquals("fail to parse json: json: cannot unmarshal number 1e999 into Go value of type float64",
                error("parse_json", "[1e999]"));
        assertEquals("fail to convert map[a:1] to string", error("parse_json", map("a", 1L)));
    }

    @Test
    void parseJsonValidation() {
        assertEquals("Expect string type for parameter 1", validate("parse_json", lit(1L)));
        assertEquals("Expect 1 arguments but found 0.", validate("parse_json"));
        assertNull(validate("parse_json", col("s")));
    }

    // ------------------------------------------------------------------------------------------ json path

    @Test
    void jsonPathQueryEkuiperCases() {
        Map<String, Object> eq = equipment();
        assertEquals("Sword of flame", call("json_path_query", eq, "$.arm_right"));
        assertEquals(list(0.1, 2.4), call("json_path_query", eq, "$.rings[*].weight"));
        assertEquals(0.1, call("json_path_query_first", eq, "$.rings[*].weight"));
        assertEquals(list(map("name", "ring of strength", "weight", 2.4)),
                call("json_path_query", eq, "$.rings[? @.weight>1]"));
        assertEquals(list("ring of strength"), call("json_path_query", eq, "$.rings[? @.weight>1].name"));
        assertEquals(list("ring of strength"), call("json_path_query", eq, "$.rings[? (@.weight>1)].name"));
        assertEquals(list("ring of strength"), call("json_path_query", eq, "$.rings[?(@.weight>1)].name"));
        assertEquals(false, call("json_path_exists", eq, "$.rings[? @.weight>5]"));
        assertEquals(false, call("json_path_exists", eq, "$.ring1"));
        assertEquals(true, call("json_path_exists", eq, "$.rings"));
        Map<String, Object> numbers = map("rings", list(0.1, 2.4));
        assertEquals(list(0.1, 2.4), call("json_path_query", numbers, "$.rings[*]"));
        assertEquals(list(0.1, 2.4), call("json_path_query", numbers, "$.rings"));
        List<Object> array = list(map("rings", list(0.1, 2.4), "arm.left", "Shield of faith"));
        assertEquals(2.4, call("json_path_query", array, "$[0].rings[1]"));
        assertEquals("Shield of faith", call("json_path_query", array, "$[0][\"arm.left\"]"));
    }

    @Test
    void jsonPathOverJsonStrings() {
        String doc = "{\"rings\": [0.1, 2.4],\"arm.right\": \"Sword of flame\",\"arm.left\":  \"Shield of faith\"}";
        assertEquals("Shield of faith", call("json_path_query", doc, "$[\"arm.left\"]"));
        assertEquals("Shield of faith", call("json_path_query", "[" + doc + "]", "$[0][\"arm.left\"]"));
        assertEquals("Shield of faith", call("json_path_query", doc, "$['arm.left']"));
        assertEquals("data 'nope' is not a valid json string", error("json_path_query", "nope", "$.a"));
    }

    @Test
    void jsonPathSelectors() {
        Map<String, Object> doc = map("a", list(0L, 1L, 2L, 3L, 4L),
                "people", list(map("name", "x", "age", 20L), map("name", "y", "age", 40L, "kids", list(
                        map("name", "z", "age", 5L)))));
        assertEquals(doc, call("json_path_query", doc, "$"));
        assertEquals(list(1L, 2L), call("json_path_query", doc, "$.a[1:3]"));
        assertEquals(list(3L, 4L), call("json_path_query", doc, "$.a[-2:]"));
        assertEquals(list(0L, 1L), call("json_path_query", doc, "$.a[:2]"));
        assertEquals(list(0L, 2L, 4L), call("json_path_query", doc, "$.a[::2]"));
        assertEquals(list(4L, 3L, 2L, 1L, 0L), call("json_path_query", doc, "$.a[::-1]"));
        // jsonpath 0.1.1 compares the bounds before resolving negative ones
        assertEquals(List.of(), call("json_path_query", doc, "$.a[:-1]"));
        assertEquals(list(0L, 4L), call("json_path_query", doc, "$.a[0,4]"));
        assertEquals(list(0L), call("json_path_query", doc, "$.a[0,9]"));
        assertEquals(list("x", "y", "z"), call("json_path_query", doc, "$..name"));
        assertEquals(list("y"), call("json_path_query", doc, "$.people[?(@.name == \"y\")].name"));
        assertEquals(list("y"), call("json_path_query", doc, "$.people[?(@.name == 'y')].name"));
        assertEquals(list("x", "y"), call("json_path_query", doc, "$.people[?(@.name =~ \"^[xy]$\")].name"));
        assertEquals(list("y"), call("json_path_query", doc, "$.people[?(@.age > 30 && @.age < 50)].name"));
        // || short-circuits on true; a list is no boolean, so the second person's condition fails and is skipped
        assertEquals(list("x"), call("json_path_query", doc, "$.people[?(@.age < 30 || @.kids)].name"));
        // "in" is Go's reflect.DeepEqual: a float64 constant matches float64 data, not an int64
        assertEquals(List.of(), call("json_path_query", doc, "$.people[?(@.age in [20, 21])].name"));
        assertEquals(list("x"), call("json_path_query", "{\"p\":[{\"age\":20,\"n\":\"x\"}]}",
                "$.p[?(@.age in [20, 21])].n"));
        assertEquals(list("x"), call("json_path_query", doc, "$.people[?(@.age * 2 == 40)].name"));
        assertEquals(list("z"), call("json_path_query", doc, "$..kids[*].name"));
        assertEquals(2L, call("json_path_query", doc, "$.a[1+1]"));
        assertEquals(true, call("json_path_query", doc, "$.a[1] == 1"));
    }

    @Test
    void jsonPathErrors() {
        Map<String, Object> eq = equipment();
        assertEquals("unknown key ring1", error("json_path_query", eq, "$.ring1"));
        assertEquals("index 5 out of bounds", error("json_path_query", eq, "$.rings[5]"));
        assertEquals("unsupported value type string for select, expected map[string]interface{} or []interface{}",
                error("json_path_query", eq, "$.arm_right.x"));
        assertEquals("query result (Sword of flame) is not an array",
                error("json_path_query_first", eq, "$.arm_right"));
        assertEquals("runtime error: index out of range [0] with length 0",
                error("json_path_query_first", eq, "$.rings[? @.weight>5]"));
        assertEquals("invalid data nil for jsonpath", error("json_path_query", null, "$.arm_right"));
        assertEquals("invalid data 1 for jsonpath", error("json_path_query", 1L, "$.a"));
        assertEquals("invalid jsonPath, must be a string but got 1", error("json_path_query", eq, 1L));
        assertTrue(error("json_path_query", eq, "$.rings[").startsWith("parsing error: $.rings[ - "));
        assertTrue(error("json_path_query", eq, "$.a b").startsWith("parsing error: "));
        assertEquals(false, call("json_path_exists", null, "$.a"));
        assertEquals(false, call("json_path_exists", eq, "$.rings["));
        // =~ on a pattern that backtracks catastrophically is cut short (RE2 would answer in linear time)
        assertTrue(error("json_path_query", list("a".repeat(30)), "$[? @ =~ \"(.*a){12}x\"]")
                .contains("regular expression too expensive to match"));
        assertEquals(list("ab"), call("json_path_query", list("ab", "b"), "$[? @ =~ \"(.*a){1}b\"]"));
        // numbers are ASCII digits only (Go's text/scanner): a Unicode digit is a parse error, not a crash
        assertTrue(error("json_path_query", eq, "$.\u0A67name").startsWith("parsing error: "));
        assertTrue(error("json_path_query", eq, "$[\u0A67]").startsWith("parsing error: "));
        assertTrue(error("json_path_query", eq, "$[.\u0A67]").startsWith("parsing error: "));
    }

    @Test
    void jsonPathValidation() {
        for (String name : List.of("json_path_query", "json_path_query_first", "json_path_exists")) {
            assertEquals("Expect 2 arguments but found 1.", validate(name, col("a")), name);
            assertEquals("Expect string type for parameter 2", validate(name, col("a"), col("p")), name);
            assertNull(validate(name, col("a"), lit("$.x")), name);
        }
    }

    @Test
    void jsonPathCompilationIsCached() {
        assertTrue(JsonPath.compile("$.cached[0]") == JsonPath.compile("$.cached[0]"));
    }
}
