package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.TestFnContext;
import io.oort.engine.sql.value.EvalException;

/** Cases from eKuiper's funcs_array_test.go (TestArrayCommonFunctions, TestArrayNil, TestArraySort...). */
class ArrayFunctionsTest {

    private static final FunctionRegistry REGISTRY = FunctionRegistry.withBuiltins();
    private final TestFnContext ctx = new TestFnContext();

    private Object call(String name, Object... args) {
        FunctionDef def = REGISTRY.lookup(name);
        assertEquals(FunctionKind.SCALAR, def.kind(), name);
        return def.scalar().apply(ctx, args);
    }

    private String error(String name, Object... args) {
        return assertThrows(EvalException.class, () -> call(name, args)).getMessage();
    }

    private static String validate(String name, Expr... args) {
        return REGISTRY.lookup(name).validator().validate(Arrays.asList(args));
    }

    private static Expr col(String name) {
        return new FieldRef(Pos.NONE, null, name);
    }

    private static Expr lit(Object v) {
        return new Literal(Pos.NONE, v);
    }

    /** A mutable list that may hold nulls. */
    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static final String FIRST_NOT_ARRAY = "first argument should be array of interface{}";
    private static final String SECOND_NOT_ARRAY = "second argument should be array of interface{}";

    @Test
    void arrayCreate() {
        assertEquals(list(1L, "2", 3L), call("array_create", 1L, "2", 3L));
        assertEquals(list(1L, 2L), call("array_create", 1L, null, 2L));
        assertNull(call("array_create", (Object) null));
        assertNull(call("array_create"));
        assertNull(validate("array_create"));
    }

    @Test
    void arrayPositionIsZeroBasedAndMinusOneWhenAbsent() {
        assertEquals(2L, call("array_position", list(3L, 2L, 1L), 1L));
        assertEquals(-1L, call("array_position", list(3L, 2L, 1L), 4L));
        assertEquals(0L, call("array_position", list(1L, null, 2L), 1L));
        assertEquals(1L, call("array_position", list(1L, null, 2L), null));
        assertEquals(2L, call("array_position", list("a", "b", "c"), "c"));
        assertEquals(-1L, call("array_position", null, 1L));
        assertEquals(FIRST_NOT_ARRAY, error("array_position", 1L, 2L));
        // Go's == on interfaces: an int64 is never equal to a float64
        assertEquals(-1L, call("array_position", list(1.0, 2.0), 1L));
        assertEquals(0L, call("array_position", list(1.0, 2.0), 1.0));
        assertEquals("Expect 2 arguments but found 1.", validate("array_position", col("a")));
    }

    @Test
    void comparingArraysIsAnError() {
        assertEquals("runtime error: comparing uncomparable type []interface {}",
                error("array_position", list(list(1L)), list(1L)));
        assertEquals(-1L, call("array_position", list(list(1L)), 1L));
    }

    @Test
    void arrayLastPosition() {
        assertEquals(2L, call("array_last_position", list(5L, null, 5L), 5L));
        assertEquals(-1L, call("array_last_position", list(5L, null, 5L), "hello"));
        assertEquals(0L, call("array_last_position", list(5L, null, 7L), 5L));
        assertEquals(2L, call("array_last_position", list(5L, "hello", null), null));
        assertEquals(3L, call("array_last_position", list(1L, null, 2L, 1L), 1L));
        assertEquals(-1L, call("array_last_position", null, 1L));
        assertEquals(FIRST_NOT_ARRAY, error("array_last_position", 1L, 2L));
    }

    @Test
    void elementAt() {
        assertEquals(2L, call("element_at", list(1L, 2L, 3L), 1L));
        assertEquals(3L, call("element_at", list(1L, 2L, 3L), -1L));
        assertEquals(1L, call("element_at", list(1L, null, 2L), 0L));
        assertEquals("index out of range", error("element_at", list(1L, 2L, 3L), 4L));
        assertEquals("index out of range", error("element_at", list(1L, 2L, 3L), -4L));
        assertEquals("cannot convert string(a) to int", error("element_at", list(1L), "a"));
        assertEquals(1L, call("element_at", map("a", 1L, "b", 2L), "a"));
        assertNull(call("element_at", map("a", 1L), "z"));
        assertEquals("second argument should be string", error("element_at", map("a", 1L, "b", 2L), 2L));
        assertEquals("first argument should be []interface{} or map[string]interface{}",
                error("element_at", "1", "a"));
        assertNull(call("element_at", null, 1L));
        assertNull(call("element_at", list(), 0L));
    }

