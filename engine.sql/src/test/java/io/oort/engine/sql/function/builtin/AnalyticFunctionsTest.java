package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.ast.UnaryExpr;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.StateCell;
import io.oort.engine.sql.function.TestFnContext;
import io.oort.engine.sql.value.EvalException;

/** Facts from eKuiper's funcs_analytic_test.go, funcs_acc_test.go, funcs_cols_test.go, the docs and conformance. */
class AnalyticFunctionsTest {

    private static final FunctionRegistry REG = FunctionRegistry.withBuiltins();
    private final TestFnContext ctx = new TestFnContext();
    /** The state cells of one call site, by partition key ("self" when unpartitioned). */
    private final Map<String, StateCell> cells = new HashMap<>();

    private static FunctionDef def(String name) {
        FunctionDef d = REG.lookup(name);
        assertNotNull(d, name);
        return d;
    }

    private StateCell cell(String partition) {
        return cells.computeIfAbsent(partition, k -> new StateCell());
    }

    /** Calls an analytic function in partition "self" with a valid row. */
    private Object call(String name, Object... args) {
        return callIn(name, "self", true, args);
    }

    private Object callIn(String name, String partition, boolean valid, Object... args) {
        return def(name).analytic().apply(ctx, args, valid, cell(partition));
    }

