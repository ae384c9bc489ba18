package io.oort.engine.core.internal.format;

import java.nio.charset.StandardCharsets;

/**
 * The fast path of schema decoding: one JSON object read straight from its bytes, declared fields matched on
 * their UTF-8 bytes and converted into their slots, every other value validated and skipped without building
 * anything. It handles the common shapes (ASCII strings, numbers, booleans and nulls into scalar columns) and
 * gives up — returns null — on anything else (escapes in names, non-ASCII text, nested values in declared
 * columns, conversions, malformed input), so the caller re-reads the payload with the complete decoder, whose
 * results and error messages are the reference. Whatever it does return equals what the complete decoder returns.
 * Stateless; thread-safe.
 */
final class FastJsonObject {

    private static final double[] DPOW10 = new double[23];

    static {
        double d = 1;
        for (int i = 0; i < DPOW10.length; i++) {
            DPOW10[i] = d;
            d *= 10;
        }
    }

    private enum Kind { FLOAT, BIGINT, STRING, BOOLEAN, OTHER }

    private final byte[][] names;
    private final Kind[] kinds;

    FastJsonObject(String[] names, FieldSchema[] types) {
        this.names = new byte[names.length][];
        this.kinds = new Kind[names.length];
        for (int i = 0; i < names.length; i++) {
            this.names[i] = names[i].getBytes(StandardCharsets.UTF_8);
            this.kinds[i] = switch (types[i].type) {
                case "float", "datetime" -> Kind.FLOAT;
                case "bigint" -> Kind.BIGINT;
                case "string" -> Kind.STRING;
                case "boolean" -> Kind.BOOLEAN;
                default -> Kind.OTHER;
            };
        }
    }

    /** Cursor over one payload. */
    private static final class In {
        final byte[] b;
        int i;

        In(byte[] b) {
            this.b = b;
        }
    }

    /** Gives up on the fast path. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    /** The values by slot, or null when the complete decoder must read this payload. */
    Object[] decode(byte[] payload) {
        In in = new In(payload);
        try {
            ws(in);
            if (in.i >= payload.length || payload[in.i] != '{') {
                return null;
            }
            in.i++;
            Object[] values = new Object[names.length];
            ws(in);
            if (peek(in) == '}') {
                in.i++;
            } else {
                while (true) {
                    int slot = key(in);
                    ws(in);
                    expect(in, ':');
                    ws(in);
                    if (slot >= 0) {
                        values[slot] = value(in, kinds[slot]);
                    } else {
                        skip(in, 0);
                    }
                    ws(in);
                    byte c = next(in);
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        return null;
                    }
                    ws(in);
                }
            }
            ws(in);
            return in.i == payload.length ? values : null;
        } catch (GiveUp | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static void ws(In in) {
        byte[] b = in.b;
        int i = in.i;
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        in.i = i;
    }

    private static byte peek(In in) throws GiveUp {
        if (in.i >= in.b.length) {
            throw GiveUp.INSTANCE;
        }
        return in.b[in.i];
    }

    private static byte next(In in) throws GiveUp {
        if (in.i >= in.b.length) {
            throw GiveUp.INSTANCE;
        }
        return in.b[in.i++];
    }

    private static void expect(In in, char c) throws GiveUp {
        if (next(in) != c) {
            throw GiveUp.INSTANCE;
        }
    }

    /** Reads a member name; returns its declared slot or -1. Names with escapes are left to the full decoder. */
    private int key(In in) throws GiveUp {
        expect(in, '"');
        byte[] b = in.b;
        int start = in.i;
        int i = start;
        while (true) {
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20) { // escapes, control characters, non-ASCII (c < 0)
                throw GiveUp.INSTANCE;
            }
            i++;
        }
        in.i = i + 1;
        int len = i - start;
        byte[][] n = names;
        for (int s = 0; s < n.length; s++) {
            byte[] name = n[s];
            if (name.length == len && java.util.Arrays.equals(b, start, i, name, 0, len)) {
                return s;
            }
        }
        return -1;
    }

    private Object value(In in, Kind kind) throws GiveUp {
        byte c = peek(in);
        switch (c) {
            case '"': {
                if (kind != Kind.STRING) {
                    throw GiveUp.INSTANCE; // string into a non-string column: conversion rules or an error
                }
                return string(in);
            }
            case 't':
                literal(in, "true");
                if (kind != Kind.BOOLEAN) {
                    throw GiveUp.INSTANCE;
                }
                return Boolean.TRUE;
            case 'f':
                literal(in, "false");
                if (kind != Kind.BOOLEAN) {
                    throw GiveUp.INSTANCE;
                }
                return Boolean.FALSE;
            case 'n':
                literal(in, "null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number(in, kind);
                }
                throw GiveUp.INSTANCE; // objects, arrays, garbage
        }
    }

