package io.oort.engine.core.internal.config;

import java.time.Duration;

/**
 * eKuiper's duration values: a bare number is milliseconds; otherwise Go's duration syntax
 * ({@code 300ms}, {@code 1.5s}, {@code 2h45m}, units ns us µs ms s m h).
 */
public final class Durations {

    private Durations() {
    }

    public static Duration parse(Object value) {
        if (value == null) {
            return Duration.ZERO;
        }
        if (value instanceof Number n) {
            return Duration.ofMillis(n.longValue());
        }
        if (value instanceof Duration d) {
            return d;
        }
        String s = value.toString().trim();
        if (s.isEmpty()) {
            return Duration.ZERO;
        }
        if (s.matches("-?\\d+")) {
            return Duration.ofMillis(Long.parseLong(s));
        }
        return parseGo(s);
    }

    private static Duration parseGo(String s) {
        int i = 0;
        boolean neg = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            neg = s.charAt(0) == '-';
            i++;
        }
        if (i >= s.length()) {
            throw new IllegalArgumentException("invalid duration \"" + s + "\"");
        }
        double nanos = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("invalid duration \"" + s + "\"");
            }
            double num = Double.parseDouble(s.substring(start, i));
            int ustart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(ustart, i);
            double mult = switch (unit) {
                case "ns" -> 1;
                case "us", "µs", "μs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> throw new IllegalArgumentException(
                        "invalid duration \"" + s + "\": unknown unit \"" + unit + "\" (use ns, us, ms, s, m, h)");
            };
            nanos += num * mult;
        }
        long n = Math.round(nanos);
        return Duration.ofNanos(neg ? -n : n);
    }
}
