package io.oort.engine.sql.function.builtin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.function.ArgValidator;
import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.ScalarImpl;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.Strictness;

/**
 * Date and time functions (eKuiper's {@code funcs_datetime.go}). Arguments are read as eKuiper's
 * {@code cast.InterfaceToTime} does: epoch milliseconds (integer or float), datetimes, or strings in one of the
 * layouts it tries. Results are strings, integers (fields, {@code date_diff} nanoseconds) or names. As in eKuiper,
 * only format_time, from_days and from_unix_time answer null for a null argument; the others report it as an error.
 */
public final class DateTimeFunctions {

    private DateTimeFunctions() {
    }

    private static final String DATETIME_LAYOUT = DateTimeFormats.DATETIME_PATTERN;

    public static void register(FunctionRegistry r) {
        ScalarImpl now = (ctx, args) -> current(ctx, args, false);
        for (String name : List.of("now", "current_timestamp", "local_time", "local_timestamp")) {
            r.register(FunctionDef.scalar(name, FSP, now));
        }
        ScalarImpl curTime = (ctx, args) -> current(ctx, args, true);
        for (String name : List.of("cur_time", "current_time")) {
            r.register(FunctionDef.scalar(name, FSP, curTime));
        }
        ScalarImpl curDate = (ctx, args) -> DateTimeFormats.format(
                DateTimeValue.ofEpochMilli(ctx.nowMillis(), ctx.zone()), DateTimeFormats.DATE_PATTERN);
        for (String name : List.of("cur_date", "current_date")) {
            r.register(FunctionDef.scalar(name, Args.NO_ARG, curDate));
        }

        r.register(FunctionDef.scalar("format_time", args -> {
            String e = Args.len(2, args);
            if (e != null) {
                return e;
            }
            if (notDatetime(args.get(0))) {
                return Args.typeError(0, "datetime");
            }
            return Args.notString(args.get(1)) ? Args.typeError(1, "string") : null;
        }, (ctx, args) -> {
            if (anyNull(args)) {
                return null;
            }
            DateTimeValue t = DateTimeFormats.toTime(args[0], ctx);
            return DateTimeFormats.format(t, DateTimeFormats.toStringAlways(args[1], ctx.zone()));
        }));

        r.register(FunctionDef.scalar("date_calc", args -> {
            String e = Args.len(2, args);
            if (e != null) {
                return e;
            }
            if (notDatetime(args.get(0))) {
                return Args.typeError(0, "datetime");
            }
            return Args.isStringArg(args.get(1)) ? null : Args.typeError(1, "string");
        }, DateTimeFunctions::dateCalc));

        r.register(FunctionDef.scalar("date_diff", args -> {
            String e = Args.len(2, args);
            if (e != null) {
                return e;
            }
            // eKuiper names parameter 1 for either argument
            return notDatetime(args.get(0)) || notDatetime(args.get(1)) ? Args.typeError(0, "datetime") : null;
        }, (ctx, args) -> {
            DateTimeValue a = DateTimeFormats.toTime(args[0], ctx);
            DateTimeValue b = DateTimeFormats.toTime(args[1], ctx);
            return subNanos(b.instant(), a.instant());
        }));

        field(r, "day_name", 0, (ctx, args) ->
                DateTimeLayout.LONG_DAY_NAMES[weekday(DateTimeFormats.toTime(args[0], ctx).time())]);
        ScalarImpl dayOfMonth = longField(z -> z.getDayOfMonth());
        field(r, "day_of_month", 0, dayOfMonth);
        field(r, "day", 0, dayOfMonth);
        field(r, "day_of_week", 0, longField(z -> weekday(z)));
        field(r, "day_of_year", 0, longField(z -> z.getDayOfYear()));
        field(r, "hour", 0, longField(z -> z.getHour()));
        field(r, "microsecond", 0, longField(z -> z.getNano() / 1000));
        field(r, "minute", 0, longField(z -> z.getMinute()));
        field(r, "month", 0, longField(z -> z.getMonthValue()));
        field(r, "second", 0, longField(z -> z.getSecond()));
        // eKuiper reports a wrong month_name argument as parameter 2
        field(r, "month_name", 1, (ctx, args) ->
                DateTimeLayout.LONG_MONTH_NAMES[DateTimeFormats.toTime(args[0], ctx).time().getMonthValue() - 1]);
        field(r, "last_day", 0, (ctx, args) -> {
            ZonedDateTime z = DateTimeFormats.toTime(args[0], ctx).time();
            ZonedDateTime last = z.toLocalDate().withDayOfMonth(z.toLocalDate().lengthOfMonth())
                    .atStartOfDay(ZoneOffset.UTC);
            return DateTimeFormats.format(DateTimeValue.of(last), DateTimeFormats.DATE_PATTERN);
        });

        r.register(FunctionDef.scalar("from_days", ONE_INT, (ctx, args) -> {
            if (anyNull(args)) {
                return null;
            }
            long days = goInt(args[0]);
            if (days == 0) {
                return null;
            }
            // Go's Duration arithmetic wraps on overflow; so does Java's long
            long nanos = (days - 1) * 24 * 3_600_000_000_000L;
            Instant t = Instant.ofEpochSecond(0, nanos);
            return DateTimeFormats.format(DateTimeValue.ofInstant(t, ctx.zone()), DateTimeFormats.DATE_PATTERN);
        }));

        r.register(FunctionDef.scalar("from_unix_time", ONE_INT, (ctx, args) -> {
            if (anyNull(args)) {
                return null;
            }
            long seconds = goInt(args[0]);
            if (seconds == 0) {
                return null;
            }
            Instant t;
            try {
                t = Instant.ofEpochSecond(seconds);
            } catch (java.time.DateTimeException e) {
                throw new EvalException("unix time " + seconds + " is out of range");
            }
            return DateTimeFormats.format(DateTimeValue.ofInstant(t, ctx.zone()), DATETIME_LAYOUT);
        }));
    }

