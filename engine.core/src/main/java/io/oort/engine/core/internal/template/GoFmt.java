package io.oort.engine.core.internal.template;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Go's fmt package for Oort values: %v rendering ({@code map[a:1 b:2]}, {@code [1 2]},
 * {@code <nil>}, shortest floats), Sprint, Sprintln and Sprintf.
 */
final class GoFmt {

    private GoFmt() {
    }

    /** Appends v as fmt's %v does. */
    static void appendValue(StringBuilder sb, Object v) {
        if (v instanceof String s) {
            sb.append(s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof Double d) {
            sb.append(GoFloat.formatV(d));
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v == null) {
            sb.append("<nil>");
        } else if (v instanceof Map<?, ?> m) {
            sb.append("map[");
            boolean first = true;
            for (String k : sortedKeys(m)) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                sb.append(k).append(':');
                appendValue(sb, m.get(k));
            }
            sb.append(']');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                appendValue(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof byte[] b) {
            sb.append('[');
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(b[i] & 0xFF);
            }
            sb.append(']');
        } else if (v instanceof Float f) {
            sb.append(GoFloat.formatV(Double.parseDouble(Float.toString(f))));
        } else if (v instanceof BigDecimal d) {
            sb.append(GoFloat.formatV(d.doubleValue()));
        } else if (v instanceof Instant || v instanceof ZonedDateTime) {
            sb.append(GoTime.string(v));
        } else if (v == GoValues.MISSING) {
            sb.append("<nil>");
        } else {
            sb.append(v);
        }
    }

    static String toStr(Object v) {
        if (v instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        appendValue(sb, v);
        return sb.toString();
    }

    /** Map keys in Go's sorted order (byte-wise for strings). */
    static List<String> sortedKeys(Map<?, ?> m) {
        List<String> keys = new ArrayList<>(m.size());
        for (Object k : m.keySet()) {
            keys.add(String.valueOf(k));
        }
        if (keys.size() > 1) {
            Collections.sort(keys, GoFmt::compareStrings);
        }
        return keys;
    }

    /** Go's string ordering: by UTF-8 bytes, i.e. by code point. */
    static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** fmt.Sprint: spaces between operands when neither is a string. */
    static String sprint(Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            boolean isString = args[i] instanceof String;
            if (i > 0 && !isString && !(args[i - 1] instanceof String)) {
                sb.append(' ');
            }
            appendValue(sb, args[i]);
        }
        return sb.toString();
    }

    /** fmt.Sprintln: always spaces, then a newline. */
    static String sprintln(Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            appendValue(sb, args[i]);
        }
        return sb.append('\n').toString();
    }

    /** fmt.Sprintf. */
    static String sprintf(String format, Object[] args) {
        return new GoPrintf(format, args).run();
    }
}
