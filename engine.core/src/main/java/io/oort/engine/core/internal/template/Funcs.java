package io.oort.engine.core.internal.template;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The function map eKuiper installs: Go's builtins, Sprig's TxtFuncMap (overriding the builtin
 * {@code slice}), and eKuiper's {@code json}, {@code base64}, {@code prop}. Also the value
 * conversions Sprig relies on (spf13/cast and sprig's strval/strslice).
 */
final class Funcs {

    static final Map<String, Func> ALL;

    static {
        Map<String, Func> m = new HashMap<>();
        Builtins.register(m);
        SprigStrings.register(m);
        SprigNumbers.register(m);
        SprigLists.register(m);
        SprigDicts.register(m);
        SprigMisc.register(m);
        SprigDates.register(m);
        EkuiperFuncs.register(m);
        ALL = Map.copyOf(m);
    }

    private Funcs() {
    }

    /** The Go panic text for a Java runtime failure inside a function. */
    static String panicMessage(Throwable e) {
        if (e instanceof ArithmeticException) {
            return "runtime error: integer divide by zero";
        }
        if (e instanceof NullPointerException) {
            return "runtime error: invalid memory address or nil pointer dereference";
        }
        if (e instanceof IndexOutOfBoundsException) {
            return "runtime error: index out of range";
        }
        if (e instanceof UnsupportedOperationException) {
            return "assignment to entry in read-only map";
        }
        if (e instanceof StackOverflowError) {
            return "runtime: goroutine stack exceeds limit";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    // ---- spf13/cast ----------------------------------------------------------------------

    /** cast.ToInt64 (errors give 0). */
    static long toInt64(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            return goInt64(((Number) v).doubleValue());
        }
        if (v instanceof String s) {
            BigInteger b = GoStrconv.parseIntBase0(trimZeroDecimal(s));
            return b != null && b.bitLength() < 64 ? b.longValue() : 0;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof BigInteger b) {
            return b.longValue();
        }
        return 0;
    }

    /** Go's int64(f) conversion on amd64: out-of-range and NaN give math.MinInt64. */
    static long goInt64(double f) {
        if (Double.isNaN(f) || f >= 9.223372036854775807E18 || f < -9.223372036854775808E18) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    static String trimZeroDecimal(String s) {
        boolean foundZero = false;
        for (int i = s.length(); i > 0; i--) {
            char c = s.charAt(i - 1);
            if (c == '.') {
                if (foundZero) {
                    return s.substring(0, i - 1);
                }
            } else if (c == '0') {
                foundZero = true;
            } else {
                return s;
            }
        }
        return s;
    }

    /** cast.ToFloat64 (errors give 0). */
    static double toFloat64(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            Double d = GoStrconv.parseFloat(s);
            return d == null ? 0 : d;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return 0;
    }

    /** cast.ToInt, as a Go int. */
    static Object toInt(Object v) {
        return Exec.goInt(toInt64(v));
    }

    // ---- sprig strval / strslice ---------------------------------------------------------

    static String strval(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return GoFmt.toStr(v);
    }

    static List<Object> strslice(Object v) {
        List<Object> out = TypedList.strings();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o != null) {
                    out.add(strval(o));
                }
            }
        } else if (v instanceof byte[] b) {
            for (byte x : b) {
                out.add(Integer.toString(x & 0xFF));
            }
        } else if (v != null) {
            out.add(strval(v));
        }
        return out;
    }

    /** reflect.Kind name as sprig's error messages print it. */
    static String kind(Object v) {
        if (v == null) {
            throw new NullPointerException();
        }
        return GoValues.kindName(v);
    }

    static List<Object> asList(Object v) {
        if (v instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> r = (List<Object>) l;
            return r;
        }
        byte[] b = (byte[]) v;
        List<Object> r = new ArrayList<>(b.length);
        for (byte x : b) {
            r.add(x & 0xFF);
        }
        return r;
    }

    static boolean isListy(Object v) {
        return v instanceof List || v instanceof byte[];
    }
}
