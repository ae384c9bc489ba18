package io.oort.engine.sql.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Text renderings that match what eKuiper (Go) prints, where users can see the difference: {@code %v} of values
 * (string conversions, error messages) and {@code %T} type names (error messages).
 */
public final class GoFormat {

    private GoFormat() {
    }

    /** Go's {@code fmt.Sprintf("%v", v)} for engine values. */
    public static String v(Object v) {
        StringBuilder sb = new StringBuilder();
        appendV(sb, v);
        return sb.toString();
    }

    private static void appendV(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("<nil>");
        } else if (v instanceof Double d) {
            sb.append(formatG(d));
        } else if (v instanceof Float f) {
            sb.append(formatG(f.doubleValue()));
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                appendV(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append("map[");
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                sb.append(e.getKey()).append(':');
                appendV(sb, e.getValue());
            }
            sb.append(']');
        } else if (v instanceof byte[] b) {
            sb.append('[');
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(b[i] & 0xff);
            }
            sb.append(']');
        } else if (v instanceof Instant t) {
            sb.append(goTime(t, ZoneId.systemDefault()));
        } else {
            sb.append(v);
        }
    }

    /** Go's time.Time String(): {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
    public static String goTime(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        String base = z.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        int nanos = z.getNano();
        String frac = "";
        if (nanos != 0) {
            frac = String.format(".%09d", nanos).replaceAll("0+$", "");
        }
        return base + frac + " " + z.format(DateTimeFormatter.ofPattern("xx")) + " "
                + z.format(DateTimeFormatter.ofPattern("zzz"));
    }

    /**
     * Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}, which is also {@code %v}: shortest digits, with an exponent
     * when the decimal exponent is below -4 or at least 6 ({@code 1e+06}, {@code 1.5e-05}, {@code 123456}).
     */
    public static String formatG(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        // strconv: for the shortest representation %e is used when exp < -4 || exp >= 6.
        if (exp < -4 || exp >= 6) {
            StringBuilder sb = new StringBuilder();
            if (d < 0) {
                sb.append('-');
            }
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                sb.append('0');
            }
            sb.append(ae);
            return sb.toString();
        }
        return bd.toPlainString();
    }

    /** Go's {@code strconv.FormatFloat(f, 'f', -1, 64)}: shortest digits, never an exponent. */
    public static String formatF(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** Go's {@code %T} for engine values. */
    public static String type(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof Long || v instanceof Integer) {
            return "int64";
        }
        if (v instanceof Double || v instanceof Float) {
            return "float64";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof byte[]) {
            return "[]uint8";
        }
        if (v instanceof List) {
            return "[]interface {}";
        }
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        if (v instanceof Instant) {
            return "time.Time";
        }
        return v.getClass().getSimpleName();
    }

    /** {@code T(v)} as eKuiper's error messages print an operand: {@code string(abc)}, {@code float64(1.5)}. */
    public static String typed(Object v) {
        return type(v) + "(" + v(v) + ")";
    }
}
