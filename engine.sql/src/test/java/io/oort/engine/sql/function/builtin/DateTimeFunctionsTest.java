package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.TestFnContext;
import io.oort.engine.sql.value.EvalException;

/** Cases from eKuiper's funcs_datetime_test.go and pkg/cast/time_test.go, plus null and type handling. */
class DateTimeFunctionsTest {

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

    private static Literal lit(Object v) {
        return new Literal(Pos.NONE, v);
    }

    private static FieldRef col(String name) {
        return new FieldRef(Pos.NONE, null, name);
    }

    // --------------------------------------------------------------------------------------- current time

    @Test
    void nowFormatsTheEngineClockInTheConfiguredZone() {
        ctx.now = 1_700_000_000_123L; // 2023-11-14T22:13:20.123Z
        for (String name : List.of("now", "current_timestamp", "local_time", "local_timestamp")) {
            assertEquals("2023-11-14 22:13:20", call(name), name);
        }
        ctx.zone = ZoneId.of("Asia/Shanghai");
        assertEquals("2023-11-15 06:13:20", call("now"));
    }

    @Test
    void nowWithFractionalPrecisionKeepsEkuipersDoubleDot() {
        // eKuiper appends ".SSS" to "ss" and its S letters bring their own dot: "05..000"
        ctx.now = 1_700_000_000_123L;
        assertEquals("2023-11-14 22:13:20..1", call("now", 1L));
        assertEquals("2023-11-14 22:13:20..123", call("now", 3L));
        assertEquals("2023-11-14 22:13:20..123000", call("now", 6L));
        assertEquals("2023-11-14 22:13:20", call("now", 7L));
        assertEquals("22:13:20..12", call("cur_time", 2L));
    }

    @Test
    void curTimeAndCurDate() {
        ctx.now = 1_700_000_000_000L;
        assertEquals("22:13:20", call("cur_time"));
        assertEquals("22:13:20", call("current_time"));
        assertEquals("2023-11-14", call("cur_date"));
        assertEquals("2023-11-14", call("current_date"));
        ctx.zone = ZoneId.of("Asia/Shanghai");
        assertEquals("2023-11-15", call("cur_date"));
    }

    @Test
    void fspValidation() {
        assertNull(validate("now"));
        assertNull(validate("now", lit(3L)));
        assertEquals("too many arguments", validate("now", lit(1L), lit(2L)));
        assertEquals("Expect int type for parameter 1", validate("cur_time", lit("3")));
        assertEquals("Expect int type for parameter 1", validate("now", col("a")));
        assertEquals("Expect 0 arguments but found 1.", validate("cur_date", lit(1L)));
    }

    // ----------------------------------------------------------------------------------------- formatting

    @Test
    void formatTime() {
        Instant t = Instant.parse("2020-01-16T02:14:24.913Z");
        assertEquals("2020-01-16 02:14:24.913", call("format_time", t, "YYYY-MM-dd HH:mm:ssSSS"));
        assertEquals("2020-01-16 T 02:14:24", call("format_time", t, "YYYY-MM-dd T HH:mm:ss"));
        assertEquals("2020-01-16", call("format_time", t, "yyyy-MM-dd"));
        assertEquals("Thu, 16 Jan 20 02:14:24 AM UTC +0000", call("format_time", t, "EEE, d MMM yy hh:mm:ss a z Z"));
        assertEquals("Thursday January 2:14 AD", call("format_time", t, "EEEE MMMM h:m G"));
        // quoted text is copied as is; eKuiper has no quote escape inside it, only '' outside
        assertEquals("at 02 oclock", call("format_time", t, "'at' HH 'o''clock'"));
        // outside quotes, s is the second
        assertEquals("it'24", call("format_time", t, "'it'''s"));
        assertEquals("invalid time format YYY for Y/y", error("format_time", t, "YYY"));
        assertEquals("invalid time format yyyy-MM-dd H of H, only HH is supported",
                error("format_time", t, "yyyy-MM-dd H"));
        assertEquals("invalid time format EE for E", error("format_time", t, "EE"));
    }