    @Test
    void arrayContains() {
        assertEquals(true, call("array_contains", list(1L, 2L), 2L));
        assertEquals(false, call("array_contains", list(1L, 2L), 3L));
        assertEquals(true, call("array_contains", list(1L, null, 2L), null));
        assertEquals(false, call("array_contains", null, null));
        assertEquals(true, call("array_contains", list("a", "b", "c"), "b"));
        assertEquals(FIRST_NOT_ARRAY, error("array_contains", 1L, 2L));
    }

    @Test
    void arrayRemoveDoesNotModifyItsInput() {
        List<Object> input = list(3L, 1L, 2L);
        assertEquals(list(3L, 2L), call("array_remove", input, 1L));
        assertEquals(list(3L, 1L, 2L), input);
        assertEquals(list(1L, 2L, 4L), call("array_remove", list(1L, 2L, 3L, 4L, 3L), 3L));
        assertEquals(list(), call("array_remove", list(3L, 3L, 3L), 3L));
        assertEquals(list(1L, null), call("array_remove", list(1L, null, 2L), 2L));
        assertNull(call("array_remove", null, 1L));
    }

    @Test
    void arrayContainsAny() {
        assertEquals(true, call("array_contains_any", list(1L, 2L, 3L), list(0L, 2L, 4L)));
        assertEquals(false, call("array_contains_any", list(1L, 2L, 3L), list(4L, "hello", 6L)));
        assertEquals(false, call("array_contains_any", null, list(4L, "hello", 6L)));
        assertEquals(false, call("array_contains_any", list(1L, 2L, 3L), list()));
        assertEquals(true, call("array_contains_any", list(1L, null, 2L, 1L), list(1L)));
        assertEquals(SECOND_NOT_ARRAY, error("array_contains_any", list(1L, 2L, 3L, 4L), 1L));
    }

    @Test
    void setOperationsKeepFirstSeenOrder() {
        assertEquals(list(1L, 3L), call("array_intersect", list(1L, 1L, 2L, 3L), list(1L, 3L, 4L)));
        assertEquals(list("ekuiper", 3L), call("array_intersect", list("hello", "ekuiper", 2L, 3L),
                list("ekuiper", 3L, 4L)));
        assertEquals(list(1L, null), call("array_intersect", list(1L, null, 2L), list(1L, null, 3L)));
        assertEquals(SECOND_NOT_ARRAY, error("array_intersect", list("hello"), "ekuiper"));
        assertEquals(FIRST_NOT_ARRAY, error("array_intersect", "1", list(1L, 2L, 3L)));
        assertNull(call("array_intersect", list(1L), list()));

        assertEquals(list(1L, 2L, 3L, 4L), call("array_union", list(1L, 1L, 2L, 3L), list(1L, 3L, 4L)));
        assertEquals(list("hello", "ekuiper", 2L, 3L, 4L), call("array_union", list("hello", "ekuiper", 2L, 3L),
                list("ekuiper", 3L, 4L)));
        assertEquals(list(1L, null, 2L, 3L), call("array_union", list(1L, null, 2L), list(1L, null, 3L)));
        assertEquals(list(1L, 2L), call("array_union", list(1L, 2L), null));
        assertEquals(list(), call("array_union", null, null));
        assertEquals(SECOND_NOT_ARRAY, error("array_union", list(1L), "ekuiper"));
        assertEquals(FIRST_NOT_ARRAY, error("array_union", "1", list(1L)));

        assertEquals(list(2L), call("array_except", list(1L, 2L, 3L), list(1L, 3L, 4L)));
        assertEquals(list(1L, 2L, 3L), call("array_except", list(1L, 2L, 3L), list(4L, 5L, 6L)));
        assertEquals(list(3L), call("array_except", list(1L, 2L, 1L, 2L, 3L), list(1L, 2L, 1L, 1L, 2L, 2L, 4L)));
        assertEquals(list(1L, 3L), call("array_except", list(1L, 1L, 1L, 1L, 3L), list(4L)));
        assertEquals(list(2L), call("array_except", list(1L, null, 2L), list(1L, null)));
        assertEquals(list(1L, 2L), call("array_except", list(1L, 2L), null));
        assertNull(call("array_except", null, list(1L)));
        assertEquals("runtime error: hash of unhashable type []interface {}",
                error("array_union", list(list(1L)), list()));
    }

