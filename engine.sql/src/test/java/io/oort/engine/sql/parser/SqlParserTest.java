package io.oort.engine.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.ast.Call;
import io.oort.engine.sql.ast.Field;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Join;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.SelectStatement;
import io.oort.engine.sql.ast.UnaryExpr;
import io.oort.engine.sql.ast.Wildcard;
import io.oort.engine.sql.ast.Window;

class SqlParserTest {

    private static SelectStatement sel(String sql) throws ParseException {
        return SqlParser.parseSelect(sql);
    }

    private static String expr(String e) throws ParseException {
        return sel("SELECT " + e + " FROM demo").fields().get(0).expr().toString();
    }

    private static String error(String sql) {
        return assertThrows(ParseException.class, () -> SqlParser.parse(sql)).getMessage();
    }

    @Test
    void precedenceFollowsEkuiper() throws ParseException {
        BinaryExpr e = (BinaryExpr) sel("SELECT a + b * c FROM demo").fields().get(0).expr();
        assertEquals(BinaryOp.ADD, e.op());
        assertEquals("b * c", e.rhs().toString());

        BinaryExpr left = (BinaryExpr) sel("SELECT a - b - c FROM demo").fields().get(0).expr();
        assertEquals("a - b", left.lhs().toString(), "equal precedence associates to the left");

        BinaryExpr or = (BinaryExpr) sel("SELECT * FROM demo WHERE a = 1 OR b = 2 AND c = 3").where();
        assertEquals(BinaryOp.OR, or.op());
        assertEquals(BinaryOp.AND, ((BinaryExpr) or.rhs()).op());

        // [] and -> share the precedence of *: eKuiper reads a * b[0] as (a * b)[0]
        BinaryExpr sub = (BinaryExpr) sel("SELECT a * b[0] FROM demo").fields().get(0).expr();
        assertEquals(BinaryOp.SUBSET, sub.op());
        assertEquals("a * b", sub.lhs().toString());
    }

    @Test
    void fieldAccessForms() throws ParseException {
        assertEquals("a->b->c", expr("a->b->c"));
        FieldRef qualified = (FieldRef) sel("SELECT demo.temp FROM demo").fields().get(0).expr();
        assertEquals("demo", qualified.stream());
        assertEquals("temp", qualified.name());
        assertEquals("a.b->c", expr("a.b.c"));
        assertEquals("arr[0]", expr("arr[0]"));
        assertEquals("arr[-1]", expr("arr[-1]"));
        assertEquals("arr[1:3]", expr("arr[1:3]"));
        assertEquals("arr[0:]", expr("arr[:]"));
        assertEquals("arr[0:2]", expr("arr[:2]"));
        assertEquals("arr[2:]", expr("arr[2:]"));
        assertEquals("items[0]->name", expr("items[0]->name"));
        assertEquals("`a-b`", "`a-b`"); // sanity for the next assertion's intent
        assertEquals("a-b", ((FieldRef) sel("SELECT `a-b` FROM demo").fields().get(0).expr()).name());
    }

    @Test
    void predicates() throws ParseException {
        assertEquals("a IN (1, 2, 3)", expr("a IN (1,2,3)"));
        assertEquals("a NOT IN (\"x\")", expr("a NOT IN (\"x\")"));
        assertEquals("a BETWEEN 1 AND 5", expr("a BETWEEN 1 AND 5"));
        assertEquals("a NOT BETWEEN 1 AND 5", expr("a NOT BETWEEN 1 AND 5"));
        assertEquals("a LIKE \"ab%\"", expr("a LIKE 'ab%'"));
        assertEquals("a NOT LIKE \"_b\"", expr("a NOT LIKE \"_b\""));
        BinaryExpr and = (BinaryExpr) sel("SELECT * FROM d WHERE a BETWEEN 1 AND 5 AND b > 2").where();
        assertEquals(BinaryOp.AND, and.op());
        assertEquals(BinaryOp.BETWEEN, ((BinaryExpr) and.lhs()).op());
        // Oort extension: prefix NOT binds looser than comparison, tighter than AND
        BinaryExpr notAnd = (BinaryExpr) sel("SELECT * FROM d WHERE NOT a = 1 AND b = 2").where();
        assertEquals(BinaryOp.AND, notAnd.op());
        assertInstanceOf(UnaryExpr.class, notAnd.lhs());
        assertEquals("NOT a = 1", notAnd.lhs().toString());
    }