    @Test
    void formatTimeAcceptsEpochMillisAndStringsAndUsesTheirZone() {
        assertEquals("2023-11-14 22:13:20", call("format_time", 1_700_000_000_000L, "yyyy-MM-dd HH:mm:ss"));
        assertEquals("2023-11-14 22:13:20", call("format_time", 1.7e12, "yyyy-MM-dd HH:mm:ss"));
        ctx.zone = ZoneId.of("Asia/Shanghai");
        assertEquals("2023-11-15 06:13:20 +08:00 CST",
                call("format_time", 1_700_000_000_000L, "yyyy-MM-dd HH:mm:ss XXX z"));
        // a string with an offset keeps that offset
        assertEquals("2019-01-01 01:00:00 -0500",
                call("format_time", "2019-01-01T01:00:00-05:00", "yyyy-MM-dd HH:mm:ss Z"));
    }

    @Test
    void goLayoutTranslation() {
        assertEquals("2006-01-02T15:04:05.00Z-0700", DateTimeFormats.toGoLayout("yyyy-MM-ddTHH:mm:ssSS\\ZXX"));
        assertEquals("2006-01-02 15:04:05.0000000-0700", DateTimeFormats.toGoLayout("yyyy-MM-dd HH:mm:ssSSSSSSSXX"));
        assertEquals("\\ is invalid", assertThrows(EvalException.class, () -> DateTimeFormats.toGoLayout("\\"))
                .getMessage());
    }

    @Test
    void formatTimeNullsAndValidation() {
        assertNull(call("format_time", null, "yyyy"));
        assertNull(call("format_time", 1L, null));
        assertEquals("unsupported type to convert to timestamp true", error("format_time", true, "yyyy"));
        assertEquals("Expect 2 arguments but found 1.", validate("format_time", lit(1L)));
        assertEquals("Expect datetime type for parameter 1", validate("format_time", lit(1L), lit("yyyy-MM-dd")));
        assertEquals("Expect string type for parameter 2", validate("format_time", col("t"), lit(1L)));
        assertNull(validate("format_time", col("t"), col("f")));
    }

    // ----------------------------------------------------------------------------------------- arithmetic

    @Test
    void dateCalc() {
        assertEquals("2019-01-02 00:00:00", call("date_calc", "2019-01-01 00:00:00", "24h"));
        assertEquals("2018-12-31 00:00:00", call("date_calc", "2019-01-01 00:00:00", "-24h"));
        assertEquals("2019-01-01 01:30:10", call("date_calc", "2019-01-01", "1h30m10s100ms200us300ns"));
        assertEquals("2019-01-01 00:00:01", call("date_calc", "2019-01-01", "1.5s"));
        assertEquals("2019-01-01 00:00:00", call("date_calc", "2019-01-01", "0"));
        assertEquals("time: invalid duration \"abc\"", error("date_calc", "2019-01-01", "abc"));
        assertEquals("time: missing unit in duration \"1\"", error("date_calc", "2019-01-01", "1"));
        assertEquals("time: unknown unit \"d\" in duration \"1d\"", error("date_calc", "2019-01-01", "1d"));
        assertEquals("time: invalid duration \"\"", error("date_calc", "2019-01-01", null));
        assertEquals("unsupported type to convert to timestamp <nil>", error("date_calc", null, "1h"));
    }

    @Test
    void dateCalcValidation() {
        assertEquals("Expect 2 arguments but found 0.", validate("date_calc"));
        assertEquals("Expect datetime type for parameter 1", validate("date_calc", lit(1L), lit("24h")));
        assertEquals("Expect string type for parameter 2", validate("date_calc", col("t"), col("d")));
        assertNull(validate("date_calc", col("t"), lit("24h")));
    }