    @Test
    void arrayMaxMin() {
        assertEquals(1L, call("array_max", list(1L)));
        assertEquals(3L, call("array_max", list(1L, null, 3L)));
        assertEquals("requires int64 but found string(4)", error("array_max", list(1L, "4", 3L)));
        assertEquals("requires int64 but found string(a4a)", error("array_max", list(1L, "a4a", 3L)));
        assertEquals(4.2, call("array_max", list(1.2, 4.2, 3.0)));
        assertEquals(4L, call("array_max", list(1L, 3.2, 4.1, 2L)));
        assertEquals(1L, call("array_min", list(1L, null, 3L)));
        assertEquals("requires int64 but found string(0)", error("array_min", list(1L, "0", 3L)));
        assertEquals(1.2, call("array_min", list(1.2, 4.2, 3.0)));
        assertEquals(1L, call("array_min", list(1L, 3.2, 4.1, 2L)));
        assertEquals("requires float64 but found int64(3)", error("array_min", list(1.5, 3L)));
        assertEquals("b", call("array_max", list("a", "b")));
        assertEquals("requires string but found int64(1)", error("array_max", list("a", 1L)));
        assertEquals("found invalid arg bool(true)", error("array_max", list(true)));
        assertNull(call("array_max", list(null, null)));
        assertNull(call("array_max", (Object) null));
        assertNull(call("array_min", list()));
        assertEquals(FIRST_NOT_ARRAY, error("array_min", 1L));
    }

    @Test
    void repeatAndSequence() {
        assertEquals(list(1L, 1L, 1L, 1L, 1L), call("repeat", 1L, 5L));
        assertEquals(list("hello", "hello", "hello"), call("repeat", "hello", 3L));
        assertEquals(list(), call("repeat", "rockset", 0L));
        assertEquals("second argument should be int", error("repeat", 1L, "hellow"));
        assertEquals("runtime error: makeslice: len out of range", error("repeat", 1L, -1L));
        assertNull(call("repeat", null, 3L));

        assertEquals(list(1L, 2L, 3L, 4L, 5L), call("sequence", 1L, 5L));
        assertEquals(list(5L, 4L, 3L), call("sequence", 5L, 3L));
        assertEquals(list(1L, 3L, 5L, 7L, 9L), call("sequence", 1L, 10L, 2L));
        assertEquals(list(10L, 7L, 4L, 1L), call("sequence", 10L, 1L, -3L));
        assertEquals("first argument should be int", error("sequence", "1", 10L, 2L));
        assertEquals("second argument should be int", error("sequence", 1L, "6", 2L));
        assertEquals("third argument should be int", error("sequence", 1L, 7L, "1"));
        assertEquals("invalid step: should not be zero", error("sequence", 1L, 7L, 0L));
        assertEquals("runtime error: makeslice: len out of range", error("sequence", 1L, 7L, -1L));
        assertEquals("Expect two or three arguments but found 1.", validate("sequence", lit(1L)));
        assertNull(validate("sequence", lit(1L), lit(2L), lit(1L)));
    }

    @Test
    void cardinalities() {
        assertEquals(3L, call("array_cardinality", list(1L, 2L, 3L)));
        assertEquals(2L, call("array_cardinality", list(1L, null, 2L)));
        assertEquals(0L, call("array_cardinality", (Object) null));
        assertEquals(0L, call("array_cardinality", list()));
        assertEquals(FIRST_NOT_ARRAY, error("array_cardinality", 1L));
        assertEquals(3L, call("cardinality", list(1L, null, 3L)));
        assertEquals(0L, call("cardinality", (Object) null));
        assertEquals(0L, call("cardinality", "abc"));
    }

