package io.oort.engine.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.parser.SqlParser;

/**
 * The byte-level fast path of schema decoding gives exactly what the complete (Jackson) decoder gives — values
 * with their types and bit-exact doubles, or the same error — over random and mutated payloads, and actually
 * takes the common payloads.
 */
class FastJsonEquivalenceTest {

    private static final String DDL = "CREATE STREAM s (f FLOAT, b BIGINT, s STRING, ok BOOLEAN, d DATETIME, "
            + "st STRUCT(x BIGINT), a ARRAY(FLOAT), `näme` STRING) WITH (DATASOURCE=\"x\")";
    private static final String[] KEYS = {"f", "b", "s", "ok", "d", "st", "a", "näme", "other", "x", "F", ""};

    @Test
    void fastAndCompleteDecodersAgree() throws Exception {
        StreamStatement st = SqlParser.parseStream(DDL);
        JsonDecoder fast = new JsonDecoder(st, true, false);
        JsonDecoder full = new JsonDecoder(st, false, false);
        FastJsonObject probe = new FastJsonObject(st.fields().stream().map(f -> f.name()).toArray(String[]::new),
                st.fields().stream().map(f -> FieldSchema.of(f.type())).toArray(FieldSchema[]::new));
        Random r = new Random(7);
        int fastTaken = 0;
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            String json = object(r, 0);
            if (r.nextInt(6) == 0) {
                json = mutate(r, json);
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertEquals(decode(full, bytes), decode(fast, bytes), json);
            if (probe.decode(bytes) != null) {
                fastTaken++;
            }
        }
        assertTrue(fastTaken > n / 8, "the fast path takes common payloads: " + fastTaken);
    }

    @Test
    void numbersConvertBitExactly() throws Exception {
        StreamStatement st = SqlParser.parseStream(DDL);
        JsonDecoder fast = new JsonDecoder(st, true, false);
        JsonDecoder full = new JsonDecoder(st, false, false);
        Random r = new Random(11);
        List<String> numbers = new ArrayList<>(List.of("0", "-0", "0.0", "-0.0", "1e22", "1e23", "9007199254740993",
                "123456789012345678", "1234567890123456789", "0.1", "0.30000000000000004", "1.7976931348623157e308",
                "4.9e-324", "2.2250738585072014E-308", "1E-22", "1e-23", "123.456e-10", "99999999999999.99",
                "-12.5E+3", "3.141592653589793238462643383279"));
        for (int i = 0; i < 20_000; i++) {
            numbers.add(switch (i % 4) {
                case 0 -> Double.toString((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20));
                case 1 -> String.valueOf(r.nextLong() >> r.nextInt(63));
                case 2 -> (r.nextBoolean() ? "-" : "") + r.nextInt(100000) + "." + String.format("%0" + (1
                        + r.nextInt(14)) + "d", Math.abs(r.nextLong() % 100000000000000L)).substring(0, 1 + r.nextInt(12));
                default -> r.nextInt(1000) + "e" + (r.nextInt(60) - 30);
            });
        }
        for (String num : numbers) {
            for (String key : new String[] {"f", "b", "d"}) {
                byte[] bytes = ("{\"" + key + "\":" + num + "}").getBytes(StandardCharsets.UTF_8);
                assertEquals(decode(full, bytes), decode(fast, bytes), key + " = " + num);
            }
        }
    }

    /** Values with their classes, doubles by bits; or the error message. */
    private static String decode(JsonDecoder d, byte[] payload) {
        List<Tuple> out = new ArrayList<>();
        try {
            d.decode(payload, Map.of(), 0, out::add);
        } catch (DecodeException e) {
            return "error: " + e.getMessage();
        }
        StringBuilder b = new StringBuilder();
        for (Tuple t : out) {
            b.append(t.values == null ? String.valueOf(t.map) : describe(t.values)).append(';');
        }
        return b.toString();
    }

    private static String describe(Object[] values) {
        StringBuilder b = new StringBuilder("[");
        for (Object v : values) {
            if (v instanceof Double x) {
                b.append("D").append(Double.doubleToRawLongBits(x));
            } else if (v == null) {
                b.append("null");
            } else {
                b.append(v.getClass().getSimpleName()).append(':').append(v instanceof byte[] a
                        ? Arrays.toString(a) : String.valueOf(v));
            }
            b.append(',');
        }
        return b.append(']').toString();
    }

    private static String object(Random r, int depth) {
        StringBuilder b = new StringBuilder();
        b.append(ws(r)).append('{');
        int n = r.nextInt(7);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            String k = KEYS[r.nextInt(KEYS.length)];
            if (r.nextInt(30) == 0) {
                k = "o\\u0074her";
            }
            b.append(ws(r)).append('"').append(k).append('"').append(ws(r)).append(':').append(ws(r))
                    .append(value(r, depth));
        }
        return b.append(ws(r)).append('}').append(ws(r)).toString();
    }

    private static String value(Random r, int depth) {
        switch (r.nextInt(depth > 2 ? 9 : 11)) {
            case 0:
                return String.valueOf(r.nextInt(2000) - 1000);
            case 1:
                return String.valueOf(r.nextDouble() * 100);
            case 2:
                return String.valueOf(r.nextLong());
            case 3:
                return "\"" + string(r) + "\"";
            case 4:
                return r.nextBoolean() ? "true" : "false";
            case 5:
                return "null";
            case 6:
                return r.nextInt(100) + "e" + (r.nextInt(10) - 5);
            case 7:
                return "\"" + r.nextInt(100) + "\"";
            case 8:
                return "-0";
            case 9:
                return object(r, depth + 1);
            default: {
                StringBuilder b = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(value(r, depth + 1));
                }
                return b.append(']').toString();
            }
        }
    }

    private static String string(Random r) {
        String[] parts = {"abc", "x y", "\\n", "\\\"", "\\u00e9", "é", "°C", "\\\\", "\\/", "\t", "", "true", "1.5"};
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            b.append(parts[r.nextInt(parts.length)]);
        }
        return b.toString();
    }

    private static String ws(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> " ";
            case 1 -> "\n\t ";
            default -> "";
        };
    }

    private static String mutate(Random r, String s) {
        if (s.isEmpty()) {
            return "x";
        }
        int at = r.nextInt(s.length());
        String[] inserts = {"", ",", "}", "{", "\"", ":", "0", "-", ".", "e", "]", "[", " ", "\\", "01", "+1"};
        return switch (r.nextInt(3)) {
            case 0 -> s.substring(0, at);
            case 1 -> s.substring(0, at) + inserts[r.nextInt(inserts.length)] + s.substring(at);
            default -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + r.nextInt(3)));
        };
    }
}