    @Test
    void literals() throws ParseException {
        assertEquals(-5L, ((Literal) sel("SELECT -5 FROM d").fields().get(0).expr()).value());
        assertEquals(-0.5, ((Literal) sel("SELECT - .5 FROM d").fields().get(0).expr()).value());
        assertEquals("a\"b\n", ((Literal) sel("SELECT \"a\\\"b\\n\" FROM d").fields().get(0).expr()).value());
        assertEquals("it's", ((Literal) sel("SELECT 'it\\'s' FROM d").fields().get(0).expr()).value());
        assertEquals(true, ((Literal) sel("SELECT true FROM d").fields().get(0).expr()).value());
        assertEquals("a - 1", expr("a - 1"));
        assertEquals("a - -1", expr("a - -1"));
    }

    @Test
    void outputNamesAsEkuiper() throws ParseException {
        List<Field> f = sel("SELECT a, abs(b), a->b, c + 1, d AS x, 1 + 1 AS y, \"s\", ABS(c) FROM demo").fields();
        assertEquals("a", f.get(0).outputName());
        assertEquals("abs", f.get(1).outputName());
        assertEquals("kuiper_field_0", f.get(2).outputName());
        assertEquals("kuiper_field_1", f.get(3).outputName());
        assertEquals("x", f.get(4).outputName());
        assertEquals("y", f.get(5).outputName());
        assertEquals("kuiper_field_2", f.get(6).outputName(), "the counter advances only for unnamed fields");
        assertEquals("abs", f.get(7).outputName(), "function names are lower-cased");
    }

    @Test
    void wildcardsAndInvisible() throws ParseException {
        Wildcard w = (Wildcard) sel("SELECT * EXCEPT(a, b) REPLACE(c + 1 AS c) FROM demo").fields().get(0).expr();
        assertEquals(List.of("a", "b"), w.except());
        assertEquals("c", w.replace().get(0).outputName());
        assertTrue(sel("SELECT a + 1 AS x INVISIBLE, x * 2 AS y FROM d").fields().get(0).invisible());
        FieldRef qw = (FieldRef) sel("SELECT s1.* FROM s1 INNER JOIN s2 ON s1.id = s2.id GROUP BY TUMBLINGWINDOW(ss, 1)")
                .fields().get(0).expr();
        assertTrue(qw.isWildcard());
        assertTrue(error("SELECT * AS x FROM d").contains("alias is not supported for *"));
    }

