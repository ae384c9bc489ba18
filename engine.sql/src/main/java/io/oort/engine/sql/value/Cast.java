package io.oort.engine.sql.value;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Conversions between engine values with eKuiper's rules ({@code pkg/cast}): which conversions a
 * {@link Strictness} allows and the error texts. Engine values are {@code Long}, {@code Double}, {@code String},
 * {@code Boolean}, {@code byte[]}, {@code java.time.Instant}, {@code List<Object>}, {@code Map<String,Object>}
 * and null; other {@code Number}s are accepted on input.
 */
public final class Cast {

    private Cast() {
    }

    public static boolean isInteger(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    public static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float;
    }

    public static boolean isNumber(Object v) {
        return isInteger(v) || isFloat(v);
    }

    /** Normalises other Java number types to Long/Double. */
    public static Object normalize(Object v) {
        if (v == null || v instanceof String || v instanceof Double || v instanceof Long || v instanceof Boolean) {
            return v; // the common engine values: a pointer compare each
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof java.math.BigDecimal b) {
            return b.doubleValue();
        }
        if (v instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        return v;
    }

    private static EvalException cannot(Object v, String to) {
        return new EvalException("cannot convert " + GoFormat.typed(v) + " to " + to);
    }

    public static String toStr(Object v, Strictness sn) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (sn == Strictness.CONVERT_ALL) {
            if (v == null) {
                return "";
            }
            if (v instanceof Boolean || isInteger(v)) {
                return String.valueOf(v);
            }
            if (isFloat(v)) {
                return GoFormat.formatF(((Number) v).doubleValue());
            }
            return GoFormat.v(v);
        }
        throw cannot(v, "string");
    }

    public static long toLong(Object v, Strictness sn) {
        if (isInteger(v)) {
            return ((Number) v).longValue();
        }
        if (isFloat(v)) {
            double d = ((Number) v).doubleValue();
            if (sn != Strictness.STRICT || d == Math.rint(d)) {
                return (long) d;
            }
        } else if (v instanceof String s) {
            if (sn == Strictness.CONVERT_ALL) {
                Long l = parseGoInt(s);
                if (l != null) {
                    return l;
                }
            }
        } else if (v instanceof Boolean b) {
            if (sn == Strictness.CONVERT_ALL) {
                return b ? 1 : 0;
            }
        } else if (v == null && sn == Strictness.CONVERT_ALL) {
            return 0;
        }
        throw cannot(v, "int64");
    }

    /** As {@link #toLong} with Go's {@code int} in the error text. */
    public static int toInt(Object v, Strictness sn) {
        try {
            return (int) toLong(v, sn);
        } catch (EvalException e) {
            throw cannot(v, "int");
        }
    }

    /** strconv.ParseInt(s, 0, 64): optional sign, 0x / 0o / 0 / 0b prefixes, underscores only with a prefix. */
    static Long parseGoInt(String s) {
        String t = s;
        boolean neg = false;
        if (t.startsWith("+") || t.startsWith("-")) {
            neg = t.startsWith("-");
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        int radix = 10;
        if (t.length() > 1 && t.charAt(0) == '0') {
            char p = Character.toLowerCase(t.charAt(1));
            if (p == 'x') {
                radix = 16;
                t = t.substring(2);
            } else if (p == 'b') {
                radix = 2;
                t = t.substring(2);
            } else if (p == 'o') {
                radix = 8;
                t = t.substring(2);
            } else {
                radix = 8;
                t = t.substring(1);
            }
            t = t.replace("_", "");
        }
        try {
            long l = Long.parseLong(t, radix);
            return neg ? -l : l;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static double toDouble(Object v, Strictness sn) {
        if (isFloat(v)) {
            return ((Number) v).doubleValue();
        }
        if (isInteger(v)) {
            if (sn != Strictness.STRICT) {
                return ((Number) v).doubleValue();
            }
        } else if (v instanceof String s) {
            if (sn == Strictness.CONVERT_ALL) {
                Double d = parseGoFloat(s);
                if (d != null) {
                    return d;
                }
            }
        } else if (v instanceof Boolean b) {
            if (sn == Strictness.CONVERT_ALL) {
                return b ? 1 : 0;
            }
        } else if (v == null && sn == Strictness.CONVERT_ALL) {
            return 0;
        }
        throw cannot(v, "float64");
    }

    /** strconv.ParseFloat(s, 64): decimal or hex float, "inf"/"infinity"/"nan" in any case, underscores not allowed. */
    static Double parseGoFloat(String s) {
        String t = s.trim();
        if (!t.equals(s) || t.isEmpty()) {
            return null;
        }
        String l = t.toLowerCase();
        String u = l.startsWith("+") || l.startsWith("-") ? l.substring(1) : l;
        if (u.equals("inf") || u.equals("infinity")) {
            return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (u.equals("nan")) {
            return Double.NaN;
        }
        // Java accepts trailing d/f type suffixes; Go does not.
        char last = l.charAt(l.length() - 1);
        if (last == 'd' || last == 'f') {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static boolean toBool(Object v, Strictness sn) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (sn == Strictness.CONVERT_ALL) {
            if (v == null) {
                return false;
            }
            if (isNumber(v)) {
                return ((Number) v).doubleValue() != 0;
            }
            if (v instanceof String s) {
                switch (s) {
                    case "1", "t", "T", "TRUE", "true", "True":
                        return true;
                    case "0", "f", "F", "FALSE", "false", "False":
                        return false;
                    default:
                        throw new EvalException("strconv.ParseBool: parsing \"" + s + "\": invalid syntax");
                }
            }
        }
        throw cannot(v, "bool");
    }

    public static byte[] toBytes(Object v, Strictness sn) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s && sn != Strictness.STRICT) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        throw cannot(v, "bytes");
    }

    /** eKuiper's bytea: strings are base64-decoded; when that fails and not strict, the raw UTF-8 bytes. */
    public static byte[] toByteA(Object v, Strictness sn) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) {
            try {
                return Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                if (sn != Strictness.STRICT) {
                    return s.getBytes(StandardCharsets.UTF_8);
                }
                throw new EvalException("illegal string " + s + ", must be base64 encoded string");
            }
        }
        throw cannot(v, "bytea");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Object v) {
        if (v instanceof Map) {
            return (Map<String, Object>) v;
        }
        throw new EvalException("cannot convert " + GoFormat.typed(v) + " to map[string]interface{}");
    }

    @SuppressWarnings("unchecked")
    public static List<Object> toList(Object v) {
        if (v instanceof List) {
            return (List<Object>) v;
        }
        throw new EvalException("cannot convert " + GoFormat.typed(v) + " to []interface{}");
    }
}
