package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.ast.Wildcard;
import io.oort.engine.sql.function.Accumulator;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.TestFnContext;
import io.oort.engine.sql.value.EvalException;

/** Facts from eKuiper's funcs_agg_test.go, funcs_inc_agg_test.go, aggregate_functions.md and the conformance cases. */
class AggregateFunctionsTest {

    private static final FunctionRegistry REG = FunctionRegistry.withBuiltins();
    private final TestFnContext ctx = new TestFnContext();

    // ------------------------------------------------------------------------------------------------- helpers

    private static FunctionDef def(String name) {
        FunctionDef d = REG.lookup(name);
        assertNotNull(d, name);
        return d;
    }

    /** Runs an aggregate over rows, each row being the call's argument values. */
    private Object aggRows(String name, Object[]... rows) {
        return run(def(name).aggregate().create(), rows);
    }

    private Object run(Accumulator acc, Object[]... rows) {
        for (Object[] r : rows) {
            acc.add(r);
        }
        return acc.result(ctx);
    }

    /** A one-argument aggregate over a column of values. */
    private Object agg(String name, Object... column) {
        Object[][] rows = new Object[column.length][];
        for (int i = 0; i < column.length; i++) {
            rows[i] = new Object[] {column[i]};
        }
        return aggRows(name, rows);
    }

    /** A two-argument aggregate whose second argument is the same constant on every row. */
    private Object agg2(String name, Object constant, Object... column) {
        Object[][] rows = new Object[column.length][];
        for (int i = 0; i < column.length; i++) {
            rows[i] = new Object[] {column[i], constant};
        }
        return aggRows(name, rows);
    }

    private String aggError(String name, Object... column) {
        return assertThrows(EvalException.class, () -> agg(name, column)).getMessage();
    }

