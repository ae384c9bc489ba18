package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
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

/** Cases from eKuiper's funcs_obj_test.go and docs/en_US/sqls/functions/object_functions.md. */
class ObjectFunctionsTest {

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

    private static Expr lit(Object v) {
        return new Literal(Pos.NONE, v);
    }

    private static Expr col(String name) {
        return new FieldRef(Pos.NONE, null, name);
    }

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

    @Test
    void keysValuesItems() {
        assertEquals(list("a", "b"), call("keys", map("a", 1L, "b", 2L)));
        assertEquals("the argument should be map[string]interface{}", error("keys", 1L));
        assertEquals(list("c", "d"), call("values", map("a", "c", "b", "d")));
        assertEquals(list((Object) null), call("values", map("k", null)));
        assertEquals("the argument should be map[string]interface{}", error("values", 1L));
        assertEquals(list(list("a", 1L), list("b", 2L)), call("items", map("a", 1L, "b", 2L)));
        assertEquals(list(list("k2", null)), call("items", map("k2", null)));
        assertEquals("first argument should be map[string]interface{}", error("items", 1L));
        for (String name : List.of("keys", "values", "items")) {
            assertNull(call(name, (Object) null), name);
            assertNull(call(name, Map.of()), name);
            assertEquals("Expect 1 arguments but found 2.", validate(name, col("a"), col("b")), name);
        }
    }

    @Test
    void objectFromKeysAndValues() {
        assertEquals(map("a", 1L, "b", 2L), call("object", list("a", "b"), list(1L, 2L)));
        assertEquals(map("k1", null), call("object", list("k1"), list((Object) null)));
        assertEquals("first argument should be []string", error("object", 1L, list(1L, 2L)));
        assertEquals("first argument should be []string", error("object", list(1L, 2L), list(1L, 2L)));
        assertEquals("second argument should be []interface{}", error("object", list(1L, 2L), 1L));
        assertEquals("the length of the arguments should be same", error("object", list("a", "b"), list(1L, 2L, 3L)));
        assertNull(call("object", list(), list()));
        assertNull(call("object", null, list(1L)));
    }

    @Test
    void zip() {
        assertEquals(map("a", 1L, "b", 2L), call("zip", list(list("a", 1L), list("b", 2L))));
        assertEquals(map("k1", "v1", "k2", "v2"), call("zip", list(list("k1", "v1"), null, list("k2", "v2"))));
        assertEquals("each argument should be [][2]interface{}", error("zip", 1L));
        assertEquals("each argument should be [][2]interface{}", error("zip", list(1L, 2L)));
        assertEquals("each argument should be [][2]interface{}", error("zip", list(list("a", 1L, 3L))));
        assertEquals("the first element in the list item should be string", error("zip", list(list(1L, 3L))));
        assertNull(call("zip", list()));
    }

    @Test
    void objectConcatLaterObjectsWin() {
        assertEquals(map("a", 2L, "b", 3L, "c", 4L, "d", 1L), call("object_concat", map("a", 1L, "b", 2L),
                map("b", 3L, "c", 4L), map("a", 2L, "d", 1L)));
        assertEquals(map("a", 1L, "b", 3L), call("object_concat", map("a", 1L), map("b", 2L), map("b", 3L)));
        assertEquals(map("a", 1L, "b", 3L, "c", 4L), call("object_concat", map("a", 1L, "b", 2L),
                map("b", 3L, "c", 4L), null));
        assertEquals("the argument should be map[string]interface{}, got [1 2]",
                error("object_concat", map("a", 1L), list(1L, 2L)));
        assertEquals(map(), call("object_concat", null, null));
        assertEquals("At least has 2 argument but found 1.", validate("object_concat", col("a")));
    }

    @Test
    void objectConstructKeepsNullValues() {
        assertEquals(map("foo", "bar"), call("object_construct", "foo", "bar"));
        assertEquals("key true is not a string", error("object_construct", true, "bar"));
        assertEquals(map("key1", "bar", "key2", "foo"), call("object_construct", "key1", "bar", "key2", "foo"));
        assertEquals(map("key1", null, "key2", "foo", "key3", null),
                call("object_construct", "key1", null, "key2", "foo", "key3", null));
        assertEquals(map("k2", "v2"), call("object_construct", null, "v1", "k2", "v2"));
        assertEquals(map(), call("object_construct"));
        assertEquals("the args must be key value pairs", validate("object_construct", lit("foo")));
        assertNull(validate("object_construct", lit("foo"), lit("bar")));
        assertEquals("the args must be key value pairs", validate("object_construct", lit("foo"), lit("bar"),
                lit("baz")));
        assertEquals("Expect string type for parameter 1", validate("object_construct", lit(true), lit("baz")));
        assertEquals("Expect string type for parameter 3", validate("object_construct", lit("a"), lit(1L), lit(2L),
                lit(3L)));
    }

