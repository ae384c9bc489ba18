package io.oort.engine.sql.function.builtin;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * JSON text as Go's {@code encoding/json} reads and writes it for eKuiper: parsing into engine values the way
 * {@code json.Unmarshal} fills an {@code interface{}} (every number a Double, objects maps, arrays lists) with Go's
 * syntax error texts; writing the way {@code json.Marshal} does (object keys sorted, HTML characters escaped, floats
 * without exponent between 1e-6 and 1e21, byte arrays as base64, datetimes as RFC 3339).
 */
final class JsonCodec {

    private JsonCodec() {
    }

    // ------------------------------------------------------------------------------------------------ parse

    /** {@code json.Unmarshal(text, &v)}: throws EvalException with Go's error text. */
    static Object parse(String text) {
        Parser p = new Parser(text);
        p.skipSpace();
        Object v = p.value();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.syntax("after top-level value");
        }
        if (p.rangeError != null) {
            throw new EvalException(p.rangeError);
        }
        return v;
    }

    private static final class Parser {
        final String s;
        int pos;
        String rangeError;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        EvalException eof() {
            return new EvalException("unexpected end of JSON input");
        }

        EvalException syntax(String context) {
            return new EvalException("invalid character " + quoteChar(firstByte(pos)) + " " + context);
        }

        /** The first UTF-8 byte of the character at i: Go's scanner reports bytes. */
        int firstByte(int i) {
            int cp = s.codePointAt(i);
            if (cp < 0x80) {
                return cp;
            }
            return new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)[0] & 0xff;
        }

        char peek() {
            if (pos >= s.length()) {
                throw eof();
            }
            return s.charAt(pos);
        }

        Object value() {
            char c = peek();
            switch (c) {
                case '{':
                    pos++;
                    return object();
                case '[':
                    pos++;
                    return array();
                case '"':
                    pos++;
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    if (c == '-' || c >= '0' && c <= '9') {
                        return number();
                    }
                    throw syntax("looking for beginning of value");
            }
        }

        void literal(String word) {
            pos++;
            for (int i = 1; i < word.length(); i++) {
                char c = peek();
                if (c != word.charAt(i)) {
                    throw syntax("in literal " + word + " (expecting " + quoteChar(word.charAt(i)) + ")");
                }
                pos++;
            }
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return m;
            }
            while (true) {
                if (peek() != '"') {
                    throw syntax("looking for beginning of object key string");
                }
                pos++;
                String key = string();
                skipSpace();
                if (peek() != ':') {
                    throw syntax("after object key");
                }
                pos++;
                skipSpace();
                m.put(key, value());
                skipSpace();
                char c = peek();
                if (c == '}') {
                    pos++;
                    return m;
                }
                if (c != ',') {
                    throw syntax("after object key:value pair");
                }
                pos++;
                skipSpace();
            }
        }

        List<Object> array() {
            List<Object> l = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                skipSpace();
                char c = peek();
                if (c == ']') {
                    pos++;
                    return l;
                }
                if (c != ',') {
                    throw syntax("after array element");
                }
                pos++;
                skipSpace();
            }
        }

        String string() {
            StringBuilder b = null;
            int start = pos;
            while (true) {
                char c = peek();
                if (c == '"') {
                    String r = b == null ? s.substring(start, pos) : b.append(s, start, pos).toString();
                    pos++;
                    return r;
                }
                if (c < 0x20) {
                    throw syntax("in string literal");
                }
                if (c != '\\') {
                    pos++;
                    continue;
                }
                if (b == null) {
                    b = new StringBuilder();
                }
                b.append(s, start, pos);
                pos++;
                char e = peek();
                pos++;
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        int r = hex4();
                        if (Character.isSurrogate((char) r)) {
                            // a high surrogate followed by an escaped low one makes a pair, anything else is U+FFFD
                            if (Character.isHighSurrogate((char) r) && pos + 6 <= s.length() && s.charAt(pos) == '\\'
                                    && s.charAt(pos + 1) == 'u') {
                                int save = pos;
                                pos += 2;
                                int r2 = hex4();
                                if (Character.isLowSurrogate((char) r2)) {
                                    b.append((char) r).append((char) r2);
                                    break;
                                }
                                pos = save;
                            }
                            b.append('\uFFFD');
                        } else {
                            b.append((char) r);
                        }
                    }
                    default -> {
                        pos--;
                        throw syntax("in string escape code");
                    }
                }
                start = pos;
            }
        }

        int hex4() {
            int r = 0;
            for (int i = 0; i < 4; i++) {
                char c = peek();
                int d = Character.digit(c, 16);
                if (d < 0 || c > 'f') {
                    throw syntax("in \\u hexadecimal character escape");
                }
                r = r * 16 + d;
                pos++;
            }
            return r;
        }

        Double number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            char c = peek();
            if (c == '0') {
                pos++;
            } else if (c >= '1' && c <= '9') {
                digits();
            } else {
                throw syntax("in numeric literal");
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw syntax("after decimal point in numeric literal");
                }
                digits();
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw syntax("in exponent of numeric literal");
                }
                digits();
            }
            String text = s.substring(start, pos);
            double d = Double.parseDouble(text);
            if (Double.isInfinite(d) && rangeError == null) {
                // Go keeps decoding and reports the first such error at the end
                rangeError = "json: cannot unmarshal number " + text + " into Go value of type float64";
            }
            return d;
        }

        void digits() {
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
        }

        static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    /** Go's scanner quoteChar: a byte shown as a quoted rune. */
    private static String quoteChar(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        return "'" + quoteRune(c) + "'";
    }

    /** The inside of strconv.Quote for one rune below U+0100. */
    private static String quoteRune(int c) {
        switch (c) {
            case 7:
                return "\\a";
            case '\b':
                return "\\b";
            case '\f':
                return "\\f";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case 11:
                return "\\v";
            case '\\':
                return "\\\\";
            default:
                if (c < 0x20 || c == 0x7f) {
                    return String.format("\\x%02x", c);
                }
                if (c >= 0x80 && c <= 0xa0 || c == 0xad) {
                    return String.format("\\u%04x", c);
                }
                return String.valueOf((char) c);
        }
    }

    // ------------------------------------------------------------------------------------------------ write

    private static final DateTimeLayout RFC3339_NANO = DateTimeLayout.compile("2006-01-02T15:04:05.999999999Z07:00");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** {@code json.Marshal(v)}; datetimes are written in {@code zone}. */
    static String write(Object v, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        write(b, v, zone);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, ZoneId zone) {
        v = Cast.normalize(v);
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            writeString(b, s);
        } else if (v instanceof Boolean || v instanceof Long) {
            b.append(v);
        } else if (v instanceof Double d) {
            b.append(formatFloat(d));
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sortedByBytes(m).entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                writeString(b, e.getKey());
                b.append(':');
                write(b, e.getValue(), zone);
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(b, l.get(i), zone);
            }
            b.append(']');
        } else if (v instanceof byte[] bytes) {
            b.append('"').append(Base64.getEncoder().encodeToString(bytes)).append('"');
        } else if (v instanceof Instant t) {
            DateTimeValue dt = DateTimeValue.ofInstant(t, zone);
            int year = dt.time().getYear();
            if (year < 0 || year > 9999) {
                throw new EvalException("json: error calling MarshalJSON for type time.Time: "
                        + "Time.MarshalJSON: year outside of range [0,9999]");
            }
            b.append('"').append(RFC3339_NANO.format(dt)).append('"');
        } else {
            writeString(b, String.valueOf(v));
        }
    }

    private static Map<String, Object> sortedByBytes(Map<?, ?> m) {
        // Go sorts keys by their UTF-8 bytes, which is code point order
        Map<String, Object> sorted = new TreeMap<>(JsonCodec::compareCodePoints);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sorted.put(String.valueOf(e.getKey()), e.getValue());
        }
        return sorted;
    }

    /** Compares strings as Go does (by UTF-8 bytes, i.e. by code points). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Go's float64 encoding: 'f' format, or 'e' below 1e-6 and from 1e21 with "e-07" shortened to "e-7". */
    static String formatFloat(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new EvalException("json: unsupported value: " + GoFormat.formatG(d));
        }
        double abs = Math.abs(d);
        if (abs == 0 || abs >= 1e-6 && abs < 1e21) {
            return GoFormat.formatF(d);
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale();
        StringBuilder b = new StringBuilder();
        if (d < 0) {
            b.append('-');
        }
        b.append(digits.charAt(0));
        if (digits.length() > 1) {
            b.append('.').append(digits, 1, digits.length());
        }
        b.append('e').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10 && exp > 0) {
            b.append('0');
        }
        b.append(ae);
        return b.toString();
    }

    private static void writeString(StringBuilder b, String s) {
        b.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = null;
            if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\u2028'
                    || c == '\u2029') {
                esc = switch (c) {
                    case '"' -> "\\\"";
                    case '\\' -> "\\\\";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    default -> "\\u" + HEX[c >> 12 & 0xf] + HEX[c >> 8 & 0xf] + HEX[c >> 4 & 0xf] + HEX[c & 0xf];
                };
            } else if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1));
                if (paired) {
                    i++;
                    continue;
                }
                esc = "\\ufffd"; // invalid UTF-16 (Go: invalid UTF-8) becomes the replacement character
            }
            if (esc != null) {
                b.append(s, start, i).append(esc);
                start = i + 1;
            }
        }
        b.append(s, start, s.length()).append('"');
    }
}