    private static Object[] row(Object... values) {
        return values;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static Expr lit(Object v) {
        return new Literal(Pos.NONE, v);
    }

    private static Expr field(String name) {
        return new FieldRef(Pos.NONE, null, name);
    }

    private static String validate(String name, Expr... args) {
        return def(name).validator().validate(List.of(args));
    }

    // ------------------------------------------------------------------------------------------------- registry

    @Test
    void registersTheAggregates() {
        for (String n : List.of("avg", "count", "max", "min", "sum", "collect", "merge_agg", "deduplicate", "median",
                "stddev", "stddevs", "var", "vars", "percentile_cont", "percentile_disc", "last_value")) {
            assertEquals(FunctionKind.AGGREGATE, def(n).kind(), n);
        }
        // the docs' "percentile" is not a registered name; inc_* are planner rewrites
        assertNull(REG.lookup("percentile"));
        assertNull(REG.lookup("inc_count"));
    }

    // ------------------------------------------------------------------------------------- TestAggExec (eKuiper)

    @Test
    void stringsColumn() {
        Object[] c = {"foo", "bar", "self"};
        assertEquals("run avg function error: found invalid arg string(foo)", aggError("avg", c));
        assertEquals("self", agg("max", c));
        assertEquals("bar", agg("min", c));
        for (String f : List.of("stddev", "stddevs", "var", "vars")) {
            assertEquals("requires float64 slice but found []interface {}([foo bar self])", aggError(f, c));
        }
    }

    @Test
    void integerColumn() {
        Object[] c = {100L, 150L, 200L};
        assertEquals(150L, agg("avg", c));
        assertEquals(200L, agg("max", c));
        assertEquals(100L, agg("min", c));
        assertEquals(450L, agg("sum", c));
        assertEquals(40.824829046386306, agg("stddev", c));
        assertEquals(50.0, agg("stddevs", c));
        assertEquals(1666.6666666666667, agg("var", c));
        assertEquals(2500.0, agg("vars", c));
    }

    @Test
    void floatColumn() {
        Object[] c = {100.0, 150.0, 200.0};
        assertEquals(150.0, agg("avg", c));
        assertEquals(200.0, agg("max", c));
        assertEquals(100.0, agg("min", c));
        assertEquals(450.0, agg("sum", c));
        assertEquals(40.824829046386306, agg("stddev", c));
        assertEquals(50.0, agg("stddevs", c));
        assertEquals(1666.6666666666667, agg("var", c));
        assertEquals(2500.0, agg("vars", c));
    }

    @Test
    void nullsAreSkipped() {
        Object[] c = {100L, 150L, null, 200L, null};
        assertEquals(150L, agg("avg", c));
        assertEquals(200L, agg("max", c));
        assertEquals(100L, agg("min", c));
        assertEquals(40.824829046386306, agg("stddev", c));
        assertEquals(50.0, agg("stddevs", c));
        assertEquals(1666.6666666666667, agg("var", c));
        assertEquals(2500.0, agg("vars", c));
    }

    @Test
    void emptyGroupIsNull() {
        for (String f : List.of("avg", "count", "max", "min", "sum", "collect", "merge_agg", "median", "stddev",
                "stddevs", "var", "vars")) {
            assertNull(agg(f), f);
        }
        for (String f : List.of("percentile_cont", "percentile_disc", "last_value")) {
            assertNull(aggRows(f), f);
        }
        assertNull(aggRows("deduplicate"));
    }

    // ------------------------------------------------------------------------------------ TestAggFuncNil (eKuiper)

    @Test
    void onlyNulls() {
        assertNull(agg("avg", (Object) null));
        assertEquals(0L, agg("count", (Object) null));
        assertNull(agg("max", (Object) null));
        assertNull(agg("min", (Object) null));
        assertNull(agg("sum", (Object) null));
        assertNull(agg("stddev", null, null));
        assertNull(agg2("percentile_cont", 0.5, null, null));
        assertEquals(list((Object) null), agg("collect", (Object) null));
        assertNull(agg("merge_agg", (Object) null));
    }

    @Test
    void someNulls() {
        assertEquals(1L, agg("avg", 1L, null));
        assertEquals(1L, agg("count", 1L, null));
        assertEquals(2L, agg("max", 1L, 2L, null));
        assertEquals(1L, agg("min", 1L, 2L, null));
        assertEquals(3L, agg("sum", 1L, 2L, null));
        assertEquals(2L, agg2("last_value", true, 1L, 2L, null));
        assertNull(agg2("last_value", false, 1L, 2L, null));
        assertNull(agg2("last_value", false, (Object) null));
    }

    // ------------------------------------------------------------------------------------------ count, sum, avg

    @Test
    void countStarCountsRowsAndCountColSkipsNulls() {
        // conformance agg_count_col_skips_null: count(*) 3, count(temp) 2
        Map<String, Object> r1 = map("id", 1L, "temp", 20.5);
        Map<String, Object> r2 = map("id", 2L);
        Map<String, Object> r3 = map("id", 3L, "temp", 22.5);
        assertEquals(3L, agg("count", r1, r2, r3));
        assertEquals(2L, agg("count", 20.5, null, 22.5));
        assertEquals(2L, agg("count", "a", true));
    }

    @Test
    void avgOfIntegersTruncates() {
        assertEquals(1L, agg("avg", 1L, 2L));
        assertEquals(-1L, agg("avg", -1L, -2L));
        // conformance agg_avg_float
        assertEquals(2.1666666666666665, agg("avg", 1.5, 2.0, 3.0));
        // conformance agg_unaliased_keys
        assertEquals(2.0, agg("avg", 1.0, 3.0));
    }

    @Test
    void integerSumTruncatesLaterFloats() {
        assertEquals(3L, agg("sum", 1L, 2.7));
        assertEquals(1L, agg("avg", 1L, 2.5)); // (1 + 2) / 2
        assertEquals(3L, agg("max", 1L, 3.9));
        assertEquals(0L, agg("min", 1L, 0.5));
    }

    @Test
    void floatSumRejectsIntegers() {
        assertEquals("requires float64 but found int64(1)", aggError("sum", 1.5, 1L));
        assertEquals("requires float64 but found int64(1)", aggError("avg", 1.5, 1L));
        assertEquals("requires float64 but found int64(1)", aggError("max", 1.5, 1L));
        assertEquals("requires float64 but found int64(1)", aggError("min", 1.5, 1L));
    }

    @Test
    void wrongTypes() {
        assertEquals("run sum function error: found invalid arg string(a)", aggError("sum", null, "a", 1L));
        assertEquals("requires int but found string(x)", aggError("sum", 1L, "x"));
        assertEquals("requires int but found bool(true)", aggError("avg", 1L, true));
        assertEquals("found invalid arg bool(true)", aggError("max", true, false));
        assertEquals("found invalid arg map[string]interface {}(map[a:1])", aggError("min", map("a", 1L)));
        assertEquals("requires int64 but found string(a)", aggError("max", 1L, "a"));
        assertEquals("requires string but found int64(1)", aggError("min", "a", 1L));
        assertEquals("run avg function error: found invalid arg []interface {}([1 2])",
                aggError("avg", list(1L, 2L)));
    }

    @Test
    void floatSumStartsFromZero() {
        // Go's total starts at 0, so -0 + 0 is +0
        Object s = agg("sum", -0.0);
        assertEquals(0.0, s);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits((Double) s));
    }

