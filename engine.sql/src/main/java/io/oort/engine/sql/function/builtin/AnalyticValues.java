package io.oort.engine.sql.function.builtin;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.value.Cast;

/** Value comparison for the change-detecting functions: Go's {@code reflect.DeepEqual} over engine values. */
final class AnalyticValues {

    private AnalyticValues() {
    }

    /**
     * Go's reflect.DeepEqual as eKuiper's had_changed / changed_col / changed_cols use it: values of different types
     * are never equal (1 and 1.0 differ), floats compare with {@code ==} (NaN differs from itself, -0 equals 0),
     * lists, maps and byte arrays compare deeply.
     */
    static boolean deepEquals(Object a, Object b) {
        if (a == b) {
            return !(a instanceof Double d && d.isNaN()) && !(a instanceof Float f && f.isNaN());
        }
        if (a == null || b == null) {
            return false;
        }
        if (Cast.isInteger(a)) {
            return Cast.isInteger(b) && ((Number) a).longValue() == ((Number) b).longValue();
        }
        if (Cast.isFloat(a)) {
            return Cast.isFloat(b) && ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        if (a instanceof String || a instanceof Boolean || a instanceof Instant) {
            return a.equals(b);
        }
        if (a instanceof byte[] x) {
            return b instanceof byte[] y && Arrays.equals(x, y);
        }
        if (a instanceof List<?> x) {
            if (!(b instanceof List<?> y) || x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x) {
            if (!(b instanceof Map<?, ?> y) || x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object k = e.getKey();
                if (!y.containsKey(k) || !deepEquals(e.getValue(), y.get(k))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
