package io.oort.engine.core.internal.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * How Oort's Java values look through Go's eyes: the Go type each one stands for, its kind,
 * its truth value and the sentinel for Go's invalid {@code reflect.Value}.
 *
 * <p>Value model: {@code Map} is {@code map[string]interface {}}, {@code List} is
 * {@code []interface {}}, {@code Long} is {@code int64}, {@code Integer} is Go's {@code int}
 * (template literals, {@code len}, {@code atoi}...), {@code Double} is {@code float64},
 * {@code byte[]} is {@code []uint8}, {@code Instant}/{@code ZonedDateTime} are {@code time.Time}.
 * Java {@code null} is a nil interface value (a map entry or list element holding nil);
 * {@link #MISSING} is Go's invalid value (a missing map key, nil data), which prints as
 * {@code <no value>}.
 */
final class GoValues {

    /** Go's invalid reflect.Value: what a missing map key or nil data evaluates to. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    static final int INVALID = 0;
    static final int BOOL = 1;
    static final int INT = 3;
    static final int FLOAT = 4;
    static final int STRING = 6;

    private GoValues() {
    }

    static boolean isIntegral(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger;
    }

    static boolean isTime(Object v) {
        return v instanceof Instant || v instanceof ZonedDateTime;
    }

    /** Go's basicKind used by the comparison functions. */
    static int basicKind(Object v) {
        if (v instanceof String) {
            return STRING;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return INT;
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            return FLOAT;
        }
        if (v instanceof Boolean) {
            return BOOL;
        }
        return INVALID;
    }

    /** The Go type name, as reflect.Type prints it. */
    static String typeName(Object v) {
        if (v == null || v == MISSING) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long) {
            return "int64";
        }
        if (v instanceof Integer) {
            return "int";
        }
        if (v instanceof Double || v instanceof BigDecimal) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        if (v instanceof TypedList t) {
            return t.goType;
        }
        if (v instanceof List) {
            return "[]interface {}";
        }
        if (v instanceof byte[]) {
            return "[]uint8";
        }
        if (isTime(v)) {
            return "time.Time";
        }
        if (v instanceof Float) {
            return "float32";
        }
        if (v instanceof Short) {
            return "int16";
        }
        if (v instanceof Byte) {
            return "int8";
        }
        if (v instanceof BigInteger) {
            return "*big.Int";
        }
        return v.getClass().getSimpleName();
    }

    /** The Go reflect.Kind name. */
    static String kindName(Object v) {
        if (v == null || v == MISSING) {
            return "invalid";
        }
        if (v instanceof Map) {
            return "map";
        }
        if (v instanceof List || v instanceof byte[]) {
            return "slice";
        }
        if (isTime(v)) {
            return "struct";
        }
        if (v instanceof BigInteger) {
            return "ptr";
        }
        String t = typeName(v);
        return t;
    }

    /** Go's truth: false, 0, nil, and empty string/map/slice are false. */
    static boolean isTrue(Object v) {
        if (v == null || v == MISSING) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue() != 0;
        }
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue() != 0;
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof byte[] b) {
            return b.length > 0;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() != 0;
        }
        return true;
    }

    /** Sprig's empty(): the zero value of its type, or nil. */
    static boolean isEmpty(Object v) {
        return !isTrue(v);
    }

    /** Numeric value of an integer kind. */
    static long longOf(Object v) {
        return ((Number) v).longValue();
    }

    static double doubleOf(Object v) {
        return ((Number) v).doubleValue();
    }
}