    @Test
    void callsWindowsAndClauses() throws ParseException {
        SelectStatement s = sel("SELECT deviceId, avg(temperature) AS t FROM demo WHERE humidity > 10 "
                + "GROUP BY deviceId, TUMBLINGWINDOW(ss, 10) FILTER (WHERE temperature > 0) HAVING count(*) > 1 "
                + "ORDER BY t DESC, deviceId LIMIT 5");
        Window w = s.window();
        assertEquals(Window.Type.TUMBLING, w.type());
        assertEquals(10_000, w.lengthMillis());
        assertEquals("temperature > 0", w.filter().toString());
        assertEquals(1, s.groupBy().size());
        assertEquals("count(*) > 1", s.having().toString());
        assertEquals(2, s.orderBy().size());
        assertTrue(!s.orderBy().get(0).ascending() && s.orderBy().get(1).ascending());
        assertEquals(5L, s.limit());

        Call lag = (Call) sel("SELECT lag(temp, 2, 0) OVER (PARTITION BY id WHEN temp > 1) FROM d").fields().get(0)
                .expr();
        assertEquals("id", lag.partition().get(0).toString());
        assertEquals("temp > 1", lag.when().toString());

        assertEquals(Window.Type.COUNT, sel("SELECT count(*) FROM d GROUP BY COUNTWINDOW(5, 2)").window().type());
        Window sl = sel("SELECT * FROM d GROUP BY SLIDINGWINDOW(ss, 5, 1) OVER (WHEN a > 1)").window();
        assertEquals(1000, sl.delayMillis());
        assertEquals("a > 1", sl.trigger().toString());
        Window st = sel("SELECT * FROM d GROUP BY STATEWINDOW(a > 1, a < 0) OVER (PARTITION BY id)").window();
        assertEquals("a > 1", st.begin().toString());
        assertEquals("id", st.partition().get(0).toString());
    }

    @Test
    void windowValidationMessages() {
        assertTrue(error("SELECT * FROM d GROUP BY TUMBLINGWINDOW(ss)")
                .startsWith("The arguments for tumblingwindow should be 2."));
        assertTrue(error("SELECT * FROM d GROUP BY TUMBLINGWINDOW(10, 10)")
                .startsWith("The 1st argument for tumblingwindow is expecting timer literal expression."));
        assertTrue(error("SELECT * FROM d GROUP BY COUNTWINDOW(2, 5)")
                .startsWith("The second parameter value 5 should be less than the first parameter 2."));
        assertTrue(error("SELECT * FROM d GROUP BY COUNTWINDOW(0)").startsWith("Invalid parameter value 0."));
    }

    @Test
    void joins() throws ParseException {
        SelectStatement s = sel("SELECT * FROM s1 AS a LEFT JOIN t1 AS b ON a.id = b.id CROSS JOIN t2 "
                + "GROUP BY TUMBLINGWINDOW(ss, 10)");
        assertEquals(2, s.joins().size());
        assertEquals(Join.Type.LEFT, s.joins().get(0).type());
        assertEquals("b", s.joins().get(0).source().qualifier());
        assertNull(s.joins().get(1).on());
        assertEquals(3, s.sources().size());
        assertTrue(error("SELECT * FROM a CROSS JOIN b ON a.x = b.x")
                .startsWith("On expression is not required for cross join type."));
    }

    @Test
    void errorsNameTheTokenAndPosition() {
        assertEquals("found \"FORM\", expected FROM. (line 1, column 10)", error("SELECT a FORM demo"));
        assertEquals("found \")\", expected expression. (line 2, column 14)", error("SELECT a\nFROM d WHERE )"));
        assertTrue(error("DELETE FROM x").startsWith("Found \"DELETE\", Expected SELECT."));
        assertTrue(error("SELECT a FROM d WHERE b = \"open").startsWith("found unterminated string"));
        assertTrue(error("SELECT a FROM d LIMIT x").startsWith("limit should be integer"));
    }

    @Test
    void deepAndHugeInputGiveCleanErrors() throws ParseException {
        String deep = "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " FROM d";
        assertTrue(error(deep).contains("nesting too deep"));
        String chain = "SELECT 1" + " + 1".repeat(50_000) + " FROM d";
        assertTrue(error(chain).contains("too deep"));
        StringBuilder big = new StringBuilder("SELECT a FROM d WHERE a IN (");
        for (int i = 0; i < 100_000; i++) {
            big.append(i).append(',');
        }
        big.append("0)");
        assertTrue(big.length() > 500_000);
        SelectStatement s = sel(big.toString());
        assertEquals(BinaryOp.IN, ((BinaryExpr) s.where()).op());
        String nots = "SELECT a FROM d WHERE " + "NOT ".repeat(10_000) + "a";
        assertTrue(error(nots).contains("too deep"));
    }
}
