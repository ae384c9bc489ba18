package io.oort.engine.sql.function.builtin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * Go's {@code ==} on {@code interface{}} values and their use as map keys, which eKuiper's array functions rely on:
 * values of different types are never equal (an integer 1 is not the float 1.0), and comparing or hashing two
 * arrays or objects is a runtime error.
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
}