    @Test
    void arrayFlattenAndDistinct() {
        assertEquals(list(1L, 2L, 3L), call("array_flatten", list(list(1L, 2L, 3L))));
        assertEquals(list(1L, 2L, 3L), call("array_flatten", list(1L, 2L, 3L)));
        assertEquals(list(1L, 2L, 3L, 4L, 5L, 6L), call("array_flatten", list(list(1L, 2L, 3L), list(4L, 5L, 6L))));
        assertEquals(list(1L, 2L, 3L, 4L), call("array_flatten", list(list(1L, 2L, 3L), 4L)));
        assertEquals(list(1L, null, 2L, 3L), call("array_flatten", list(list(1L, null), list(2L, 3L))));
        assertEquals(FIRST_NOT_ARRAY, error("array_flatten", 1L));

        assertEquals(list(1L, 2L, 3L), call("array_distinct", list(1L, 2L, 3L)));
        assertEquals(list(1L), call("array_distinct", list(1L, 1L, 1L)));
        assertEquals(list(1L, 2L), call("array_distinct", list(1L, 2L, 2L, 1L)));
        assertEquals(list(1L, true, null), call("array_distinct", list(1L, 1L, true, true, null, null)));
        assertEquals(list(map("a", 1L), map("a", 1L), map("a", 2L)),
                call("array_distinct", list(map("a", 1L), map("a", 1L), map("a", 2L))));
        assertEquals(FIRST_NOT_ARRAY, error("array_distinct", 1L));
    }

    @Test
    void arrayMapAppliesABuiltinScalar() {
        assertEquals(list("A", "B"), call("array_map", "upper", list("a", "b")));
        assertEquals("first argument should be string", error("array_map", 123L, list(1L, 2L, 3L)));
        assertEquals(SECOND_NOT_ARRAY, error("array_map", "round", 1L));
        assertEquals("unknown built-in function: nope.", error("array_map", "nope", list(1L)));
        assertEquals("validate date_diff arguments failed", error("array_map", "date_diff", list(1L)));
        assertEquals("first argument should be a scalar function.", error("array_map", "unnest", list(1L)));
        assertEquals(list(1L, 2L), call("array_map", "cardinality", list(list(1L), list(1L, 2L))));
        assertNull(call("array_map", "upper", list()));
    }

    @Test
    void arrayJoin() {
        assertEquals(FIRST_NOT_ARRAY, error("array_join", "a", ""));
        assertEquals("second argument should be string", error("array_join", list("a", "b", "c"), 123L, "a"));
        assertEquals("third argument should be string", error("array_join", list("a", "b", "c"), ":", 123L));
        assertEquals("123:b:c", call("array_join", list(123L, "b", "c"), ":", "a"));
        assertEquals("abc", call("array_join", list("a", "b", "c"), ""));
        assertEquals("a:b", call("array_join", list("a", null, "b"), ":"));
        assertEquals("a:,%b:,%c", call("array_join", list("a", "b", "c"), ":,%"));
        assertEquals("a:nullReplacementStr:c", call("array_join", list("a", null, "c"), ":", "nullReplacementStr"));
        assertEquals("r,r,r", call("array_join", list(null, null, null), ",", "r"));
        assertEquals("", call("array_join", list(null, null, null), ","));
        assertEquals("1.5,true", call("array_join", list(1.5, true), ","));
        assertEquals("Expect two or three arguments but found 4.",
                validate("array_join", col("a"), col("b"), col("c"), col("d")));
    }

    @Test
    void arrayShuffleKeepsTheElements() {
        Object r = call("array_shuffle", list(1L, 2L, 3L));
        assertEquals(new HashSet<>(list(1L, 2L, 3L)), new HashSet<>((List<?>) r));
        assertEquals(3, ((List<?>) r).size());
        assertEquals(FIRST_NOT_ARRAY, error("array_shuffle", 1L));
    }

