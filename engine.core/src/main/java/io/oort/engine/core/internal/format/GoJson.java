package io.oort.engine.core.internal.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.value.GoFormat;

/**
 * JSON written the way Go's encoding/json writes eKuiper's results, so Oort's output is byte-identical: object
 * keys sorted, floats in their shortest form without a trailing ".0" (exponent only below 1e-6 or from 1e21),
 * &lt; &gt; &amp; U+2028 U+2029 escaped, byte arrays as base64, datetimes as RFC 3339 with nanoseconds.
 */
public final class GoJson {

    private static final DateTimeFormatter BASE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("XXX");

    private GoJson() {
    }

    public static byte[] bytes(Object v) {
        StringBuilder sb = new StringBuilder(128);
        write(sb, v);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String string(Object v) {
        StringBuilder sb = new StringBuilder(128);
        write(sb, v);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    public static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            number(sb, ((Number) v).doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            object(sb, (Map<String, Object>) m);
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof byte[] b) {
            sb.append('"').append(Base64.getEncoder().encodeToString(b)).append('"');
        } else if (v instanceof Instant t) {
            quote(sb, rfc3339Nano(t, ZoneId.systemDefault()));
        } else if (v instanceof Number n) {
            number(sb, n.doubleValue());
        } else {
            quote(sb, String.valueOf(v));
        }
    }

    /** Go's time.RFC3339Nano: fraction without trailing zeros (none when zero), "Z" for UTC. */
    public static String rfc3339Nano(Instant t, ZoneId zone) {
        java.time.ZonedDateTime z = t.atZone(zone);
        StringBuilder sb = new StringBuilder(z.format(BASE));
        int nanos = z.getNano();
        if (nanos != 0) {
            String frac = String.format("%09d", nanos);
            int end = frac.length();
            while (end > 0 && frac.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(frac, 0, end);
        }
        sb.append(z.format(OFFSET));
        return sb.toString();
    }

    private static void object(StringBuilder sb, Map<String, Object> m) {
        List<String> keys = new ArrayList<>(m.size());
        for (Map.Entry<String, Object> e : m.entrySet()) {
            keys.add(e.getKey());
        }
        Collections.sort(keys);
        sb.append('{');
        boolean first = true;
        for (String k : keys) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            quote(sb, k);
            sb.append(':');
            write(sb, m.get(k));
        }
        sb.append('}');
    }

    /** Go encodes NaN/Inf as an error; eKuiper's output then fails. Oort writes null instead of failing. */
    static void number(StringBuilder sb, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append("null");
            return;
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String s = GoFormat.formatG(d); // d.ddde±XX
            // Go's json cleans up e-07 to e-7 and e+21 to e+21
            int e = s.indexOf('e');
            if (e > 0 && s.length() > e + 2 && s.charAt(e + 2) == '0') {
                s = s.substring(0, e + 2) + s.substring(e + 3);
            }
            sb.append(s);
            return;
        }
        sb.append(GoFormat.formatF(d));
    }

    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
