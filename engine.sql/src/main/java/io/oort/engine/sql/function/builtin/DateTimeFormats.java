package io.oort.engine.sql.function.builtin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * eKuiper's datetime conversions ({@code pkg/cast/time.go}): its Java-like patterns ({@code yyyy-MM-dd HH:mm:ss})
 * translated to Go layouts, the string parsing of {@code cast.InterfaceToTime} (the jinzhu/now layout list and its
 * "fill missing fields from the current time" rules), and Go's {@code time.ParseDuration}.
 */
final class DateTimeFormats {

    private DateTimeFormats() {
    }

    private static final int CACHE_LIMIT = 256;
    private static final Map<String, Object> LAYOUTS = new ConcurrentHashMap<>();

    /** The layouts strings are tried against, in order (jinzhu/now v1.1.5 plus the two eKuiper appends). */
    private static final List<DateTimeLayout> PARSE_LAYOUTS = List.of(
            "2006", "2006-1", "2006-1-2", "2006-1-2 15", "2006-1-2 15:4", "2006-1-2 15:4:5", "1-2",
            "15:4:5", "15:4", "15",
            "15:4:5 Jan 2, 2006 MST", "2006-01-02 15:04:05.999999999 -0700 MST", "2006-01-02T15:04:05Z0700",
            "2006-01-02T15:04:05Z07",
            "2006.1.2", "2006.1.2 15:04:05", "2006.01.02", "2006.01.02 15:04:05", "2006.01.02 15:04:05.999999999",
            "1/2/2006", "1/2/2006 15:4:5", "2006/01/02", "20060102", "2006/01/02 15:04:05",
            "Mon Jan _2 15:04:05 2006", "Mon Jan _2 15:04:05 MST 2006", "Mon Jan 02 15:04:05 -0700 2006",
            "02 Jan 06 15:04 MST", "02 Jan 06 15:04 -0700", "Monday, 02-Jan-06 15:04:05 MST",
            "Mon, 02 Jan 2006 15:04:05 MST", "Mon, 02 Jan 2006 15:04:05 -0700", "2006-01-02T15:04:05Z07:00",
            "2006-01-02T15:04:05.999999999Z07:00",
            "3:04PM", "Jan _2 15:04:05", "Jan _2 15:04:05.000", "Jan _2 15:04:05.000000",
            "Jan _2 15:04:05.000000000",
            "2006-01-02T15:04:05.000Z07:00", "2006-01-02T15:04:05")
            .stream().map(DateTimeLayout::compile).toList();

    // jinzhu/now: whether the string holds a time of day, and whether it holds nothing else
    private static final Pattern HAS_TIME = Pattern.compile(
            "(\\s+|^\\s*|T)\\d{1,2}((:\\d{1,2})*|((:\\d{1,2}){2}\\.(\\d{3}|\\d{6}|\\d{9})))(\\s*\\z|[Z+-])");
    private static final Pattern ONLY_TIME = Pattern.compile(
            "^\\s*\\d{1,2}((:\\d{1,2})*|((:\\d{1,2}){2}\\.(\\d{3}|\\d{6}|\\d{9})))\\s*\\z");

    static final String DATETIME_PATTERN = "yyyy-MM-dd HH:mm:ss";
    static final String DATE_PATTERN = "yyyy-MM-dd";

    // ------------------------------------------------------------------------------------------ conversion