    @Test
    void erase() {
        assertEquals(map("b", 2L, "c", 3L), call("erase", map("a", 1L, "b", 2L, "c", 3L), "a"));
        assertEquals(map("c", 3L), call("erase", map("a", 1L, "b", 2L, "c", 3L), list("a", "b")));
        assertEquals("the argument number should be 2, got 3",
                error("erase", map("a", 1L, "b", 2L, "c", 3L), list("a", "b"), "c"));
        assertEquals(map("k2", "2"), call("erase", map("k1", null, "k2", "2"), "k1"));
        assertEquals(map("2", 1L), call("erase", map("1", 1L, "2", 1L), list(1L)));
        assertEquals("the first argument should be map[string]interface{}, got 1", error("erase", 1L, "a"));
        assertEquals("the argument should be slice or string", error("erase", map("a", 1L), 1L));
        assertNull(call("erase", map("a", 1L), null));
        assertNull(call("erase", map("a", 1L), list()));
        assertEquals("At least has 2 argument but found 1.", validate("erase", col("a")));
    }

    @Test
    void objectSize() {
        assertEquals(2L, call("object_size", map("a", 1L, "b", list("foo", "bar"))));
        assertEquals(0L, call("object_size", (Object) null));
        assertEquals("the first argument should be map[string]any, got 1", error("object_size", 1L));
        assertEquals("Expect 1 arguments but found 2.", validate("object_size", lit("foo"), lit("bar")));
    }

    @Test
    void objectPick() {
        Map<String, Object> nested = map("k1", map("temp", 23L, "hum", 34L), "k2", "2", "k3",
                map("temp", 23L, "hum", 34L), "k4", map("embed", map("ee", 23L, "ff", map("gg", 23L))));
        Map<String, Object> picked = map("k1", map("temp", 23L), "k2", "2", "k3", map("hum", 34L), "k4",
                map("embed", map("ff", map("gg", 23L))));
        assertEquals(map("a", 1L, "c", 3L), call("object_pick", map("a", 1L, "b", 2L, "c", 3L), list("a", "c")));
        assertEquals(map("a", 1L), call("object_pick", map("a", 1L, "b", 2L, "c", 3L), "a"));
        assertEquals(map(), call("object_pick", map("a", 1L, "b", 2L, "c", 3L), "d"));
        assertEquals(map("k1", null), call("object_pick", map("k1", null, "k2", "2"), "k1"));
        assertEquals(map(), call("object_pick", map("k1", null, "k2", "2"), null));
        assertNull(call("object_pick", null, "k1"));
        assertEquals(map("k1", map("temp", 23L)), call("object_pick", nested, "k1.temp"));
        assertEquals(picked, call("object_pick", nested, "k1.temp", "k2", "k3.hum", "k4.embed.ff"));
        assertEquals(picked, call("object_pick", nested, list("k1.temp", "k2", "k3.hum", "k4.embed.ff")));
        assertEquals(map("k1", map("temp", 23L), "k2", "2", "k4", map("embed", map("ff", map("gg", 23L)))),
                call("object_pick", nested, "k1.temp", "k2", 123L, "k4.embed.ff"));
        assertEquals(map("k1", map("temp", 23L), "k2", "2", "k4", map("embed", map("ff", map("gg", 23L)))),
                call("object_pick", nested, list("k1.temp", "k2", 123L, "k4.embed.ff")));
        // eKuiper writes a second path under an existing parent at the top level
        assertEquals(map("k1", map("temp", 23L), "hum", 34L), call("object_pick", nested, "k1.temp", "k1.hum"));
        assertEquals("the first argument should be a map, got 1", error("object_pick", 1L, "a"));
        assertEquals("At least has 2 argument but found 1.", validate("object_pick", lit("foo")));
    }

    @Test
    void objToKvpairArray() {
        assertEquals(list(map("key", "a", "value", 1L)), call("obj_to_kvpair_array", map("a", 1L)));
        assertEquals(list(map("key", "a", "value", 1L), map("key", "b", "value", list("foo", "bar"))),
                call("obj_to_kvpair_array", map("a", 1L, "b", list("foo", "bar"))));
        assertEquals("the first argument should be map[string]interface{}, got 1", error("obj_to_kvpair_array", 1L));
        assertNull(call("obj_to_kvpair_array", (Object) null));
        // and back
        assertEquals(map("a", 1L, "b", 2L), call("kvpair_array_to_obj",
                call("obj_to_kvpair_array", map("a", 1L, "b", 2L))));
    }
}
