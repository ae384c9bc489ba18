package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.TestFnContext;
import io.oort.engine.sql.value.EvalException;

/** Cases from eKuiper's funcs_srf_test.go and docs/en_US/sqls/functions/multi_row_functions.md. */
class SetReturningFunctionsTest {

    private static final FunctionRegistry REGISTRY = FunctionRegistry.withBuiltins();
    private final TestFnContext ctx = new TestFnContext();

    private Object call(String name, Object... args) {
        FunctionDef def = REGISTRY.lookup(name);
        assertEquals(FunctionKind.SRF, def.kind(), name);
        return def.scalar().apply(ctx, args);
    }

    private static String validate(String name, Expr... args) {
        return REGISTRY.lookup(name).validator().validate(Arrays.asList(args));
    }

    @Test
    void unnestReturnsTheArrayToExpand() {
        assertEquals(List.of(1L, 2L, 3L), call("unnest", List.of(1L, 2L, 3L)));
        List<Object> rows = List.of(Map.of("a", 1L, "b", 2L), Map.of("a", 3L, "b", 4L));
        assertEquals(rows, call("unnest", rows));
        // a non-array is returned as is; the expansion reports it
        assertEquals("x", call("unnest", "x"));
        assertNull(call("unnest", (Object) null));
        assertNull(call("unnest", List.of()));
    }

    @Test
    void extractReturnsOneRowOfColumns() {
        assertEquals(List.of(Map.of("k", "v")), call("extract", Map.of("k", "v")));
        assertEquals("extract should use map",
                assertThrows(EvalException.class, () -> call("extract", 1L)).getMessage());
        assertNull(call("extract", (Object) null));
        assertNull(call("extract", Map.of()));
    }

    @Test
    void validation() {
        FieldRef a = new FieldRef(Pos.NONE, null, "a");
        for (String name : List.of("unnest", "extract")) {
            assertNull(validate(name, a), name);
            assertEquals("Expect 1 arguments but found 2.", validate(name, a, a), name);
            assertEquals("Expect 1 arguments but found 0.", validate(name), name);
        }
    }
}