    /** {@code cast.InterfaceToTime(v, "")}: epoch milliseconds, datetimes and parsable strings. */
    static DateTimeValue toTime(Object v, FnContext ctx) {
        ZoneId zone = ctx.zone();
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return DateTimeValue.ofEpochMilli(((Number) v).longValue(), zone);
        }
        if (v instanceof Double || v instanceof Float) {
            return DateTimeValue.ofEpochMilli((long) ((Number) v).doubleValue(), zone);
        }
        if (v instanceof Instant t) {
            return DateTimeValue.ofInstant(t, zone);
        }
        if (v instanceof String s) {
            return parse(s, zone, ctx.nowMillis());
        }
        throw new EvalException("unsupported type to convert to timestamp " + GoFormat.v(v));
    }

    /** eKuiper's {@code cast.ToStringAlways}: {@code %v}, "" for null, datetimes in the configured zone. */
    static String toStringAlways(Object v, ZoneId zone) {
        if (v == null) {
            return "";
        }
        if (v instanceof Instant t) {
            return GoFormat.goTime(t, zone);
        }
        return GoFormat.v(v);
    }

    /** {@code cast.ParseTime(s, "")}: the first layout of the list that matches, then jinzhu's field filling. */
    static DateTimeValue parse(String t, ZoneId zone, long nowMillis) {
        String s = padFractionalSeconds(t);
        DateTimeValue parsed = null;
        for (DateTimeLayout l : PARSE_LAYOUTS) {
            parsed = l.parse(s, zone);
            if (parsed != null) {
                break;
            }
        }
        if (parsed == null) {
            throw new EvalException("Can't parse string as time: " + s);
        }
        boolean hasTime = HAS_TIME.matcher(s).find();
        boolean onlyTime = hasTime && ONLY_TIME.matcher(s).find();
        ZonedDateTime p = parsed.time();
        int[] fields = {p.getNano(), p.getSecond(), p.getMinute(), p.getHour(), p.getDayOfMonth(),
            p.getMonthValue(), p.getYear()};
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(zone);
        int[] current = {now.getNano(), now.getSecond(), now.getMinute(), now.getHour(), now.getDayOfMonth(),
            now.getMonthValue(), now.getYear()};
        boolean changed = false;
        boolean setCurrent = false;
        for (int i = 0; i < fields.length; i++) {
            if (hasTime && i <= 3) {
                continue;
            }
            // a zero field after a set finer field takes the current value (jinzhu/now's rule, kept as is)
            if (fields[i] == 0) {
                if (setCurrent) {
                    fields[i] = current[i];
                    changed |= current[i] != 0;
                }
            } else {
                setCurrent = true;
            }
            if (onlyTime && (i == 4 || i == 5)) {
                changed |= fields[i] != current[i];
                fields[i] = current[i];
            }
        }
        if (!changed) {
            return parsed;
        }
        LocalDateTime ldt = LocalDate.of(fields[6], 1, 1).plusMonths(fields[5] - 1L).plusDays(fields[4] - 1L)
                .atStartOfDay().plusHours(fields[3]).plusMinutes(fields[2]).plusSeconds(fields[1])
                .plusNanos(fields[0]);
        return new DateTimeValue(ZonedDateTime.ofLocal(ldt, p.getZone(), p.getOffset()), parsed.fixedName());
    }

    /** Pads a fraction of seconds to 3, 6 or 9 digits (or cuts it to 9), as eKuiper does before parsing. */
    static String padFractionalSeconds(String s) {
        int dot = s.indexOf('.');
        if (dot < 0 || s.indexOf('.', dot + 1) >= 0) {
            return s;
        }
        String integer = s.substring(0, dot);
        String rest = s.substring(dot + 1);
        int i = 0;
        while (i < rest.length() && Character.isDigit(rest.codePointAt(i))) {
            i += Character.charCount(rest.codePointAt(i));
        }
        String digits = rest.substring(0, i);
        String suffix = rest.substring(i);
        int len = digits.length();
        int target = len > 6 ? 9 : len > 3 ? 6 : 3;
        if (len < target) {
            digits = digits + "0".repeat(target - len);
        } else if (len > target) {
            digits = digits.substring(0, target);
        }
        return integer + "." + digits + suffix;
    }

    // ------------------------------------------------------------------------------------------ formatting

    /** {@code cast.FormatTime(t, pattern)}. */
    static String format(DateTimeValue t, String pattern) {
        return layout(pattern).format(t);
    }

    /** The compiled Go layout of an eKuiper pattern, cached by pattern text. */
    static DateTimeLayout layout(String pattern) {
        Object cached = LAYOUTS.get(pattern);
        if (cached == null) {
            try {
                cached = DateTimeLayout.compile(toGoLayout(pattern));
            } catch (EvalException e) {
                cached = e.getMessage();
            }
            if (LAYOUTS.size() >= CACHE_LIMIT) {
                LAYOUTS.clear();
            }
            LAYOUTS.put(pattern, cached);
        }
        if (cached instanceof String error) {
            throw new EvalException(error);
        }
        return (DateTimeLayout) cached;
    }

    private static int run(int[] f, int i, int max) {
        int r = f[i];
        int j = 1;
        while (i + j < f.length && j <= max) {
            if (f[i + j] != r) {
                break;
            }
            j++;
        }
        return j;
    }

    /** eKuiper's {@code convertFormat}: its pattern letters to a Go layout; other characters are kept. */
    static String toGoLayout(String f) {
        int[] r = f.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < r.length; i++) {
            int c = r[i];
            switch (c) {
                case '\\' -> {
                    i++;
                    if (i >= r.length) {
                        throw new EvalException(f + " is invalid");
                    }
                    out.appendCodePoint(r[i]);
                }
                case 'Y', 'y' -> {
                    int j = run(r, i, 4);
                    i += j - 1;
                    if (j == 4) {
                        out.append("2006");
                    } else if (j == 2) {
                        out.append("06");
                    } else {
                        throw new EvalException("invalid time format " + f + " for Y/y");
                    }
                }
                case 'G' -> out.append("AD");
                case 'M' -> {
                    int j = run(r, i, 4);
                    i += j - 1;
                    switch (j) {
                        case 1 -> out.append('1');
                        case 2 -> out.append("01");
                        case 3 -> out.append("Jan");
                        case 4 -> out.append("January");
                        default -> {
                        }
                    }
                }
                case 'd' -> {
                    int j = run(r, i, 2);
                    i += j - 1;
                    if (j == 1) {
                        out.append('2');
                    } else if (j == 2) {
                        out.append("02");
                    }
                }
                case 'E' -> {
                    int j = run(r, i, 4);
                    i += j - 1;
                    if (j == 3) {
                        out.append("Mon");
                    } else if (j == 4) {
                        out.append("Monday");
                    } else {
                        throw new EvalException("invalid time format " + f + " for E");
                    }
                }
                case 'H' -> {
                    int j = run(r, i, 2);
                    i += j - 1;
                    if (j != 2) {
                        throw new EvalException("invalid time format " + f + " of H, only HH is supported");
                    }
                    out.append("15");
                }
                case 'h' -> {
                    int j = run(r, i, 2);
                    i += j - 1;
                    if (j == 1) {
                        out.append('3');
                    } else if (j == 2) {
                        out.append("03");
                    }
                }
                case 'a' -> out.append("PM");
                case 'm' -> {
                    int j = run(r, i, 2);
                    i += j - 1;
                    if (j == 1) {
                        out.append('4');
                    } else if (j == 2) {
                        out.append("04");
                    }
                }
                case 's' -> {
                    int j = run(r, i, 2);
                    i += j - 1;
                    if (j == 1) {
                        out.append('5');
                    } else if (j == 2) {
                        out.append("05");
                    }
                }
                case 'S' -> {
                    // every S adds a digit; the dot comes with them (so "ss.SSS" gives "05..000", as in eKuiper)
                    int j = 0;
                    while (i + j < r.length && r[i + j] == 'S') {
                        j++;
                    }
                    out.append('.').append("0".repeat(j));
                    i += j - 1;
                }
                case 'z' -> out.append("MST");
                case 'Z' -> out.append("-0700");
                case 'X' -> {
                    int j = run(r, i, 3);
                    i += j - 1;
                    switch (j) {
                        case 1 -> out.append("-07");
                        case 2 -> out.append("-0700");
                        case 3 -> out.append("-07:00");
                        default -> {
                        }
                    }
                }
                case '\'' -> {
                    if (i + 1 >= r.length) {
                        // eKuiper indexes past the end here and fails
                        throw new EvalException("runtime error: index out of range [" + r.length + "] with length "
                                + r.length);
                    }
                    if (r[i + 1] == '\'') {
                        out.append('\'');
                        i++;
                        continue;
                    }
                    int j = 1;
                    while (i + j < r.length && r[i + j] != '\'') {
                        out.appendCodePoint(r[i + j]);
                        j++;
                    }
                    i += j;
                }
                default -> out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------- durations

    private static final long MAX_UNSIGNED_63 = Long.MIN_VALUE; // 1<<63 as an unsigned value

    /** Go's {@code time.ParseDuration}: nanoseconds. */
    static long parseDuration(String orig) {
        String s = orig;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalidDuration(orig);
        }
        long d = 0; // unsigned
        while (!s.isEmpty()) {
            char c0 = s.charAt(0);
            if (!(c0 == '.' || c0 >= '0' && c0 <= '9')) {
                throw invalidDuration(orig);
            }
            // integer part
            int i = 0;
            long v = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (Long.compareUnsigned(v, Long.divideUnsigned(MAX_UNSIGNED_63, 10)) > 0) {
                    throw invalidDuration(orig);
                }
                v = v * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(v, MAX_UNSIGNED_63) > 0) {
                    throw invalidDuration(orig);
                }
                i++;
            }
            boolean pre = i > 0;
            s = s.substring(i);
            // fraction
            long f = 0;
            double scale = 1;
            boolean post = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                s = s.substring(1);
                int k = 0;
                boolean overflow = false;
                while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
                    if (!overflow) {
                        if (f > Long.MAX_VALUE / 10) {
                            overflow = true;
                        } else {
                            f = f * 10 + (s.charAt(k) - '0');
                            scale *= 10;
                        }
                    }
                    k++;
                }
                post = k > 0;
                s = s.substring(k);
            }
            if (!pre && !post) {
                throw invalidDuration(orig);
            }
            int u = 0;
            while (u < s.length() && !(s.charAt(u) == '.' || s.charAt(u) >= '0' && s.charAt(u) <= '9')) {
                u++;
            }
            if (u == 0) {
                throw new EvalException("time: missing unit in duration " + quote(orig));
            }
            String unitName = s.substring(0, u);
            s = s.substring(u);
            long unit = switch (unitName) {
                case "ns" -> 1L;
                case "us", "\u00b5s", "\u03bcs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> throw new EvalException("time: unknown unit " + quote(unitName) + " in duration "
                        + quote(orig));
            };
            if (Long.compareUnsigned(v, Long.divideUnsigned(MAX_UNSIGNED_63, unit)) > 0) {
                throw invalidDuration(orig);
            }
            v *= unit;
            if (f > 0) {
                v += (long) ((double) f * ((double) unit / scale));
                if (Long.compareUnsigned(v, MAX_UNSIGNED_63) > 0) {
                    throw invalidDuration(orig);
                }
            }
            d += v;
            if (Long.compareUnsigned(d, MAX_UNSIGNED_63) > 0) {
                throw invalidDuration(orig);
            }
        }
        if (neg) {
            return -d;
        }
        if (d < 0) {
            throw invalidDuration(orig);
        }
        return d;
    }

    private static EvalException invalidDuration(String orig) {
        return new EvalException("time: invalid duration " + quote(orig));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