    private String error(String name, Object... args) {
        return assertThrows(EvalException.class, () -> call(name, args)).getMessage();
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

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void kinds() {
        for (String n : List.of("lag", "latest", "changed_col", "had_changed", "acc_sum", "acc_min", "acc_max",
                "acc_avg", "acc_count")) {
            assertEquals(FunctionKind.ANALYTIC, def(n).kind(), n);
        }
        assertEquals(FunctionKind.COLS, def("changed_cols").kind());
    }

    // ----------------------------------------------------------------------------------------------- changed_col

    @Test
    void changedColValidation() {
        assertEquals("Expect 2 arguments but found 1.", validate("changed_col", lit("foo")));
        assertEquals("Expect boolean type for parameter 1", validate("changed_col", lit("foo"), lit("bar")));
        assertEquals("Expect 2 arguments but found 3.", validate("changed_col", lit("foo"), lit("bar"), lit("baz")));
        assertNull(validate("changed_col", lit(true), lit("baz")));
        assertNull(validate("changed_col", field("flag"), lit("baz")));
    }

    @Test
    void changedColExec() {
        assertEquals("bar", call("changed_col", true, "bar"));
        assertNull(call("changed_col", true, "bar"));
        assertEquals("baz", call("changed_col", true, "baz"));
        // not ignoring null: the change to null is recorded (and null returned)
        assertNull(call("changed_col", false, null));
        assertEquals("baz", call("changed_col", false, "baz"));
        assertEquals("foo", call("changed_col", true, "foo"));
        assertEquals("first arg is not a bool but got foo", error("changed_col", "foo", "bar"));
    }

    @Test
    void changedColPartitionWithWhen() {
        assertEquals("bar", callIn("changed_col", "2", true, true, "bar"));
        assertEquals("bar", callIn("changed_col", "1", true, true, "bar"));
        assertEquals("baz", callIn("changed_col", "2", true, true, "baz"));
        assertNull(callIn("changed_col", "2", false, true, "bar"));
        assertNull(callIn("changed_col", "1", true, false, null));
        assertNull(callIn("changed_col", "2", true, false, "baz"));
        assertEquals("foo", callIn("changed_col", "1", true, true, "foo"));
        assertNull(callIn("changed_col", "1", false, true, "bar"));
        // the invalid row was not recorded
        assertEquals("bar", callIn("changed_col", "2", true, true, "bar"));
    }

    @Test
    void changedColComparesTypes() {
        assertEquals(1L, call("changed_col", true, 1L));
        assertEquals(1.0, call("changed_col", true, 1.0)); // int64 1 and float64 1 are not DeepEqual
        assertNull(call("changed_col", true, 1.0));
        assertEquals(List.of(1L, 2L), call("changed_col", true, new ArrayList<>(List.of(1L, 2L))));
        assertNull(call("changed_col", true, new ArrayList<>(List.of(1L, 2L))));
    }

    // ----------------------------------------------------------------------------------------------- had_changed

    @Test
    void hadChangedValidation() {
        assertEquals("expect more than one arg but got 1", validate("had_changed", lit("foo")));
        assertEquals("Expect bool type for parameter 1",
                validate("had_changed", lit("foo"), lit("bar"), lit("baz")));
        assertEquals("Expect bool type for parameter 1", validate("had_changed", lit(20L), lit(true), lit("baz")));
        assertNull(validate("had_changed", field("a"), lit(true), lit("baz")));
    }

    @Test
    void hadChangedExec() {
        assertEquals("first arg is not a bool but got foo", error("had_changed", "foo", "bar", "baz"));
        assertEquals("first arg is not a bool but got foo", error("had_changed", "foo", "bar"));
        assertEquals(true, call("had_changed", true, "bar", 20L));
        assertEquals(true, call("had_changed", true, "baz", 44L));
        assertEquals(false, call("had_changed", true, "baz", 44L));
        assertEquals(true, call("had_changed", true, "foo", 44L));
        assertEquals(false, call("had_changed", true, "foo", null));
        assertEquals(false, call("had_changed", true, "foo", 44L));
        assertEquals(true, call("had_changed", true, "baz", 44L));
    }

    @Test
    void hadChangedAllowNull() {
        assertEquals(true, call("had_changed", false, "bar", 20L));
        assertEquals(true, call("had_changed", false, "baz", null));
        assertEquals(true, call("had_changed", false, "baz", 44L));
        assertEquals(true, call("had_changed", false, null, 44L));
        assertEquals(true, call("had_changed", false, "baz", 44L));
        assertEquals(false, call("had_changed", false, "baz", 44L));
        assertEquals(true, call("had_changed", false, null, null));
        assertEquals(true, call("had_changed", false, "baz", 44L));
    }

    @Test
    void hadChangedPartitionWithWhen() {
        assertEquals(true, callIn("had_changed", "3", true, true, "bar", 20L));
        assertEquals(true, callIn("had_changed", "2", true, true, "baz", 44L));
        assertEquals(false, callIn("had_changed", "2", true, true, "baz", 44L));
        assertEquals(false, callIn("had_changed", "2", true, true, "baz", 44L));
        assertEquals(false, callIn("had_changed", "2", false, true, "foo", 45L));
        assertEquals(true, callIn("had_changed", "1", true, true, "foo", null));
        assertEquals(true, callIn("had_changed", "2", true, true, "foo", 44L));
        assertEquals(false, callIn("had_changed", "3", false, true, "baz", 44L));
        // an invalid row does not even check the flag
        assertEquals(false, callIn("had_changed", "3", false, "notbool", "baz"));
    }

    @Test
    void hadChangedDocExample() {
        // analytic_functions.md / conformance analytic_had_changed_where: temperature, humidity
        long[][] rows = {{23, 88}, {23, 88}, {23, 88}, {25, 88}, {25, 90}, {25, 91}, {25, 91}, {25, 91}};
        List<Boolean> got = new ArrayList<>();
        for (long[] r : rows) {
            got.add((Boolean) call("had_changed", true, r[0], r[1]));
        }
        assertEquals(List.of(true, false, false, true, true, true, false, false), got);
    }

    @Test
    void hadChangedStar() {
        // had_changed(true, *): the row map is one argument, compared deeply
        assertEquals(true, call("had_changed", true, map("a", 1L, "b", "x")));
        assertEquals(false, call("had_changed", true, map("a", 1L, "b", "x")));
        assertEquals(true, call("had_changed", true, map("a", 1L, "b", "y")));
        assertEquals(true, call("had_changed", true, map("a", 1L)));
    }

    // ------------------------------------------------------------------------------------------------------- lag

    @Test
    void lagValidation() {
        assertNull(validate("lag", lit("foo")));
        assertEquals("Expect int type for parameter 2", validate("lag", lit("foo"), lit("bar")));
        assertEquals("Expect int type for parameter 2", validate("lag", lit("foo"), lit("bar"), lit("baz")));
        assertEquals("Expect bool type for parameter 4",
                validate("lag", lit(true), lit(23L), lit("baz"), lit("baz")));
        assertEquals("Expect int type for parameter 2", validate("lag", field("a"), field("b")));
        assertEquals("Expect int type for parameter 2", validate("lag", field("a"), lit(1.5)));
        assertEquals("the index should not be a nagtive integer", validate("lag", field("a"), lit(-1L)));
        assertEquals("the index should not be a nagtive integer",
                validate("lag", field("a"), new UnaryExpr(Pos.NONE, UnaryExpr.Op.NEG, lit(2L))));
        assertEquals("expect one two or three args but got 0", validate("lag"));
        assertEquals("expect one two or three args but got 5",
                validate("lag", field("a"), lit(1L), lit(0L), lit(true), lit(true)));
        assertNull(validate("lag", field("a"), lit(2L), field("a"), lit(false)));
    }

    @Test
    void lagExec() {
        assertEquals("default", call("lag", "foo", 1L, "default", true));
        // null is not recorded when ignoring nulls: the previous value is kept
        assertEquals("foo", call("lag", null, 1L, "default", true));
        assertEquals("foo", call("lag", "bar", 1L, "default", true));
        assertEquals("bar", call("lag", "foo", 1L, "default", true));
        assertEquals("foo", call("lag", "foo", 1L, "default", true));
        assertEquals("The fourth arg is not a bool but got foo", error("lag", "foo", 1L, "default", 23L));
    }

    @Test
    void lagBasic() {
        // conformance analytic_lag_basic: the first event has no value
        assertNull(call("lag", 3L));
        assertEquals(3L, call("lag", 6L));
        assertEquals(6L, call("lag", 2L));
    }

    @Test
    void lagPartition() {
        assertNull(callIn("lag", "1", true, "foo"));
        assertEquals("foo", callIn("lag", "1", true, "bar"));
        assertNull(callIn("lag", "2", true, "bar"));
        assertEquals("bar", callIn("lag", "1", true, "foo"));
        assertEquals("bar", callIn("lag", "2", true, "foo"));
    }

    @Test
    void lagWithWhen() {
        assertNull(callIn("lag", "self", true, "foo"));
        assertEquals("foo", callIn("lag", "self", false, "bar"));
        assertEquals("foo", callIn("lag", "self", true, "bar"));
        assertEquals("bar", callIn("lag", "self", false, "foo"));
        assertEquals("bar", callIn("lag", "self", true, "foo"));
    }

    @Test
    void lagPartitionWithWhen() {
        assertNull(callIn("lag", "1", true, "foo"));
        assertEquals("foo", callIn("lag", "1", false, "bar"));
        assertNull(callIn("lag", "2", true, "bar"));
        assertEquals("foo", callIn("lag", "1", true, "foo"));
        assertEquals("bar", callIn("lag", "2", true, "foo"));
    }

    @Test
    void lagIndexWithDefault() {
        assertEquals("no result", call("lag", "bar", 2L, "no result"));
        assertEquals("no result", call("lag", "bar", 2L, "no result"));
        assertEquals("bar", call("lag", "foo", 2L, "no result"));
        assertEquals("bar", call("lag", "foo", 2L, "no result"));
        assertEquals("foo", call("lag", "foo", 2L, "no result"));
    }

    @Test
    void lagIndex() {
        assertNull(call("lag", "bar", 2L));
        assertNull(call("lag", "bar", 2L));
        assertEquals("bar", call("lag", "foo", 2L));
        assertEquals("bar", call("lag", "foo", 2L));
        assertEquals("foo", call("lag", "foo", 2L));
    }

    @Test
    void lagOffsetDefaultConformance() {
        // conformance analytic_lag_offset_default: lag(a, 2, "a10")
        List<Object> got = new ArrayList<>();
        for (String a : List.of("a1", "a2", "a1", "a1")) {
            got.add(call("lag", a, 2L, "a10"));
        }
        assertEquals(List.of("a10", "a10", "a1", "a2"), got);
    }

    @Test
    void lagDefaultIsTakenFromTheFirstRow() {
        // docs: ts - lag(ts, 1, ts, true): the history is filled with the first row's ts
        assertEquals(100L, call("lag", 100L, 1L, 100L, true));
        assertEquals(100L, call("lag", 150L, 1L, 150L, true));
        assertEquals(150L, call("lag", 170L, 1L, 170L, true));
    }

    @Test
    void lagKeepingNulls() {
        assertNull(call("lag", "a", 1L, null, false));
        assertEquals("a", call("lag", null, 1L, null, false));
        assertNull(call("lag", "b", 1L, null, false));
        assertEquals("b", call("lag", "c", 1L, null, false));
    }

    @Test
    void lagOffsetErrors() {
        assertEquals("error converting second arg a to int: cannot convert string(a) to int",
                error("lag", 1L, "a"));
        assertEquals("error converting second arg 1.5 to int: cannot convert float64(1.5) to int",
                error("lag", 1L, 1.5));
        assertEquals("the index should not be a nagtive integer", error("lag", 1L, -1L));
        // offset 0 never has a value
        assertNull(callIn("lag", "z", true, 1L, 0L));
        assertNull(callIn("lag", "z", true, 2L, 0L));
    }

    // ---------------------------------------------------------------------------------------------------- latest

    @Test
    void latestExec() {
        assertNull(call("latest", (Object) null));
        assertEquals("foo", call("latest", "foo"));
        assertEquals("foo", call("latest", (Object) null));
        assertEquals("bar", call("latest", "bar"));
        assertEquals("bar", call("latest", (Object) null));
        assertEquals("foo", call("latest", "foo"));
    }

    @Test
    void latestWithWhen() {
        assertEquals("foo", callIn("latest", "self", true, "foo"));
        assertEquals("foo", callIn("latest", "self", true, (Object) null));
        assertEquals("foo", callIn("latest", "self", false, "bar"));
        assertEquals("foo", callIn("latest", "self", true, (Object) null));
        assertEquals("foo", callIn("latest", "self", true, "foo"));
    }

    @Test
    void latestPartitionAndDefault() {
        assertEquals("foo", callIn("latest", "2", true, "foo"));
        assertEquals("dd", callIn("latest", "1", true, null, "dd"));
        assertEquals("bar", callIn("latest", "1", true, "bar"));
        assertEquals("foo", callIn("latest", "2", true, (Object) null));
        assertEquals("foo", callIn("latest", "1", true, "foo"));
    }

    @Test
    void latestConformance() {
        // conformance analytic_latest: latest(temp), latest(hum, "none")
        Object[] temp = {20.5, null, 21.5, null};
        Object[] hum = {null, null, 50L, null};
        List<Object> lt = new ArrayList<>();
        List<Object> lh = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lt.add(callIn("latest", "t", true, temp[i]));
            lh.add(callIn("latest", "h", true, hum[i], "none"));
        }
        assertEquals(List.of(20.5, 20.5, 21.5, 21.5), lt);
        assertEquals(List.of("none", "none", 50L, 50L), lh);
    }

