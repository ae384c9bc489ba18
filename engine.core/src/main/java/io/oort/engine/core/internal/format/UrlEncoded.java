package io.oort.engine.core.internal.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.value.GoFormat;

/**
 * FORMAT="urlencoded" ({@code a=b&c=20}), as eKuiper's converter reads and writes it with Go's net/url: decoded
 * values are strings (a repeated key gives a list of strings) and then meet the stream's schema like JSON maps do;
 * an encoded row has its keys sorted, lists repeat their key, other values are written as Go's {@code %v}.
 */
final class UrlEncoded {

    private UrlEncoded() {
    }

    static final class Dec implements Decoder {
        private final JsonDecoder schema;

        Dec(StreamStatement st, boolean markMissing) {
            this.schema = new JsonDecoder(st, false, markMissing);
        }

        @Override
        public void decode(byte[] payload, Map<String, Object> meta, long timestamp, Consumer<Tuple> out)
                throws DecodeException {
            schema.decodeMap(parse(new String(payload, StandardCharsets.UTF_8)), meta, timestamp, out);
        }

        @Override
        public void decodeMap(Map<String, Object> value, Map<String, Object> meta, long timestamp,
                Consumer<Tuple> out) throws DecodeException {
            schema.decodeMap(value, meta, timestamp, out);
        }
    }

    static final Encoder ENCODER = new Encoder() {
        @Override
        public byte[] encodeRows(List<Map<String, Object>> rows) {
            throw new IllegalArgumentException("unsupported type " + GoFormat.v(rows) + ", must be a map");
        }

        @Override
        public byte[] encodeRow(Map<String, Object> row) {
            return encode(row).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        @SuppressWarnings("unchecked")
        public byte[] encodeValue(Object value) {
            if (value instanceof Map<?, ?> m) {
                return encodeRow((Map<String, Object>) m);
            }
            throw new IllegalArgumentException("unsupported type " + GoFormat.v(value) + ", must be a map");
        }
    };

    /** Go's url.ParseQuery: '&'-separated pairs, a semicolon is an error, bad escapes are errors. */
    static Map<String, Object> parse(String q) throws DecodeException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : q.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (pair.indexOf(';') >= 0) {
                throw new DecodeException("fail to parse url encoded value " + q);
            }
            int eq = pair.indexOf('=');
            String k = unescape(eq < 0 ? pair : pair.substring(0, eq), q);
            String v = eq < 0 ? "" : unescape(pair.substring(eq + 1), q);
            values.computeIfAbsent(k, x -> new ArrayList<>(1)).add(v);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.size() == 1 ? v.get(0) : new ArrayList<Object>(v)));
        return out;
    }

    private static String unescape(String s, String whole) throws DecodeException {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                b.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new DecodeException("fail to parse url encoded value " + whole);
                }
                b.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] u = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    u = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                b.writeBytes(u);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** Go's url.Values.Encode: keys sorted, QueryEscape on keys and values. */
    static String encode(Map<String, Object> row) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : new TreeMap<>(row).entrySet()) {
            if (e.getValue() instanceof List<?> l) {
                for (Object item : l) {
                    pair(b, e.getKey(), item);
                }
            } else {
                pair(b, e.getKey(), e.getValue());
            }
        }
        return b.toString();
    }

    private static void pair(StringBuilder b, String k, Object v) {
        if (b.length() > 0) {
            b.append('&');
        }
        escape(b, k);
        b.append('=');
        escape(b, v == null ? "" : v instanceof String s ? s : GoFormat.v(v));
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static void escape(StringBuilder b, String s) {
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                b.append((char) c);
            } else if (c == ' ') {
                b.append('+');
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
    }
}