    @Test
    void arraySortComparesPrintedValues() {
        assertEquals(list(1L, 2L, 3L), call("array_sort", list(3L, 2L, 1L)));
        assertEquals(list(-0.83, 1.6, 3L), call("array_sort", list(3L, 1.6, -0.83)));
        assertEquals(list(-0.83, 1.6, 3L, "abc", "def"), call("array_sort", list("abc", 3L, "def", 1.6, -0.83)));
        assertEquals(list(2L, 3L, "a", "b"), call("array_sort", list(3L, 2L, "b", "a")));
        assertEquals(list(10L, 9L), call("array_sort", list(9L, 10L)));
        assertEquals("array elements should be array", error("array_sort", "abc"));
        assertEquals("Expect 1 arguments but found 2.", validate("array_sort", lit(true), lit(true)));
    }

    @Test
    void arrayConcat() {
        assertEquals(list(1L, 2L, "3", null), call("array_concat", list(1L), list(2L), list("3"), list((Object) null)));
        assertEquals(list(1L), call("array_concat", list(1L), null));
        assertEquals(list(1L, 2L), call("array_concat", list(1L), null, list(2L)));
        assertEquals("array elements should be array", error("array_concat", list(1L), 2L));
        assertNull(call("array_concat", (Object) null));
        assertEquals("At least has 1 argument but found 0.", validate("array_concat"));
    }

    @Test
    void kvpairArrayToObj() {
        assertEquals(map("a", 1L, "b", list("foo", "bar")), call("kvpair_array_to_obj",
                list(map("key", "a", "value", 1L), map("key", "b", "value", list("foo", "bar")))));
        assertEquals("array item should be key-value pair",
                error("kvpair_array_to_obj", list(map("wrongKey", "a", "value", 1L))));
        assertEquals("array item should be key-value pair",
                error("kvpair_array_to_obj", list(map("key", "a", "wrongValue", 1L))));
        assertEquals("array item should be key-value pair", error("kvpair_array_to_obj", list(map("key", "a"))));
        assertEquals("array item should be key-value pair",
                error("kvpair_array_to_obj", list(map("key", 1L, "value", 1L))));
        assertEquals("array item should be map[string]interface{}", error("kvpair_array_to_obj", list(1L)));
        assertNull(call("kvpair_array_to_obj", (Object) null));
    }

    @Test
    void conformanceCasesWithSchemalessPayloadNumbers() {
        // schemaless JSON numbers arrive as floats (shared conformance arr_*.json)
        List<Object> a = list("hello", "ekuiper", 2.0, 3.0);
        List<Object> b = list("ekuiper", 3.0, 4.0);
        assertEquals(list("hello", "ekuiper", 2.0, 3.0, 4.0), call("array_union", a, b));
        assertEquals(list("ekuiper", 3.0), call("array_intersect", a, b));
        assertEquals(list(2.0), call("array_except", list(1.0, 2.0, 3.0), list(1.0, 3.0, 4.0)));
        assertEquals(4.2, call("array_max", list(1.2, 4.2, 3.0)));
        assertEquals(1.2, call("array_min", list(1.2, 4.2, 3.0)));
        assertEquals(2L, call("array_position", list("a", "b", "c"), "c"));
        assertEquals(-1L, call("array_position", list("a", "b", "c"), "z"));
        assertEquals(true, call("array_contains", list("a", "b", "c"), "b"));
        assertEquals(false, call("array_contains", list("a", "b", "c"), "z"));
    }

    @Test
    void nullArgumentsFollowEkuipersChecks() {
        for (String name : List.of("element_at", "array_intersect", "array_max", "array_min", "repeat", "sequence",
                "array_flatten", "array_distinct", "array_map", "array_join", "array_shuffle", "array_sort",
                "kvpair_array_to_obj")) {
            Object[] args = name.startsWith("array_max") || name.startsWith("array_min")
                    || name.equals("array_flatten") || name.equals("array_distinct") || name.equals("array_shuffle")
                    || name.equals("array_sort") || name.equals("kvpair_array_to_obj") ? new Object[] {null}
                    : new Object[] {null, null};
            assertNull(call(name, args), name);
        }
        assertTrue(REGISTRY.lookup("array_position").kind() == FunctionKind.SCALAR);
    }
}