    @Test
    void longSumWrapsLikeGo() {
        assertEquals(Long.MIN_VALUE, agg("sum", Long.MAX_VALUE, 1L));
    }

    // ------------------------------------------------------------------------------------------------- min/max

    @Test
    void minMaxStrings() {
        // conformance agg_min_max
        assertEquals("bar", agg("min", "foo", "bar", "self"));
        assertEquals("self", agg("max", "foo", "bar", "self"));
        assertEquals(100.0, agg("min", 150.0, 100.0, 200.0));
        assertEquals(200.0, agg("max", 150.0, 100.0, 200.0));
        // Go compares UTF-8 bytes: U+1F600 sorts after U+FFFF (UTF-16 order would say the opposite)
        assertEquals("\uD83D\uDE00", agg("max", "\uFFFF", "\uD83D\uDE00"));
        assertEquals("\uFFFF", agg("min", "\uFFFF", "\uD83D\uDE00"));
    }

    @Test
    void compareCodePoints() {
        assertEquals(0, AggregateFunctions.compareCodePoints("abc", "abc"));
        assertEquals(-1, Integer.signum(AggregateFunctions.compareCodePoints("ab", "abc")));
        assertEquals(1, Integer.signum(AggregateFunctions.compareCodePoints("b", "abc")));
    }

    // ------------------------------------------------------------------------------------------------- collect

    @Test
    void collectKeepsOrderAndNulls() {
        // conformance agg_collect_column
        assertEquals(list(3L, 6L, 2L), agg("collect", 3L, 6L, 2L));
        assertEquals(list(1L, null, "a"), agg("collect", 1L, null, "a"));
    }

    @Test
    void collectStarGivesTheRows() {
        Map<String, Object> r1 = map("color", "red", "size", 3L);
        Map<String, Object> r2 = map("color", "blue", "size", 6L);
        Object r = agg("collect", r1, r2);
        assertEquals(list(r1, r2), r);
    }

    @Test
    void resultDoesNotChangeState() {
        Accumulator acc = def("collect").aggregate().create();
        acc.add(row(1L));
        @SuppressWarnings("unchecked")
        List<Object> first = (List<Object>) acc.result(ctx);
        first.add(99L);
        acc.add(row(2L));
        assertEquals(list(1L, 2L), acc.result(ctx));
        assertEquals(list(1L, 2L), acc.result(ctx));
    }

    @Test
    void accumulatorsAreIndependent() {
        var impl = def("sum").aggregate();
        Accumulator a = impl.create();
        Accumulator b = impl.create();
        a.add(row(1L));
        b.add(row(10L));
        a.add(row(2L));
        assertEquals(3L, a.result(ctx));
        assertEquals(10L, b.result(ctx));
    }

    // ----------------------------------------------------------------------------------------------- merge_agg

    @Test
    void mergeAggWildcard() {
        // funcs_agg_test.go TestConcatExec "concat wildcard"
        Object r = agg("merge_agg", map("foo", "bar", "a", 123L), map("foo1", "bar", "a", 243L),
                map("foo", "bar1", "a", 342L));
        assertEquals(map("foo", "bar1", "a", 342L, "foo1", "bar"), r);
    }

    @Test
    void mergeAggDocExampleIsNotRecursive() {
        // aggregate_functions.md MERGE_AGG / conformance agg_merge_agg
        Map<String, Object> r1 = map("a", map("a", 2L), "b", 2L, "c", 3L);
        Map<String, Object> r2 = map("a", map("b", 2L), "b", 5L, "d", 6L);
        Map<String, Object> r3 = map("a", map("a", 3L), "b", 8L);
        assertEquals(map("a", map("a", 3L), "b", 8L, "c", 3L, "d", 6L), agg("merge_agg", r1, r2, r3));
        // merge_agg(a): the union of the column's objects
        assertEquals(map("a", 3L, "b", 2L), agg("merge_agg", map("a", 2L), map("b", 2L), map("a", 3L)));
    }

    @Test
    void mergeAggOfNonObjectsIsNull() {
        // the code returns nil, although the docs say an empty object
        assertNull(agg("merge_agg", 100L, 150L, 200L));
        assertNull(agg("merge_agg", map(), map()));
    }