    // ------------------------------------------------------------------------------------------ validators

    /** A literal that certainly is not a datetime: number, string or boolean. */
    private static boolean notDatetime(Expr e) {
        return Args.isNumericArg(e) || Args.isStringArg(e) || Args.isBooleanArg(e);
    }

    /** eKuiper's validFspArgs: none, or one integer literal. */
    private static final ArgValidator FSP = args -> {
        if (args.isEmpty()) {
            return null;
        }
        if (args.size() > 1) {
            return "too many arguments";
        }
        return Args.isIntegerArg(args.get(0)) ? null : Args.typeError(0, "int");
    };

    /** from_days / from_unix_time: eKuiper rejects any literal, numbers included. */
    private static final ArgValidator ONE_INT = args -> {
        String e = Args.len(1, args);
        if (e != null) {
            return e;
        }
        return notDatetime(args.get(0)) ? Args.typeError(0, "int") : null;
    };

    private static ArgValidator oneDatetime(int reportedIndex) {
        return args -> {
            String e = Args.len(1, args);
            if (e != null) {
                return e;
            }
            return notDatetime(args.get(0)) ? Args.typeError(reportedIndex, "datetime") : null;
        };
    }

    // ------------------------------------------------------------------------------------------- functions

    private static void field(FunctionRegistry r, String name, int reportedIndex, ScalarImpl impl) {
        r.register(FunctionDef.scalar(name, oneDatetime(reportedIndex), impl));
    }

    private static ScalarImpl longField(ToLongFunction<ZonedDateTime> f) {
        return (ctx, args) -> f.applyAsLong(DateTimeFormats.toTime(args[0], ctx).time());
    }

    /** Go's Weekday: Sunday is 0. */
    private static int weekday(ZonedDateTime z) {
        return z.getDayOfWeek().getValue() % 7;
    }

    private static Object current(FnContext ctx, Object[] args, boolean timeOnly) {
        int fsp = 0;
        if (args.length > 0 && args[0] != null) {
            if (!Cast.isInteger(args[0])) {
                throw new EvalException("Expect int type for parameter 1");
            }
            fsp = ((Number) args[0]).intValue();
        }
        String pattern = DATETIME_LAYOUT;
        if (fsp >= 1 && fsp <= 6) {
            pattern += "." + "S".repeat(fsp);
        }
        String formatted = DateTimeFormats.format(DateTimeValue.ofEpochMilli(ctx.nowMillis(), ctx.zone()), pattern);
        if (timeOnly) {
            return formatted.substring(formatted.indexOf(' ') + 1);
        }
        return formatted;
    }

    private static Object dateCalc(FnContext ctx, Object[] args) {
        DateTimeValue t = DateTimeFormats.toTime(args[0], ctx);
        String d = DateTimeFormats.toStringAlways(args[1], ctx.zone());
        long sign = 1;
        if (!d.isEmpty() && d.charAt(0) == '-') {
            sign = -1;
            d = d.substring(1);
        }
        long nanos = DateTimeFormats.parseDuration(d) * sign;
        return DateTimeFormats.format(t.withInstant(t.instant().plusNanos(nanos)), DATETIME_LAYOUT);
    }

    /** eKuiper's {@code cast.ToInt(v, STRICT)}: Go's int is 64 bits wide; the error names "int". */
    private static long goInt(Object v) {
        try {
            return Cast.toLong(v, Strictness.STRICT);
        } catch (EvalException e) {
            Cast.toInt(v, Strictness.STRICT);
            throw e;
        }
    }

    /** Go's {@code t.Sub(u)}: nanoseconds, saturated at the int64 range. */
    static long subNanos(Instant t, Instant u) {
        try {
            long seconds = Math.subtractExact(t.getEpochSecond(), u.getEpochSecond());
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), (long) t.getNano() - u.getNano());
        } catch (ArithmeticException e) {
            return t.isAfter(u) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /** eKuiper's returnNilIfHasAnyNil: a null argument, or an empty array or object. */
    static boolean anyNull(Object[] args) {
        for (Object a : args) {
            if (a == null || a instanceof List<?> l && l.isEmpty() || a instanceof Map<?, ?> m && m.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