    /** An ASCII string without escapes (the rest goes to the full decoder). */
    private static String string(In in) throws GiveUp {
        in.i++;
        byte[] b = in.b;
        int start = in.i;
        int i = start;
        while (true) {
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20) { // c < 0: non-ASCII
                throw GiveUp.INSTANCE;
            }
            i++;
        }
        in.i = i + 1;
        return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
    }

    private static void literal(In in, String word) throws GiveUp {
        byte[] b = in.b;
        int i = in.i;
        if (i + word.length() > b.length) {
            throw GiveUp.INSTANCE;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                throw GiveUp.INSTANCE;
            }
        }
        in.i = i + word.length();
    }

    /**
     * A JSON number, strictly by the grammar ({@code kind} null: validate and skip). Floats for FLOAT columns are
     * exact when their decimal mantissa (at most 15 digits) and power of ten are exact doubles: one correctly
     * rounded operation; otherwise the JDK parses the text, which rounds correctly like Jackson. Integers into
     * FLOAT columns are the double of their long value, as Jackson's getDoubleValue gives it.
     */
    private static Object number(In in, Kind kind) throws GiveUp {
        byte[] b = in.b;
        int start = in.i;
        int i = start;
        boolean neg = false;
        if (b[i] == '-') {
            neg = true;
            i++;
        }
        long mantissa = 0;
        int digits = 0; // significant digits
        int fraction = 0; // digits after the point taken into the mantissa
        if (i < b.length && b[i] == '0') {
            i++;
            if (i < b.length && b[i] >= '0' && b[i] <= '9') {
                throw GiveUp.INSTANCE; // leading zero
            }
        } else {
            int is = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                }
                digits++;
                i++;
            }
            if (i == is) {
                throw GiveUp.INSTANCE;
            }
        }
        boolean isInt = true;
        if (i < b.length && b[i] == '.') {
            isInt = false;
            i++;
            int fs = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    fraction++;
                }
                if (digits > 0 || b[i] != '0') {
                    digits++;
                }
                i++;
            }
            if (i == fs) {
                throw GiveUp.INSTANCE;
            }
        }
        int exp = 0;
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            isInt = false;
            i++;
            boolean eneg = false;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                eneg = b[i] == '-';
                i++;
            }
            int es = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                if (exp < 10000) {
                    exp = exp * 10 + (b[i] - '0');
                }
                i++;
            }
            if (i == es) {
                throw GiveUp.INSTANCE;
            }
            if (eneg) {
                exp = -exp;
            }
        }
        if (i - start > 1000) {
            throw GiveUp.INSTANCE; // beyond Jackson's number length limit: let it report
        }
        in.i = i;
        if (kind == null) {
            return null;
        }
        if (kind == Kind.BIGINT) {
            if (!isInt || digits > 18) {
                throw GiveUp.INSTANCE;
            }
            return neg ? -mantissa : mantissa;
        }
        if (kind != Kind.FLOAT) {
            throw GiveUp.INSTANCE;
        }
        if (isInt) {
            if (digits > 18) {
                throw GiveUp.INSTANCE;
            }
            return (double) (neg ? -mantissa : mantissa);
        }
        int scale = fraction - exp;
        if (digits <= 15 && scale >= -22 && scale <= 22) {
            double m = mantissa;
            double v = scale >= 0 ? m / DPOW10[scale] : m * DPOW10[-scale];
            return neg ? -v : v;
        }
        return parse(b, start, i);
    }

    private static Double parse(byte[] b, int start, int end) {
        return Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
    }

    /** Validates and skips any value. */
    private static void skip(In in, int depth) throws GiveUp {
        if (depth > 256) {
            throw GiveUp.INSTANCE;
        }
        byte c = peek(in);
        switch (c) {
            case '"' -> skipString(in);
            case 't' -> literal(in, "true");
            case 'f' -> literal(in, "false");
            case 'n' -> literal(in, "null");
            case '{' -> {
                in.i++;
                ws(in);
                if (peek(in) == '}') {
                    in.i++;
                    return;
                }
                while (true) {
                    ws(in);
                    if (peek(in) != '"') {
                        throw GiveUp.INSTANCE;
                    }
                    skipString(in);
                    ws(in);
                    expect(in, ':');
                    ws(in);
                    skip(in, depth + 1);
                    ws(in);
                    byte n = next(in);
                    if (n == '}') {
                        return;
                    }
                    if (n != ',') {
                        throw GiveUp.INSTANCE;
                    }
                }
            }
            case '[' -> {
                in.i++;
                ws(in);
                if (peek(in) == ']') {
                    in.i++;
                    return;
                }
                while (true) {
                    ws(in);
                    skip(in, depth + 1);
                    ws(in);
                    byte n = next(in);
                    if (n == ']') {
                        return;
                    }
                    if (n != ',') {
                        throw GiveUp.INSTANCE;
                    }
                }
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number(in, null);
                } else {
                    throw GiveUp.INSTANCE;
                }
            }
        }
    }

    /** Skips a string; ASCII only (non-ASCII text may be malformed UTF-8: the full decoder decides). */
    private static void skipString(In in) throws GiveUp {
        in.i++;
        byte[] b = in.b;
        int i = in.i;
        while (true) {
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw GiveUp.INSTANCE;
            }
            if (c == '\\') {
                byte e = b[i + 1];
                if (e == 'u') {
                    for (int k = 2; k < 6; k++) {
                        if (Character.digit(b[i + k], 16) < 0) {
                            throw GiveUp.INSTANCE;
                        }
                    }
                    i += 6;
                    continue;
                }
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                    throw GiveUp.INSTANCE;
                }
                i += 2;
                continue;
            }
            i++;
        }
        in.i = i + 1;
    }
}