    // --------------------------------------------------------------------------------------------- deduplicate

    @Test
    void deduplicateAll() {
        Map<String, Object> r1 = map("a", 32L, "b", "hello");
        Map<String, Object> r2 = map("a", 45L, "b", "world");
        Map<String, Object> r3 = map("a", 32L, "b", "again");
        Object r = aggRows("deduplicate", row(r1, 32L, true), row(r2, 45L, true), row(r3, 32L, true));
        assertEquals(list(r1, r2), r);
    }

    @Test
    void deduplicateLatest() {
        Map<String, Object> r1 = map("a", 32L);
        Map<String, Object> r2 = map("a", 45L);
        Map<String, Object> r3 = map("a", 32L);
        assertSame(r2, aggRows("deduplicate", row(r1, 32L, false), row(r2, 45L, false)));
        // the latest is a duplicate: nil
        assertNull(aggRows("deduplicate", row(r1, 32L, false), row(r2, 45L, false), row(r3, 32L, false)));
        // keys are the %v text: 1 and 1.0 collide as in Go
        assertNull(aggRows("deduplicate", row(r1, 1L, false), row(r2, 1.0, false)));
    }

    @Test
    void deduplicateNeedsABoolean() {
        assertEquals("Invalid argument type found.", assertThrows(EvalException.class,
                () -> aggRows("deduplicate", row(map("a", 1L), 1L, 1L))).getMessage());
        assertEquals("Invalid argument type found.", assertThrows(EvalException.class,
                () -> aggRows("deduplicate", row(map("a", 1L), 1L, null))).getMessage());
    }

    @Test
    void deduplicateValidation() {
        assertEquals("Expect 2 arguments but found 1.", validate("deduplicate", field("a")));
        assertEquals("Expect bool type for parameter 2", validate("deduplicate", field("a"), field("b")));
        assertEquals("Expect bool type for parameter 2", validate("deduplicate", field("a"), lit(1L)));
        assertNull(validate("deduplicate", field("a"), lit(true)));
        assertNull(validate("deduplicate", field("a"),
                new BinaryExpr(Pos.NONE, BinaryOp.GT, field("b"), lit(1L))));
        assertNull(validate("deduplicate", new Wildcard(Pos.NONE, List.of(), List.of()), field("a"), lit(false)));
    }

    // ---------------------------------------------------------------------------------------------- last_value

    @Test
    void lastValueEkuiperCases() {
        // funcs_agg_test.go TestLastValue
        assertEquals("self", agg2("last_value", true, "foo", "bar", "self"));
        assertEquals("self", agg2("last_value", false, "foo", "bar", "self"));
        assertEquals(1L, agg2("last_value", true, 100L, 3.14, 1L));
        assertEquals(1L, agg2("last_value", false, 100L, 3.14, 1L));
        assertEquals(3.14, agg2("last_value", true, 100L, 3.14, null));
        assertNull(agg2("last_value", false, 100L, 3.14, null));
        assertNull(agg2("last_value", true, null, null, null));
        assertNull(agg2("last_value", false, null, null, null));
    }

    @Test
    void lastValueStar() {
        Map<String, Object> r1 = map("a", 1L);
        Map<String, Object> r2 = map("a", 2L);
        assertSame(r2, agg2("last_value", true, r1, r2));
    }

    @Test
    void lastValueFlagMustBeBool() {
        assertEquals("the second parameter requires bool but found int64(1)",
                assertThrows(EvalException.class, () -> agg2("last_value", 1L, 1L)).getMessage());
        // the first non-null flag decides
        assertEquals(2L, aggRows("last_value", row(1L, null), row(2L, false)));
        assertEquals("the second parameter requires bool but found <nil>(<nil>)",
                assertThrows(EvalException.class, () -> agg2("last_value", null, 1L)).getMessage());
    }

    @Test
    void lastValueValidation() {
        // TestLastValueValidation
        assertEquals("Expect 2 arguments but found 1.", validate("last_value", lit(true)));
        assertEquals("Expect bool type for parameter 2", validate("last_value", field("foo"), field("bar")));
        assertNull(validate("last_value", lit("foo"), lit(true)));
    }

    // -------------------------------------------------------------------------------------------------- median