    @Test
    void dateDiffIsNanoseconds() {
        assertEquals(86_400_000_000_000L, call("date_diff", "2019-01-01 00:00:00", "2019-01-02 00:00:00"));
        assertEquals(-1_000_000L, call("date_diff", 1001L, 1000L));
        assertEquals("Expect 2 arguments but found 0.", validate("date_diff"));
        assertEquals("Expect datetime type for parameter 1", validate("date_diff", lit(1L), lit(2L)));
        assertEquals("Expect datetime type for parameter 1", validate("date_diff", col("a"), lit("x")));
    }

    // ------------------------------------------------------------------------------------------- fields

    @Test
    void fieldsOfADatetimeString() {
        assertEquals("Tuesday", call("day_name", "2019-01-01 00:00:00"));
        assertEquals(1L, call("day_of_month", "2019-01-01 00:00:00"));
        assertEquals(1L, call("day", "2019-01-01 00:00:00"));
        assertEquals(2L, call("day_of_week", "2019-01-01 00:00:00"));
        assertEquals(0L, call("day_of_week", "2019-01-06"));
        assertEquals(1L, call("day_of_year", "2019-01-01 00:00:00"));
        assertEquals(1L, call("hour", "2019-01-01 01:00:00"));
        assertEquals("2019-01-31", call("last_day", "2019-01-01 01:00:00"));
        assertEquals("2020-02-29", call("last_day", "2020-02-10"));
        assertEquals(123456L, call("microsecond", "2019-01-01 01:00:00.123456"));
        assertEquals(120000L, call("microsecond", "2019-01-01 01:00:00.12"));
        assertEquals(23L, call("minute", "2019-01-01 01:23:45"));
        assertEquals(1L, call("month", "2019-01-01 01:23:45"));
        assertEquals("January", call("month_name", "2019-01-01 01:23:45"));
        assertEquals(45L, call("second", "2019-01-01 01:23:45"));
    }

    @Test
    void fieldsOfEpochMillisAndInstantsUseTheConfiguredZone() {
        assertEquals(22L, call("hour", 1_700_000_000_000L));
        assertEquals(22L, call("hour", 1.7e12));
        assertEquals(22L, call("hour", Instant.ofEpochMilli(1_700_000_000_000L)));
        ctx.zone = ZoneId.of("Asia/Shanghai");
        assertEquals(6L, call("hour", 1_700_000_000_000L));
        assertEquals("Wednesday", call("day_name", 1_700_000_000_000L));
    }

    @Test
    void stringOffsetsWinOverTheConfiguredZone() {
        assertEquals(1L, call("hour", "2019-01-01T01:00:00+08:00"));
        assertEquals(1L, call("hour", "2019-01-01T01:00:00Z"));
        assertEquals(753000L, call("microsecond", "2025-06-04T08:54:00.753Z"));
        assertEquals(700000L, call("microsecond", "2025-06-04T08:54:00.7Z"));
        assertEquals(16L, call("day_of_month", "Thu, 16 Jan 2020 02:14:24 +0800"));
        assertEquals(15L, call("hour", "3:04PM"));
    }

    @Test
    void otherStringLayouts() {
        assertEquals(12L, call("month", "2019/12/01"));
        assertEquals(12L, call("month", "20191201"));
        assertEquals(12L, call("month", "2019.12.01 10:00:00"));
        assertEquals(5L, call("day_of_month", "12/5/2019"));
        assertEquals(15L, call("hour", "Jan  2 15:04:05"));
        assertEquals(1L, call("month", "2019"));
        // jinzhu/now fills a missing year from the clock when finer fields are set
        ctx.now = 1_700_000_000_000L;
        assertEquals("2023-01-01 15:04:00", call("format_time", "3:04PM", "yyyy-MM-dd HH:mm:ss"));
    }

    @Test
    void timeOnlyStringsTakeTodaysDate() {
        ctx.now = 1_700_000_000_000L; // 2023-11-14
        assertEquals(10L, call("hour", "10:20:30"));
        assertEquals(14L, call("day_of_month", "10:20:30"));
        assertEquals(11L, call("month", "10:20"));
        assertEquals("2023-11-14 10:20:30", call("format_time", "10:20:30", "yyyy-MM-dd HH:mm:ss"));
    }

