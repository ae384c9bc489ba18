package io.oort.engine.sql.function.builtin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * Helpers shared by the math, string, hash, conversion and misc built-ins: eKuiper's nil checks, its
 * {@code cast.ToInt}/{@code ToFloat64} with their error texts, Go's {@code %v} string rendering and the error
 * shape of a failed call.
 *
 * <p>Error messages. eKuiper's function bodies return {@code (value, ok)}; when {@code ok} is false the valuer wraps
 * the error as {@code "call func NAME error: MSG"} (internal/xsql/valuer.go MultiValuerList.Call); when a body
 * returns an error value with {@code ok} true (ln, log, sqrt) the message is used as is. The messages of the
 * EvalExceptions thrown here are therefore final: callers must not add a prefix.
 */
final class MiscSupport {

    private MiscSupport() {
    }

    /** eKuiper's {@code returnNilIfHasAnyNil}: a null, an empty array or an empty object argument. */
    static boolean anyNil(Object[] args) {
        for (Object a : args) {
            if (isNilLike(a)) {
                return true;
            }
        }
        return false;
    }

    /** Null, or an empty list/map (which eKuiper's nil checks treat as null). */
    static boolean isNilLike(Object a) {
        if (a == null) {
            return true;
        }
        // The common values first: checks against these final classes are one pointer compare, while a failed
        // interface check (List, Map) scans the class's interfaces, and alternating List and Map checks on the
        // same class thrash HotSpot's one-entry secondary-super cache (JDK-8180450).
        if (a instanceof String || a instanceof Double || a instanceof Long || a instanceof Boolean) {
            return false;
        }
        if (a instanceof List<?> l) {
            return l.isEmpty();
        }
        if (a instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        return false;
    }

    /** The error of a call whose body returned {@code ok == false}. */
    static EvalException callError(String fn, String msg) {
        return new EvalException("call func " + fn + " error: " + msg);
    }

    /** Go's conversion of a float64 to int64 on amd64: NaN and out-of-range values give MinInt64. */
    static long goFloatToLong(double d) {
        if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    /** eKuiper's {@code isIntegral64}: {@code val == float64(int(val))}. */
    static boolean isIntegral(double d) {
        return d == (double) goFloatToLong(d);
    }

    /** True when {@code v} can be read as an integer by {@code cast.ToInt(v, STRICT)}. */
    static boolean isStrictInt(Object v) {
        if (Cast.isInteger(v)) {
            return true;
        }
        if (Cast.isFloat(v)) {
            return isIntegral(((Number) v).doubleValue());
        }
        return false;
    }

    /** {@code cast.ToInt(v, STRICT)}: integers, integral floats; else "cannot convert T(v) to int". */
    static long toIntStrict(Object v) {
        if (Cast.isInteger(v)) {
            return ((Number) v).longValue();
        }
        if (Cast.isFloat(v)) {
            double d = ((Number) v).doubleValue();
            if (isIntegral(d)) {
                return (long) d;
            }
        }
        throw cannot(v, "int");
    }

    /** {@code cast.ToInt(v, CONVERT_SAMEKIND)}: integers, floats truncated; else "cannot convert T(v) to int". */
    static long toIntSameKind(Object v) {
        if (Cast.isInteger(v)) {
            return ((Number) v).longValue();
        }
        if (Cast.isFloat(v)) {
            return goFloatToLong(((Number) v).doubleValue());
        }
        throw cannot(v, "int");
    }

    /** {@code cast.ToFloat64(v, CONVERT_SAMEKIND)}; else "cannot convert T(v) to float64". */
    static double toFloatSameKind(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (Cast.isNumber(v)) {
            return ((Number) v).doubleValue();
        }
        throw cannot(v, "float64");
    }

    /** True when {@code toFloatSameKind} succeeds. */
    static boolean isNumber(Object v) {
        return Cast.isNumber(v);
    }

    static EvalException cannot(Object v, String to) {
        return new EvalException("cannot convert " + GoFormat.typed(Cast.normalize(v)) + " to " + to);
    }

    /**
     * eKuiper's {@code cast.ToStringAlways}: Go's {@code %v}; null is the empty string; a datetime prints as Go's
     * time.Time String() in the configured zone.
     */
    static String str(FnContext ctx, Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v == null) {
            return "";
        }
        if (v instanceof Instant t) {
            return GoFormat.goTime(t, ctx.zone());
        }
        return GoFormat.v(Cast.normalize(v));
    }

    /** Go's {@code %v} of a value inside a message (null prints as {@code <nil>}). */
    static String v(Object v) {
        return GoFormat.v(Cast.normalize(v));
    }
}
