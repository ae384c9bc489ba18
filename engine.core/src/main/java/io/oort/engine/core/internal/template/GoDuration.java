package io.oort.engine.core.internal.template;

/** Go's time.Duration: String() and ParseDuration. */
final class GoDuration {

    private GoDuration() {
    }

    /** Go's time.Duration.String for a duration in nanoseconds. */
    static String durationString(long d) {
        if (d == 0) {
            return "0s";
        }
        boolean neg = d < 0;
        java.math.BigInteger u = java.math.BigInteger.valueOf(d).abs();
        long v = u.longValue();
        StringBuilder sb = new StringBuilder();
        if (u.compareTo(java.math.BigInteger.valueOf(1_000_000_000L)) < 0) {
            String unit;
            int prec;
            if (v < 1000) {
                return (neg ? "-" : "") + v + "ns";
            } else if (v < 1_000_000) {
                unit = "µs";
                prec = 3;
            } else {
                unit = "ms";
                prec = 6;
            }
            sb.append(fracString(v, prec)).append(unit);
        } else {
            long secs = Long.divideUnsigned(v, 1_000_000_000L);
            long frac = Long.remainderUnsigned(v, 1_000_000_000L);
            String s = fracString(secs % 60 * 1_000_000_000L + frac, 9) + "s";
            long mins = secs / 60;
            if (mins > 0) {
                s = (mins % 60) + "m" + s;
                long hours = mins / 60;
                if (hours > 0) {
                    s = hours + "h" + s;
                }
            }
            sb.append(s);
        }
        return (neg ? "-" : "") + sb;
    }

    private static String fracString(long v, int prec) {
        long pow = 1;
        for (int i = 0; i < prec; i++) {
            pow *= 10;
        }
        long whole = v / pow;
        long frac = v % pow;
        if (frac == 0) {
            return Long.toString(whole);
        }
        String f = String.format("%0" + prec + "d", frac);
        int e = f.length();
        while (f.charAt(e - 1) == '0') {
            e--;
        }
        return whole + "." + f.substring(0, e);
    }

    /** Go's time.ParseDuration; returns null when invalid. */
    static Long parseDuration(String s) {
        String orig = s;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0L;
        }
        if (s.isEmpty()) {
            return null;
        }
        double total = 0;
        int i = 0;
        while (i < s.length()) {
            int st = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (st == i || s.substring(st, i).equals(".")) {
                return null;
            }
            double num = Double.parseDouble(s.substring(st, i));
            int us = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            long unit = switch (s.substring(us, i)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> -1L;
            };
            if (unit < 0) {
                return null;
            }
            total += num * unit;
        }
        if (total > Long.MAX_VALUE) {
            return null;
        }
        long r = Math.round(total);
        return neg ? -r : r;
    }
}
