package io.oort.engine.sql.function.builtin;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A Go reference-time layout ({@code "2006-01-02 15:04:05"}), split once into literal text and elements, that
 * formats and parses with the semantics of Go's {@code time.Format} / {@code time.ParseInLocation}. eKuiper's
 * Java-like patterns are first translated into such layouts ({@link DateTimeFormats#toGoLayout}), so literal
 * characters that happen to spell a Go element keep the meaning Go gives them, as in eKuiper.
 */
final class DateTimeLayout {

    // element codes (Go's std* constants)
    static final int NONE = 0;
    static final int LONG_MONTH = 1;
    static final int MONTH = 2;
    static final int NUM_MONTH = 3;
    static final int ZERO_MONTH = 4;
    static final int LONG_WEEKDAY = 5;
    static final int WEEKDAY = 6;
    static final int DAY = 7;
    static final int UNDER_DAY = 8;
    static final int ZERO_DAY = 9;
    static final int UNDER_YEAR_DAY = 10;
    static final int ZERO_YEAR_DAY = 11;
    static final int HOUR = 12;
    static final int HOUR12 = 13;
    static final int ZERO_HOUR12 = 14;
    static final int MINUTE = 15;
    static final int ZERO_MINUTE = 16;
    static final int SECOND = 17;
    static final int ZERO_SECOND = 18;
    static final int LONG_YEAR = 19;
    static final int YEAR = 20;
    static final int PM_UPPER = 21;
    static final int PM_LOWER = 22;
    static final int TZ = 23;
    static final int ISO_TZ = 24;
    static final int ISO_SECONDS_TZ = 25;
    static final int ISO_SHORT_TZ = 26;
    static final int ISO_COLON_TZ = 27;
    static final int ISO_COLON_SECONDS_TZ = 28;
    static final int NUM_TZ = 29;
    static final int NUM_SECONDS_TZ = 30;
    static final int NUM_SHORT_TZ = 31;
    static final int NUM_COLON_TZ = 32;
    static final int NUM_COLON_SECONDS_TZ = 33;
    static final int FRAC0 = 34;
    static final int FRAC9 = 35;

    private static final int[] ZERO_X = {ZERO_MONTH, ZERO_DAY, ZERO_HOUR12, ZERO_MINUTE, ZERO_SECOND, YEAR};

    static final String[] LONG_DAY_NAMES = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};
    static final String[] SHORT_DAY_NAMES = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static final String[] SHORT_MONTH_NAMES = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
        "Sep", "Oct", "Nov", "Dec"};
    static final String[] LONG_MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /**
     * A literal prefix followed by one element of {@code length} characters ({@code code == NONE} for the trailing
     * text); {@code digits} and {@code separator} describe fractional seconds.
     */
    record Element(String prefix, int code, int length, int digits, char separator) {
    }

    private final String layout;
    private final Element[] elements;

    private DateTimeLayout(String layout, Element[] elements) {
        this.layout = layout;
        this.elements = elements;
    }

    String layout() {
        return layout;
    }

    /** Splits a Go layout into its elements (Go's {@code nextStdChunk}). */
    static DateTimeLayout compile(String layout) {
        List<Element> out = new ArrayList<>();
        String rest = layout;
        while (true) {
            Element e = nextChunk(rest);
            out.add(e);
            if (e.code == NONE) {
                break;
            }
            rest = rest.substring(e.prefix.length() + e.length);
        }
        return new DateTimeLayout(layout, out.toArray(new Element[0]));
    }

    private static Element chunk(String layout, int i, int code, int len) {
        return new Element(layout.substring(0, i), code, len, 0, '.');
    }

    private static boolean startsWithLowerCase(String s, int from) {
        if (from >= s.length()) {
            return false;
        }
        char c = s.charAt(from);
        return c >= 'a' && c <= 'z';
    }

    private static boolean regionIs(String s, int i, String what) {
        return s.startsWith(what, i);
    }

    private static Element nextChunk(String layout) {
        int n = layout.length();
        for (int i = 0; i < n; i++) {
            char c = layout.charAt(i);
            switch (c) {
                case 'J':
                    if (regionIs(layout, i, "Jan")) {
                        if (regionIs(layout, i, "January")) {
                            return chunk(layout, i, LONG_MONTH, 7);
                        }
                        if (!startsWithLowerCase(layout, i + 3)) {
                            return chunk(layout, i, MONTH, 3);
                        }
                    }
                    break;
                case 'M':
                    if (regionIs(layout, i, "Mon")) {
                        if (regionIs(layout, i, "Monday")) {
                            return chunk(layout, i, LONG_WEEKDAY, 6);
                        }
                        if (!startsWithLowerCase(layout, i + 3)) {
                            return chunk(layout, i, WEEKDAY, 3);
                        }
                    }
                    if (regionIs(layout, i, "MST")) {
                        return chunk(layout, i, TZ, 3);
                    }
                    break;
                case '0':
                    if (i + 1 < n && layout.charAt(i + 1) >= '1' && layout.charAt(i + 1) <= '6') {
                        return chunk(layout, i, ZERO_X[layout.charAt(i + 1) - '1'], 2);
                    }
                    if (i + 2 < n && layout.charAt(i + 1) == '0' && layout.charAt(i + 2) == '2') {
                        return chunk(layout, i, ZERO_YEAR_DAY, 3);
                    }
                    break;
                case '1':
                    if (i + 1 < n && layout.charAt(i + 1) == '5') {
                        return chunk(layout, i, HOUR, 2);
                    }
                    return chunk(layout, i, NUM_MONTH, 1);
                case '2':
                    if (regionIs(layout, i, "2006")) {
                        return chunk(layout, i, LONG_YEAR, 4);
                    }
                    return chunk(layout, i, DAY, 1);
                case '_':
                    if (i + 1 < n && layout.charAt(i + 1) == '2') {
                        // "_2006" is a literal underscore followed by the long year
                        if (regionIs(layout, i + 1, "2006")) {
                            return chunk(layout, i + 1, LONG_YEAR, 4);
                        }
                        return chunk(layout, i, UNDER_DAY, 2);
                    }
                    if (i + 2 < n && layout.charAt(i + 1) == '_' && layout.charAt(i + 2) == '2') {
                        return chunk(layout, i, UNDER_YEAR_DAY, 3);
                    }
                    break;
                case '3':
                    return chunk(layout, i, HOUR12, 1);
                case '4':
                    return chunk(layout, i, MINUTE, 1);
                case '5':
                    return chunk(layout, i, SECOND, 1);
                case 'P':
                    if (i + 1 < n && layout.charAt(i + 1) == 'M') {
                        return chunk(layout, i, PM_UPPER, 2);
                    }
                    break;
                case 'p':
                    if (i + 1 < n && layout.charAt(i + 1) == 'm') {
                        return chunk(layout, i, PM_LOWER, 2);
                    }
                    break;
                case '-':
                    if (regionIs(layout, i, "-070000")) {
                        return chunk(layout, i, NUM_SECONDS_TZ, 7);
                    }
                    if (regionIs(layout, i, "-07:00:00")) {
                        return chunk(layout, i, NUM_COLON_SECONDS_TZ, 9);
                    }
                    if (regionIs(layout, i, "-0700")) {
                        return chunk(layout, i, NUM_TZ, 5);
                    }
                    if (regionIs(layout, i, "-07:00")) {
                        return chunk(layout, i, NUM_COLON_TZ, 6);
                    }
                    if (regionIs(layout, i, "-07")) {
                        return chunk(layout, i, NUM_SHORT_TZ, 3);
                    }
                    break;
                case 'Z':
                    if (regionIs(layout, i, "Z070000")) {
                        return chunk(layout, i, ISO_SECONDS_TZ, 7);
                    }
                    if (regionIs(layout, i, "Z07:00:00")) {
                        return chunk(layout, i, ISO_COLON_SECONDS_TZ, 9);
                    }
                    if (regionIs(layout, i, "Z0700")) {
                        return chunk(layout, i, ISO_TZ, 5);
                    }
                    if (regionIs(layout, i, "Z07:00")) {
                        return chunk(layout, i, ISO_COLON_TZ, 6);
                    }
                    if (regionIs(layout, i, "Z07")) {
                        return chunk(layout, i, ISO_SHORT_TZ, 3);
                    }
                    break;
                case '.', ',':
                    if (i + 1 < n && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
                        char ch = layout.charAt(i + 1);
                        int j = i + 1;
                        while (j < n && layout.charAt(j) == ch) {
                            j++;
                        }
                        // only a fractional second when the run of digits ends here
                        if (!(j < n && isDigit(layout.charAt(j)))) {
                            return new Element(layout.substring(0, i), ch == '9' ? FRAC9 : FRAC0, j - i, j - (i + 1),
                                    c);
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        return new Element(layout, NONE, 0, 0, '.');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---------------------------------------------------------------------------------------------- format

    /** Go's {@code t.Format(layout)}. */
    String format(DateTimeValue t) {
        ZonedDateTime z = t.time();
        StringBuilder b = new StringBuilder(layout.length() + 10);
        int year = z.getYear();
        for (Element e : elements) {
            b.append(e.prefix);
            switch (e.code) {
                case NONE -> {
                }
                case YEAR -> appendInt(b, Math.floorMod(year, 100), 2);
                case LONG_YEAR -> appendInt(b, year, 4);
                case MONTH -> b.append(LONG_MONTH_NAMES[z.getMonthValue() - 1], 0, 3);
                case LONG_MONTH -> b.append(LONG_MONTH_NAMES[z.getMonthValue() - 1]);
                case NUM_MONTH -> appendInt(b, z.getMonthValue(), 0);
                case ZERO_MONTH -> appendInt(b, z.getMonthValue(), 2);
                case WEEKDAY -> b.append(SHORT_DAY_NAMES[z.getDayOfWeek().getValue() % 7]);
                case LONG_WEEKDAY -> b.append(LONG_DAY_NAMES[z.getDayOfWeek().getValue() % 7]);
                case DAY -> appendInt(b, z.getDayOfMonth(), 0);
                case UNDER_DAY -> {
                    if (z.getDayOfMonth() < 10) {
                        b.append(' ');
                    }
                    appendInt(b, z.getDayOfMonth(), 0);
                }
                case ZERO_DAY -> appendInt(b, z.getDayOfMonth(), 2);
                case UNDER_YEAR_DAY -> {
                    int yd = z.getDayOfYear();
                    if (yd < 100) {
                        b.append(' ');
                        if (yd < 10) {
                            b.append(' ');
                        }
                    }
                    appendInt(b, yd, 0);
                }
                case ZERO_YEAR_DAY -> appendInt(b, z.getDayOfYear(), 3);
                case HOUR -> appendInt(b, z.getHour(), 2);
                case HOUR12, ZERO_HOUR12 -> {
                    int hr = z.getHour() % 12;
                    if (hr == 0) {
                        hr = 12;
                    }
                    appendInt(b, hr, e.code == ZERO_HOUR12 ? 2 : 0);
                }
                case MINUTE -> appendInt(b, z.getMinute(), 0);
                case ZERO_MINUTE -> appendInt(b, z.getMinute(), 2);
                case SECOND -> appendInt(b, z.getSecond(), 0);
                case ZERO_SECOND -> appendInt(b, z.getSecond(), 2);
                case PM_UPPER -> b.append(z.getHour() >= 12 ? "PM" : "AM");
                case PM_LOWER -> b.append(z.getHour() >= 12 ? "pm" : "am");
                case TZ -> {
                    String name = t.zoneName();
                    if (!name.isEmpty()) {
                        b.append(name);
                    } else {
                        int zone = z.getOffset().getTotalSeconds() / 60;
                        if (zone < 0) {
                            b.append('-');
                            zone = -zone;
                        } else {
                            b.append('+');
                        }
                        appendInt(b, zone / 60, 2);
                        appendInt(b, zone % 60, 2);
                    }
                }
                case ISO_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_COLON_SECONDS_TZ, NUM_TZ,
                        NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ ->
                    appendOffset(b, e.code, z.getOffset().getTotalSeconds());
                case FRAC0, FRAC9 -> appendNano(b, z.getNano(), e);
                default -> throw new IllegalStateException("element " + e.code);
            }
        }
        return b.toString();
    }

    private static void appendOffset(StringBuilder b, int code, int offset) {
        boolean iso = code >= ISO_TZ && code <= ISO_COLON_SECONDS_TZ;
        if (iso && offset == 0) {
            b.append('Z');
            return;
        }
        int zone = offset / 60;
        int absoffset = offset;
        if (zone < 0) {
            b.append('-');
            zone = -zone;
            absoffset = -absoffset;
        } else {
            b.append('+');
        }
        appendInt(b, zone / 60, 2);
        boolean colon = code == ISO_COLON_TZ || code == NUM_COLON_TZ || code == ISO_COLON_SECONDS_TZ
                || code == NUM_COLON_SECONDS_TZ;
        if (colon) {
            b.append(':');
        }
        if (code != NUM_SHORT_TZ && code != ISO_SHORT_TZ) {
            appendInt(b, zone % 60, 2);
        }
        if (code == ISO_SECONDS_TZ || code == NUM_SECONDS_TZ || code == NUM_COLON_SECONDS_TZ
                || code == ISO_COLON_SECONDS_TZ) {
            if (colon) {
                b.append(':');
            }
            appendInt(b, absoffset % 60, 2);
        }
    }

    private static void appendNano(StringBuilder b, int nanos, Element e) {
        boolean trim = e.code == FRAC9;
        int n = Math.min(e.digits, 9);
        if (trim && (n == 0 || nanos == 0)) {
            return;
        }
        int start = b.length();
        b.append(e.separator);
        String digits = String.format("%09d", nanos);
        b.append(digits, 0, n);
        if (trim) {
            int end = b.length();
            while (end > start && b.charAt(end - 1) == '0') {
                end--;
            }
            if (end > start && b.charAt(end - 1) == e.separator) {
                end--;
            }
            b.setLength(end);
        }
    }

    /** Go's appendInt: zero-padded to width, a minus sign before the padding. */
    private static void appendInt(StringBuilder b, int x, int width) {
        if (x < 0) {
            b.append('-');
            x = -x;
        }
        String s = Integer.toString(x);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }

    /**
     * Go's {@code time.ParseInLocation(layout, value, local)}: null when the value does not match (see
     * {@link DateTimeLayoutParser}).
     */
    DateTimeValue parse(String value, ZoneId local) {
        return DateTimeLayoutParser.parse(elements, value, local);
    }
}
