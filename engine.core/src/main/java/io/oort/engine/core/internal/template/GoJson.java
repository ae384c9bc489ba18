package io.oort.engine.core.internal.template;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Go's encoding/json for Oort values: sorted map keys, shortest floats without a forced decimal
 * point, HTML-safe escaping by default, MarshalIndent layout; decoding is {@link GoJsonParser}.
 */
final class GoJson {

    private static final String HEX = "0123456789abcdef";

    /** An encoding error, e.g. {@code json: unsupported value: NaN}. */
    static final class JsonError extends Exception {
        JsonError(String msg) {
            super(msg, null, false, false);
        }
    }

    private GoJson() {
    }

    /** json.Marshal (escapeHtml) / Encoder with SetEscapeHTML(false); indent null for compact. */
    static String marshal(Object v, boolean escapeHtml, String indent) throws JsonError {
        StringBuilder sb = new StringBuilder();
        encode(sb, v, escapeHtml, indent, 0);
        return sb.toString();
    }

    private static void encode(StringBuilder sb, Object v, boolean html, String indent, int level)
            throws JsonError {
        if (v == null || v == GoValues.MISSING) {
            sb.append("null");
        } else if (v instanceof String s) {
            appendString(sb, s, html);
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (GoValues.isIntegral(v)) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = v instanceof Float f ? Double.parseDouble(Float.toString(f)) : ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new JsonError("json: unsupported value: " + GoFloat.formatV(d));
            }
            sb.append(GoFloat.formatJson(d));
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (String k : GoFmt.sortedKeys(m)) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, indent, level + 1);
                appendString(sb, k, html);
                sb.append(indent != null ? ": " : ":");
                encode(sb, m.get(k), html, indent, level + 1);
            }
            newline(sb, indent, level);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, indent, level + 1);
                encode(sb, l.get(i), html, indent, level + 1);
            }
            newline(sb, indent, level);
            sb.append(']');
        } else if (v instanceof byte[] b) {
            sb.append('"').append(Base64.getEncoder().encodeToString(b)).append('"');
        } else if (GoValues.isTime(v)) {
            sb.append('"').append(GoTime.format(GoTime.zoned(v), "2006-01-02T15:04:05.999999999Z07:00"))
                    .append('"');
        } else {
            appendString(sb, String.valueOf(v), html);
        }
    }

    private static void newline(StringBuilder sb, String indent, int level) {
        if (indent == null) {
            return;
        }
        sb.append('\n');
        for (int i = 0; i < level; i++) {
            sb.append(indent);
        }
    }

    static void appendString(StringBuilder sb, String s, boolean html) {
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x7F && (!html || (c != '<' && c != '>' && c != '&'))) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        sb.append("\\u").append(HEX.charAt(c >> 12)).append(HEX.charAt((c >> 8) & 15))
                                .append(HEX.charAt((c >> 4) & 15)).append(HEX.charAt(c & 15));
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append("\\ufffd");
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** json.Unmarshal into interface{}: objects, arrays, float64 numbers, strings, bools, nil. */
    static Object unmarshal(String text) throws JsonError {
        return GoJsonParser.parse(text);
    }
}
