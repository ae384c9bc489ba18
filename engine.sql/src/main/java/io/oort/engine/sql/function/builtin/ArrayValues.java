package io.oort.engine.sql.function.builtin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.Strictness;

/**
 * Go's {@code ==} on {@code interface{}} values and their use as map keys, which eKuiper's array functions rely on:
 * values of different types are never equal (an integer 1 is not the float 1.0), and comparing or hashing two
 * arrays or objects is a runtime error. Also the max/min and sort orders the array functions share.
 */
final class ArrayValues {

    private ArrayValues() {
    }

    private static final Object NULL_KEY = new Object();

    /** Go's {@code a == b} for two interface values. */
    static boolean goEquals(Object a, Object b) {
        a = Cast.normalize(a);
        b = Cast.normalize(b);
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (uncomparable(a) && a.getClass() == b.getClass()
                || a instanceof List && b instanceof List || a instanceof Map && b instanceof Map) {
            throw new EvalException("runtime error: comparing uncomparable type " + GoFormat.type(a));
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /** A Java key that is equal to another exactly when Go's map would find the same entry. */
    static Object key(Object v) {
        v = Cast.normalize(v);
        if (v == null) {
            return NULL_KEY;
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return new Object(); // NaN never finds itself
            }
            return d == 0 ? 0.0 : d;
        }
        if (uncomparable(v)) {
            throw new EvalException("runtime error: hash of unhashable type " + GoFormat.type(v));
        }
        return v;
    }

    private static boolean uncomparable(Object v) {
        return v instanceof List || v instanceof Map || v instanceof byte[];
    }

    /** {@code fmt.Sprint(v)} with datetimes in the configured zone. */
    static String sprint(Object v, ZoneId zone) {
        if (v instanceof Instant t) {
            return GoFormat.goTime(t, zone);
        }
        return GoFormat.v(v);
    }

    /** eKuiper's max/min over an array: the first non-null element decides the kind compared. */
    static Object extreme(List<?> array, boolean max) {
        Object first = null;
        for (Object v : array) {
            if (v != null) {
                first = Cast.normalize(v);
                break;
            }
        }
        if (first == null) {
            return null;
        }
        if (first instanceof Long l) {
            long best = l;
            for (Object v : array) {
                if (v == null) {
                    continue;
                }
                long x;
                try {
                    x = Cast.toLong(v, Strictness.CONVERT_SAMEKIND);
                } catch (EvalException e) {
                    throw new EvalException("requires int64 but found " + GoFormat.typed(v));
                }
                best = max ? Math.max(best, x) : Math.min(best, x);
            }
            return best;
        }
        if (first instanceof Double d) {
            double best = d;
            for (Object v : array) {
                if (v == null) {
                    continue;
                }
                if (!(Cast.normalize(v) instanceof Double x)) {
                    throw new EvalException("requires float64 but found " + GoFormat.typed(v));
                }
                // Go's comparisons: a NaN never replaces the current value
                if (max ? best < x : best > x) {
                    best = x;
                }
            }
            return best;
        }
        if (first instanceof String s) {
            String best = s;
            for (Object v : array) {
                if (v == null) {
                    continue;
                }
                if (!(v instanceof String x)) {
                    throw new EvalException("requires string but found " + GoFormat.typed(v));
                }
                int c = JsonCodec.compareCodePoints(best, x);
                if (max ? c < 0 : c > 0) {
                    best = x;
                }
            }
            return best;
        }
        throw new EvalException("found invalid arg " + GoFormat.typed(first));
    }

    /** array_sort on bytes: ordered by their decimal text, as fmt.Sprint prints them. */
    static byte[] sortBytes(byte[] bytes) {
        if (bytes.length <= 1) {
            return bytes;
        }
        Integer[] boxed = new Integer[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i] & 0xff;
        }
        Arrays.sort(boxed, (x, y) -> Integer.toString(x).compareTo(Integer.toString(y)));
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (int) boxed[i];
        }
        return out;
    }
}