    @Test
    void jinzhuNowReplacesAZeroFieldAfterASetOneWhenTheStringHasNoPlainTimeOfDay() {
        // the RFC 1123 text does not match jinzhu's "has a time" pattern, so a zero minute following a
        // non-zero second takes the clock's minute (13 at 22:13:20), as in eKuiper
        ctx.now = 1_700_000_000_000L;
        assertEquals("2006-01-02 15:13:05",
                call("format_time", "Mon, 02 Jan 2006 15:00:05 +0000", "yyyy-MM-dd HH:mm:ss"));
        assertEquals("2006-01-02 15:00:05", call("format_time", "2006-01-02 15:00:05", "yyyy-MM-dd HH:mm:ss"));
    }

    @Test
    void badDatetimeArguments() {
        assertEquals("Can't parse string as time: abc", error("hour", "abc"));
        assertEquals("Can't parse string as time: 2019-13-01", error("hour", "2019-13-01"));
        assertEquals("unsupported type to convert to timestamp <nil>", error("minute", (Object) null));
        assertEquals("unsupported type to convert to timestamp true", error("second", true));
        assertEquals("unsupported type to convert to timestamp [1 2]", error("day", List.of(1L, 2L)));
    }

    @Test
    void fieldValidation() {
        for (String name : List.of("day_name", "day_of_month", "day", "day_of_week", "day_of_year", "hour",
                "last_day", "microsecond", "minute", "month", "second")) {
            assertEquals("Expect 1 arguments but found 0.", validate(name), name);
            assertEquals("Expect datetime type for parameter 1", validate(name, lit(1L)), name);
            assertEquals("Expect datetime type for parameter 1", validate(name, lit("2019-01-01")), name);
            assertEquals("Expect datetime type for parameter 1",
                    validate(name, new BinaryExpr(Pos.NONE, BinaryOp.GT, col("a"), lit(1L))), name);
            assertNull(validate(name, col("a")), name);
        }
        // eKuiper reports month_name's argument as parameter 2
        assertEquals("Expect datetime type for parameter 2", validate("month_name", lit(1L)));
    }

    // ------------------------------------------------------------------------------------ from_* functions

    @Test
    void fromDays() {
        assertEquals("1970-04-10", call("from_days", 100L));
        assertEquals("1970-01-01", call("from_days", 1L));
        assertNull(call("from_days", 0L));
        assertNull(call("from_days", (Object) null));
        assertEquals("cannot convert string(1) to int", error("from_days", "1"));
        assertEquals("Expect 1 arguments but found 0.", validate("from_days"));
        // eKuiper rejects any literal here, integers included
        assertEquals("Expect int type for parameter 1", validate("from_days", lit(1L)));
        assertNull(validate("from_days", col("d")));
    }

    @Test
    void fromUnixTime() {
        assertEquals("2023-08-14 06:38:25", call("from_unix_time", 1691995105L));
        ctx.zone = ZoneId.of("Asia/Shanghai");
        assertEquals("2023-08-14 14:38:25", call("from_unix_time", 1691995105L));
        assertEquals("2023-08-14 14:38:25", call("from_unix_time", 1691995105.0));
        assertNull(call("from_unix_time", 0L));
        assertNull(call("from_unix_time", (Object) null));
        assertEquals("cannot convert float64(1.5) to int", error("from_unix_time", 1.5));
        assertEquals("Expect int type for parameter 1", validate("from_unix_time", lit(0.1)));
    }

    @Test
    void durationParsing() {
        assertEquals(5_400_000_000_000L, DateTimeFormats.parseDuration("1h30m"));
        assertEquals(-1_500_000L, DateTimeFormats.parseDuration("-1.5ms"));
        assertEquals(2_000L, DateTimeFormats.parseDuration("2\u00b5s"));
        assertEquals(500_000_000L, DateTimeFormats.parseDuration(".5s"));
        assertEquals("time: invalid duration \"9999999999h\"",
                assertThrows(EvalException.class, () -> DateTimeFormats.parseDuration("9999999999h")).getMessage());
    }
}