    @Test
    void median() {
        // TestMedian / TestMedianFunc
        assertEquals(5L, agg("median", 5L));
        assertEquals(5L, agg("median", 1L, 3L, 5L, 7L, 9L));
        assertEquals(6.0, agg("median", 1L, 3L, 5L, 7L, 9L, 11L));
        assertEquals(5L, agg("median", 9L, 1L, 5L, 3L, 7L));
        assertEquals(5.5, agg("median", 5.5));
        assertEquals(5.5, agg("median", 1.1, 3.3, 5.5, 7.7, 9.9));
        assertEquals(6.6, agg("median", 1.1, 3.3, 5.5, 7.7, 9.9, 11.1));
        assertEquals(5.5, agg("median", 9.9, 1.1, 5.5, 3.3, 7.7));
        assertEquals(3L, agg("median", 5L, 1L, 2L, 3L, 4L));
        assertEquals(3.0, agg("median", 5.0, 1.0, 2.0, 3.0, 4.0));
        assertNull(agg("median"));
    }

    @Test
    void medianTypeRules() {
        // the first value picks the path: floats skip nulls and widen integers
        assertEquals(2.0, agg("median", 1.0, null, 3L));
        // integers truncate floats and reject nulls
        assertEquals(2L, agg("median", 1L, 2.9, 3L));
        assertEquals("cannot convert []interface {}([1 <nil> 3]) to int slice for the 1 element: "
                + "cannot convert <nil>(<nil>) to int64", aggError("median", 1L, null, 3L));
        assertEquals("cannot convert []interface {}([1.5 <nil> foo]) to float slice for the 2 element: "
                + "cannot convert string(foo) to float64", aggError("median", 1.5, null, "foo"));
        assertEquals("<nil> should be number", aggError("median", null, 1L));
        assertEquals("foo should be number", aggError("median", "foo", "bar"));
    }

    // ---------------------------------------------------------------------------------------------- percentile

    @Test
    void percentileEkuiperCases() {
        // TestPercentileExec
        assertEquals("requires float64 slice but found []interface {}([foo bar self])", assertThrows(
                EvalException.class, () -> agg2("percentile_cont", 0.25, "foo", "bar", "self")).getMessage());
        assertEquals("requires float64 slice but found []interface {}([foo bar self])", assertThrows(
                EvalException.class, () -> agg2("percentile_disc", 0.25, "foo", "bar", "self")).getMessage());
        assertEquals(125.0, agg2("percentile_cont", 0.5, 100L, 150L, 200L));
        assertEquals(150.0, agg2("percentile_disc", 0.5, 100L, 150L, 200L));
        assertEquals(125.0, agg2("percentile_cont", 0.5, 100.0, 150.0, 200.0));
        assertEquals(150.0, agg2("percentile_disc", 0.5, 100.0, 150.0, 200.0));
        assertEquals(125.0, agg2("percentile_cont", 0.5, 100L, 150L, null, 200L));
        assertEquals(150.0, agg2("percentile_disc", 0.5, 100L, 150L, null, 200L));
    }

    @Test
    void percentileIndexes() {
        Object[] c = {40L, 10L, 30L, 20L};
        assertEquals(20.0, agg2("percentile_cont", 0.5, c)); // index 2: whole, c[1]
        assertEquals(35.0, agg2("percentile_cont", 0.9, c)); // index 3.6: mean of c[2], c[3]
        assertEquals(40.0, agg2("percentile_cont", 1.0, c));
        assertEquals(10.0, agg2("percentile_disc", 0.0, c));
        assertEquals(30.0, agg2("percentile_disc", 0.75, c));
        assertEquals(40.0, agg2("percentile_disc", 1.0, c));
        assertEquals(40.0, agg2("percentile_disc", 0.76, c));
        // a single value is returned whatever the fraction
        assertEquals(7.0, agg2("percentile_cont", 5L, 7L));
    }

    @Test
    void percentileOutOfRange() {
        assertEquals("percentile exec with error: Input is outside of range.", assertThrows(EvalException.class,
                () -> agg2("percentile_cont", 1.5, 1L, 2L)).getMessage());
        assertEquals("percentile exec with error: Input is outside of range.", assertThrows(EvalException.class,
                () -> agg2("percentile_cont", 0.0, 1L, 2L)).getMessage());
        // index below 1 and not whole
        assertEquals("percentile exec with error: Input is outside of range.", assertThrows(EvalException.class,
                () -> agg2("percentile_cont", 0.1, 1L, 2L)).getMessage());
        assertEquals("PopulationVariance exec with error: Input is outside of range.",
                assertThrows(EvalException.class, () -> agg2("percentile_disc", -0.5, 1L, 2L)).getMessage());
    }