    @Test
    void latestValidation() {
        assertNull(validate("latest", field("a")));
        assertNull(validate("latest", field("a"), lit(1L)));
        assertEquals("expect one or two args but got 0", validate("latest"));
        assertEquals("expect one or two args but got 3", validate("latest", field("a"), lit(1L), lit(2L)));
    }

    // ------------------------------------------------------------------------------------------------------ acc_*

    private List<Object> accSeq(String name, Object[]... rows) {
        cells.clear();
        List<Object> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(call(name, r));
        }
        return out;
    }

    private static Object[] r(Object... v) {
        return v;
    }

    @Test
    void accWithConditions() {
        // funcs_acc_test.go TestAccumulateAggCond: (value, begin, reset)
        assertEquals(List.of(0.0, 1.0, 1.0, 1.0, 0.0), accSeq("acc_avg", r(1L, false, false), r(1L, true, false),
                r(1L, false, false), r(1L, false, true), r(1L, false, false)));
        assertEquals(List.of(0.0, 5.0, 4.0, 3.0, 0.0), accSeq("acc_min", r(1L, false, false), r(5L, true, false),
                r(4L, false, false), r(3L, false, true), r(2L, false, false)));
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 0.0), accSeq("acc_sum", r(1L, false, false), r(1L, true, false),
                r(1L, false, false), r(1L, false, true), r(1L, false, false)));
        assertEquals(List.of(0L, 1L, 2L, 3L, 0L), accSeq("acc_count", r(1L, false, false), r(1L, true, false),
                r(1L, false, false), r(1L, false, true), r(1L, false, false)));
    }

    @Test
    void accCountDocExample() {
        // analytic_functions.md: acc_count(a, a > 1, a < 0) over 1, 2, 1, 3, -1, 1
        long[] a = {1, 2, 1, 3, -1, 1};
        cells.clear();
        List<Object> got = new ArrayList<>();
        for (long x : a) {
            got.add(call("acc_count", x, x > 1, x < 0));
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 0L), got);
    }

    @Test
    void accDocExamples() {
        // analytic_functions.md: inputs 1, 2, 3
        assertEquals(List.of(1.0, 3.0, 6.0), accSeq("acc_sum", r(1L), r(2L), r(3L)));
        assertEquals(List.of(1.0, 2.0, 3.0), accSeq("acc_max", r(1L), r(2L), r(3L)));
        assertEquals(List.of(1.0, 1.0, 1.0), accSeq("acc_min", r(1L), r(2L), r(3L)));
        assertEquals(List.of(1L, 2L, 3L), accSeq("acc_count", r(1L), r(2L), r(3L)));
        assertEquals(List.of(1.0, 1.5, 2.0), accSeq("acc_avg", r(1L), r(2L), r(3L)));
    }

    @Test
    void accTypes() {
        // funcs_acc_test.go TestAccumulateAgg
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), accSeq("acc_count", r("1"), r(1.0), r(1.0f), r(1), r(1),
                r(1L)));
        cells.clear();
        assertEquals("the value should be number", error("acc_avg", "1"));
        assertEquals(1.0, call("acc_avg", 1.0));
        assertEquals(1.0, call("acc_avg", 1L));
        cells.clear();
        assertEquals("the value should be number", error("acc_max", "1"));
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), List.of(call("acc_max", 1.0), call("acc_max", 2.0),
                call("acc_max", 3.0), call("acc_max", 4L), call("acc_max", 5L)));
        cells.clear();
        assertEquals("the value should be number", error("acc_min", "1"));
        assertEquals(List.of(5.0, 4.0, 3.0, 2.0, 1.0), List.of(call("acc_min", 5.0), call("acc_min", 4.0),
                call("acc_min", 3.0), call("acc_min", 2L), call("acc_min", 1L)));
        cells.clear();
        assertEquals("the value should be number", error("acc_sum", "1"));
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), List.of(call("acc_sum", 1.0), call("acc_sum", 1.0),
                call("acc_sum", 1L), call("acc_sum", 1L), call("acc_sum", 1L)));
    }

    @Test
    void accInvalidFirstRow() {
        // TestAccumulateAgg tests2: a first row outside WHEN reports the initial value
        for (String f : List.of("acc_sum", "acc_max", "acc_min", "acc_avg")) {
            cells.clear();
            assertEquals(0.0, callIn(f, "self", false, 1L), f);
        }
        cells.clear();
        assertEquals(0L, callIn("acc_count", "self", false, 1L));
    }

    @Test
    void accNulls() {
        assertEquals(List.of(1L, 1L, 2L), accSeq("acc_count", r(1L), r((Object) null), r("x")));
        assertEquals(List.of(1.0, 1.0), accSeq("acc_sum", r(1L), r((Object) null)));
        cells.clear();
        assertEquals(1.0, call("acc_min", 1L));
        assertEquals("the value should be number", error("acc_min", (Object) null));
        assertEquals("the value should be number", error("acc_avg", (Object) null));
        assertEquals(1.0, call("acc_min", 2L));
    }

    @Test
    void accCountWhenConformance() {
        // conformance analytic_acc_count_when: acc_count(size) OVER (WHEN color = "red")
        String[] color = {"red", "blue", "blue", "yellow", "red"};
        long[] size = {3, 6, 2, 4, 1};
        List<Object> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.add(callIn("acc_count", "self", color[i].equals("red"), size[i]));
        }
        assertEquals(List.of(1L, 1L, 1L, 1L, 2L), got);
    }

    @Test
    void accMaxMinWhenConformance() {
        String[] color = {"red", "blue", "red"};
        long[] size = {3, 6, 1};
        List<Object> mn = new ArrayList<>();
        List<Object> mx = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mn.add(callIn("acc_min", "mn", color[i].equals("red"), size[i]));
            mx.add(callIn("acc_max", "mx", color[i].equals("red"), size[i]));
        }
        assertEquals(List.of(3.0, 3.0, 1.0), mn);
        assertEquals(List.of(3.0, 3.0, 3.0), mx);
    }

    @Test
    void accSumPartitionConformance() {
        String[] color = {"red", "blue", "blue", "yellow", "red"};
        long[] size = {3, 6, 2, 4, 1};
        List<Object> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.add(callIn("acc_sum", color[i], true, size[i]));
        }
        assertEquals(List.of(3.0, 6.0, 8.0, 4.0, 4.0), got);
    }

    @Test
    void accConditionErrors() {
        assertEquals("onBegin should be boolean", error("acc_sum", 1L, null, false));
        assertEquals("onReset should be boolean", error("acc_sum", 1L, true, 1L));
        assertEquals("wrong args length", error("acc_sum", 1L, true));
        assertEquals("Expect 1/3 arguments but found 2.", validate("acc_sum", field("a"), field("b")));
        assertNull(validate("acc_count", field("a")));
        assertNull(validate("acc_avg", field("a"), lit(true), lit(false)));
    }

    @Test
    void accConditionalErrorKeepsOnlyStoredStatus() {
        // eKuiper returns before saving the status: a status never stored is dropped...
        cells.clear();
        assertEquals("the value should be number", error("acc_sum", "x", true, false));
        assertEquals(0.0, call("acc_sum", 1L, false, false));
        // ...but a stored one was mutated in place and keeps having begun
        cells.clear();
        assertEquals(1.0, call("acc_sum", 1L, true, false));
        assertEquals("the value should be number", error("acc_sum", "x", false, false));
        assertEquals(3.0, call("acc_sum", 2L, false, false));
    }

    @Test
    void accExtremesStartFromInt64Bounds() {
        assertEquals(List.of(-9.223372036854776E18), accSeq("acc_max", r(-1e19)));
        assertEquals(List.of(9.223372036854776E18), accSeq("acc_min", r(1e19)));
    }

    // ---------------------------------------------------------------------------------------------- changed_cols

    private Object cols(StateCell st, Object... argsAndKeys) {
        Object[] all = Arrays.copyOf(argsAndKeys, argsAndKeys.length + 1);
        all[argsAndKeys.length] = st;
        return def("changed_cols").scalar().apply(ctx, all);
    }

    private String colsError(StateCell st, Object... argsAndKeys) {
        return assertThrows(EvalException.class, () -> cols(st, argsAndKeys)).getMessage();
    }

    @Test
    void changedColsValidation() {
        assertEquals("expect more than two args but got 1", validate("changed_cols", lit("foo")));
        assertEquals("expect more than two args but got 2", validate("changed_cols", lit("foo"), lit("bar")));
        assertEquals("Expect bool type for parameter 2",
                validate("changed_cols", lit("foo"), lit("bar"), lit("baz")));
        assertEquals("Expect string type for parameter 1",
                validate("changed_cols", lit(20L), lit(true), lit("baz")));
        assertNull(validate("changed_cols", field("a"), lit(true), lit("baz")));
    }

    @Test
    void changedColsExec() {
        // funcs_cols_test.go TestExec
        StateCell st = new StateCell();
        List<String> keys = List.of("a", "b", "col1", "col2");
        assertEquals("the last arg is not the key list but got baz", colsError(st, "foo", "bar", "baz"));
        assertEquals("expect more than two args but got 2", colsError(st, "foo", "bar", List.of("baz")));
        assertEquals("second arg is not a bool but got bar", colsError(st, "foo", "bar", "baz", List.of("baz")));
        assertEquals(map("ab_col1", "baz", "ab_col2", 44L), cols(st, "ab_", true, "baz", 44L, keys));
        assertEquals(Map.of(), cols(st, "ab_", true, "baz", 44L, keys));
        assertEquals(map("cd_col2", 45L), cols(st, "cd_", true, "baz", 45L, keys));
        assertEquals(map("ab_col1", "foo", "ab_col2", 46L), cols(st, "ab_", true, "foo", 46L, keys));
        assertEquals(Map.of(), cols(st, "ab_", true, "foo", 46L, keys));
        assertEquals(map("ab_col1", "baz", "ab_col2", 44L), cols(st, "ab_", true, "baz", 44L, keys));
    }

    @Test
    void changedColsNotIgnoringNull() {
        // funcs_cols_test.go TestExecIgnoreNull
        StateCell st = new StateCell();
        List<String> keys = List.of("a", "b", "col1", "col2");
        assertEquals(map("ab_col1", "baz", "ab_col2", 44L), cols(st, "ab_", false, "baz", 44L, keys));
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("ab_col1", null);
        assertEquals(withNull, cols(st, "ab_", false, null, 44L, keys));
        assertEquals(map("cd_col1", "baz", "cd_col2", 45L), cols(st, "cd_", false, "baz", 45L, keys));
        assertEquals(map("ab_col1", "foo", "ab_col2", 46L), cols(st, "ab_", true, "foo", 46L, keys));
        assertEquals(Map.of(), cols(st, "ab_", true, "foo", 46L, keys));
        assertEquals(Map.of(), cols(st, "ab_", true, null, 46L, keys));
        assertEquals(map("ab_col1", "baz", "ab_col2", 44L), cols(st, "ab_", true, "baz", 44L, keys));
    }

    @Test
    void changedColsDocExample() {
        // analytic_functions.md: CHANGED_COLS("", true, temperature)
        StateCell st = new StateCell();
        List<String> keys = List.of("", "true", "temperature");
        List<Object> got = new ArrayList<>();
        for (long t : new long[] {23, 23, 23, 25, 25}) {
            got.add(cols(st, "", true, t, keys));
        }
        assertEquals(List.of(map("temperature", 23L), Map.of(), Map.of(), map("temperature", 25L), Map.of()), got);
    }

    @Test
    void changedColsKeyLists() {
        StateCell st = new StateCell();
        // just the monitored names is accepted too
        assertEquals(map("p_x", 1L, "p_y", 2L), cols(st, "p_", true, 1L, 2L, List.of("x", "y")));
        assertEquals("the length of keys 1 does not match the args 2",
                colsError(st, "p_", true, 1L, 2L, List.of("x")));
        assertThrows(IllegalStateException.class,
                () -> def("changed_cols").scalar().apply(ctx, new Object[] {"p_", true, 1L, List.of("x")}));
        assertEquals("first arg is not a string but got 1", colsError(st, 1L, true, 1L, List.of("x")));
    }

    // ------------------------------------------------------------------------------------------------ deepEquals

    @Test
    void deepEquals() {
        assertTrue(AnalyticValues.deepEquals(null, null));
        assertFalse(AnalyticValues.deepEquals(1L, null));
        assertTrue(AnalyticValues.deepEquals(1L, 1));
        assertFalse(AnalyticValues.deepEquals(1L, 1.0));
        assertFalse(AnalyticValues.deepEquals(Double.NaN, Double.NaN));
        assertTrue(AnalyticValues.deepEquals(0.0, -0.0));
        assertTrue(AnalyticValues.deepEquals(new byte[] {1, 2}, new byte[] {1, 2}));
        assertTrue(AnalyticValues.deepEquals(map("a", List.of(1L)), map("a", List.of(1L))));
        assertFalse(AnalyticValues.deepEquals(map("a", 1L), map("a", 2L)));
        assertFalse(AnalyticValues.deepEquals(map("a", 1L), map("b", 1L)));
    }
}
