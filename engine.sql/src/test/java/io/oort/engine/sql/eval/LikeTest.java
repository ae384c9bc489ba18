package io.oort.engine.sql.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.value.EvalException;

/** eKuiper's internal/xsql/valuer_test.go TestLike, through the parser and the compiled expressions. */
class LikeTest {

    private static final List<String> SQLS = List.of(
            "select a LIKE \"string\" as t from src",
            "select b LIKE \"an_ther\" from src",
            "select a NOT LIKE \"string1\" as t from src",
            "select a LIKE \"str%\" as t from src",
            "select a LIKE \"str\\\\_ng\" as t from src",
            "select a LIKE b as t from src");

    private static Object eval(String sql, Map<String, Object> row) {
        EvalHarness h = EvalHarness.of(sql);
        try {
            return h.eval(row);
        } catch (EvalException e) {
            return "error: " + e.getMessage();
        }
    }

    private static void row(Map<String, Object> row, Object... expected) {
        for (int i = 0; i < SQLS.size(); i++) {
            assertEquals(expected[i], eval(SQLS.get(i), row), SQLS.get(i) + " over " + row);
        }
    }

    @Test
    void ekuiperTestLike() {
        row(Map.of("a", "string1", "b", 12L), false, "error: LIKE operator left operand expects string, but found 12",
                false, true, false, "error: invalid LIKE pattern, must be a string but got 12");
        row(Map.of("a", "string2", "b", "another"), false, true, true, true, false, false);
        row(Map.of("a", "str\\_ng", "b", "str_ng"), false, false, true, true, true, false);
        row(Map.of("a", "str_ng", "b", "str_ng"), false, false, true, true, false, true);
    }

    @Test
    void patternFromAColumnChangesFromRowToRow() {
        EvalHarness h = EvalHarness.of("select a LIKE b as t from src");
        assertEquals(true, h.eval(Map.of("a", "abc", "b", "a%")));
        assertEquals(false, h.eval(Map.of("a", "abc", "b", "b%")));
        assertEquals(true, h.eval(Map.of("a", "bbc", "b", "b%")));
        assertEquals(false, h.eval(Map.of("a", "a\nc", "b", "a%")));
        assertThrows(EvalException.class, () -> h.eval(Map.of("a", "abc")));
    }
}