    @Test
    void percentileFractionMustBeNumber() {
        assertEquals("the second parameter requires float64 but found []interface {}([a a])",
                assertThrows(EvalException.class, () -> agg2("percentile_cont", "a", 1L, 2L)).getMessage());
        assertEquals("the second parameter requires float64 but found []interface {}([<nil> <nil>])",
                assertThrows(EvalException.class, () -> agg2("percentile_disc", null, 1L, 2L)).getMessage());
        // integers are accepted, and the first non-null fraction wins
        assertEquals(2.0, aggRows("percentile_cont", row(1L, null), row(2L, 1L)));
    }

    // --------------------------------------------------------------------------------------------- statistics

    @Test
    void sampleStatisticsOfOneValue() {
        assertEquals(0.0, agg("stddev", 5L));
        assertEquals(0.0, agg("var", 5L));
        assertEquals(Double.NaN, agg("vars", 5L));
        assertEquals(Double.NaN, agg("stddevs", 5L));
    }

    @Test
    void goSortPutsNaNFirst() {
        double[] d = {3, Double.NaN, 1};
        AggStats.goSort(d);
        assertEquals(Double.NaN, d[0]);
        assertEquals(1.0, d[1]);
        assertEquals(3.0, d[2]);
    }

    // --------------------------------------------------------------------------------------------- validators

    @Test
    void validators() {
        assertEquals("Expect 1 arguments but found 2.", validate("count", field("a"), field("b")));
        assertNull(validate("count", new Wildcard(Pos.NONE, List.of(), List.of())));
        assertNull(validate("collect", new Wildcard(Pos.NONE, List.of(), List.of())));
        assertEquals("Expect number - float or int type for parameter 1", validate("avg", lit("a")));
        assertEquals("Expect number - float or int type for parameter 1", validate("max", lit(true)));
        assertNull(validate("max", field("name")));
        assertEquals("Expect 1 arguments but found 0.", validate("sum"));
        assertEquals("Expect 2 arguments but found 1.", validate("percentile_cont", field("a")));
        assertEquals("Expect number - float or int type for parameter 2",
                validate("percentile_disc", field("a"), lit("x")));
        assertNull(validate("percentile_cont", field("a"), lit(0.5)));
        assertNull(validate("merge_agg", field("a")));
    }

    // --------------------------------------------------------------------------------------------- incremental

    private Object inc(String agg, Object[]... rows) {
        FunctionDef d = AggregateFunctions.incremental(agg);
        assertEquals("inc_" + agg, d.name());
        return run(d.aggregate().create(), rows);
    }

    @Test
    void incrementalVariants() {
        // funcs_inc_agg_test.go TestIncAggFunction
        assertEquals(2L, inc("count", row(1L), row(1L)));
        assertEquals(2.0, inc("avg", row(1L), row(3L)));
        assertEquals(3L, inc("max", row(1L), row(3L)));
        assertEquals(1L, inc("min", row(3L), row(1L)));
        assertEquals(4.0, inc("sum", row(3L), row(1L)));
        assertEquals(map("a", 1L, "b", 2L), inc("merge_agg", row(map("a", 1L)), row(map("b", 2L))));
        assertEquals(list(1L, 2L), inc("collect", row(1L), row(2L)));
        assertEquals(2L, inc("last_value", row(1L, true), row(2L, true)));
        assertNull(AggregateFunctions.incremental("median"));
    }

    @Test
    void incrementalQuirks() {
        // the value of the group is the last row's: a null last argument gives null
        assertNull(inc("count", row(1L), row((Object) null)));
        assertNull(inc("last_value", row(1L, true), row(null, true)));
        // CONVERT_ALL: numeric strings are summed, as floats
        assertEquals(3.5, inc("sum", row("1.5"), row(2L)));
        assertEquals("cannot convert string(x) to float64",
                assertThrows(EvalException.class, () -> inc("avg", row("x"))).getMessage());
        // the row's kind decides: an integer row truncates a float extreme, a float row rejects an integer one
        assertEquals(2L, inc("max", row(1.5), row(2L)));
        assertNull(inc("max", row(1L), row(2.5)));
        assertEquals("argument is not a map[string]interface{}",
                assertThrows(EvalException.class, () -> inc("merge_agg", row(1L))).getMessage());
        assertEquals("second argument is not a bool",
                assertThrows(EvalException.class, () -> inc("last_value", row(1L, 1L))).getMessage());
    }
}
