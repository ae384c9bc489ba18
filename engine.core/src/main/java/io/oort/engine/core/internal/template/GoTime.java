package io.oort.engine.core.internal.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Go's time.Time formatting (reference-layout based), Duration.String and ParseDuration. */
final class GoTime {

    private GoTime() {
    }

    static ZonedDateTime zoned(Object v) {
        if (v instanceof ZonedDateTime z) {
            return z;
        }
        return ((Instant) v).atZone(ZoneId.systemDefault());
    }

    /** time.Time.String(). */
    static String string(Object v) {
        return format(zoned(v), "2006-01-02 15:04:05.999999999 -0700 MST");
    }

    /** time.Time.Format(layout). */
    static String format(ZonedDateTime t, String layout) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int n = layout.length();
        while (i < n) {
            int[] std = nextStd(layout, i);
            int at = std[0];
            sb.append(layout, i, at);
            if (at >= n) {
                break;
            }
            appendStd(sb, t, layout, at, std[1], std[2]);
            i = at + std[1];
        }
        return sb.toString();
    }

    // chunk codes
    private static final int LONG_MONTH = 1;
    private static final int MONTH = 2;
    private static final int NUM_MONTH = 3;
    private static final int ZERO_MONTH = 4;
    private static final int LONG_WEEKDAY = 5;
    private static final int WEEKDAY = 6;
    private static final int DAY = 7;
    private static final int UNDER_DAY = 8;
    private static final int ZERO_DAY = 9;
    private static final int UNDER_YEARDAY = 10;
    private static final int ZERO_YEARDAY = 11;
    private static final int HOUR = 12;
    private static final int HOUR12 = 13;
    private static final int ZERO_HOUR12 = 14;
    private static final int MINUTE = 15;
    private static final int ZERO_MINUTE = 16;
    private static final int SECOND = 17;
    private static final int ZERO_SECOND = 18;
    private static final int LONG_YEAR = 19;
    private static final int YEAR = 20;
    private static final int PM = 21;
    private static final int LOWER_PM = 22;
    private static final int TZ = 23;
    private static final int ISO_TZ = 24;
    private static final int NUM_TZ = 25;
    private static final int FRAC0 = 26;
    private static final int FRAC9 = 27;

    /** Finds the next layout element at or after i: {position, length, code}. */
    static int[] nextStd(String l, int from) {
        int n = l.length();
        for (int i = from; i < n; i++) {
            char c = l.charAt(i);
            switch (c) {
                case 'J':
                    if (l.startsWith("January", i)) {
                        return new int[] {i, 7, LONG_MONTH};
                    }
                    if (l.startsWith("Jan", i)) {
                        return new int[] {i, 3, MONTH};
                    }
                    break;
                case 'M':
                    if (l.startsWith("Monday", i)) {
                        return new int[] {i, 6, LONG_WEEKDAY};
                    }
                    if (l.startsWith("Mon", i)) {
                        return new int[] {i, 3, WEEKDAY};
                    }
                    if (l.startsWith("MST", i)) {
                        return new int[] {i, 3, TZ};
                    }
                    break;
                case '0':
                    if (i + 1 < n && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
                        int[] codes = {ZERO_MONTH, ZERO_DAY, ZERO_HOUR12, ZERO_MINUTE, ZERO_SECOND, YEAR};
                        return new int[] {i, 2, codes[l.charAt(i + 1) - '1']};
                    }
                    if (l.startsWith("002", i)) {
                        return new int[] {i, 3, ZERO_YEARDAY};
                    }
                    break;
                case '1':
                    if (l.startsWith("15", i)) {
                        return new int[] {i, 2, HOUR};
                    }
                    return new int[] {i, 1, NUM_MONTH};
                case '2':
                    if (l.startsWith("2006", i)) {
                        return new int[] {i, 4, LONG_YEAR};
                    }
                    return new int[] {i, 1, DAY};
                case '_':
                    if (l.startsWith("_2", i)) {
                        if (l.startsWith("_2006", i)) {
                            return new int[] {i + 1, 4, LONG_YEAR};
                        }
                        return new int[] {i, 2, UNDER_DAY};
                    }
                    if (l.startsWith("__2", i)) {
                        return new int[] {i, 3, UNDER_YEARDAY};
                    }
                    break;
                case '3':
                    return new int[] {i, 1, HOUR12};
                case '4':
                    return new int[] {i, 1, MINUTE};
                case '5':
                    return new int[] {i, 1, SECOND};
                case 'P':
                    if (l.startsWith("PM", i)) {
                        return new int[] {i, 2, PM};
                    }
                    break;
                case 'p':
                    if (l.startsWith("pm", i)) {
                        return new int[] {i, 2, LOWER_PM};
                    }
                    break;
                case '-':
                case 'Z':
                    for (String z : new String[] {"070000", "07:00:00", "0700", "07:00", "07"}) {
                        if (l.startsWith(z, i + 1)) {
                            return new int[] {i, z.length() + 1, c == 'Z' ? ISO_TZ : NUM_TZ};
                        }
                    }
                    break;
                case '.':
                case ',':
                    if (i + 1 < n && (l.charAt(i + 1) == '0' || l.charAt(i + 1) == '9')) {
                        char ch = l.charAt(i + 1);
                        int j = i + 1;
                        while (j < n && l.charAt(j) == ch) {
                            j++;
                        }
                        if (!(j < n && l.charAt(j) >= '0' && l.charAt(j) <= '9')) {
                            return new int[] {i, j - i, ch == '0' ? FRAC0 : FRAC9};
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        return new int[] {n, 0, 0};
    }

    private static void appendStd(StringBuilder sb, ZonedDateTime t, String l, int at, int len, int code) {
        switch (code) {
            case LONG_MONTH -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case MONTH -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            case NUM_MONTH -> sb.append(t.getMonthValue());
            case ZERO_MONTH -> pad2(sb, t.getMonthValue());
            case LONG_WEEKDAY -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case WEEKDAY -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            case DAY -> sb.append(t.getDayOfMonth());
            case UNDER_DAY -> sb.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
            case ZERO_DAY -> pad2(sb, t.getDayOfMonth());
            case UNDER_YEARDAY -> {
                int d = t.getDayOfYear();
                sb.append(d < 10 ? "  " : d < 100 ? " " : "").append(d);
            }
            case ZERO_YEARDAY -> {
                int d = t.getDayOfYear();
                sb.append(d < 10 ? "00" : d < 100 ? "0" : "").append(d);
            }
            case HOUR -> pad2(sb, t.getHour());
            case HOUR12 -> sb.append(hour12(t));
            case ZERO_HOUR12 -> pad2(sb, hour12(t));
            case MINUTE -> sb.append(t.getMinute());
            case ZERO_MINUTE -> pad2(sb, t.getMinute());
            case SECOND -> sb.append(t.getSecond());
            case ZERO_SECOND -> pad2(sb, t.getSecond());
            case LONG_YEAR -> {
                int y = t.getYear();
                String s = Integer.toString(Math.abs(y));
                if (y < 0) {
                    sb.append('-');
                }
                for (int k = s.length(); k < 4; k++) {
                    sb.append('0');
                }
                sb.append(s);
            }
            case YEAR -> pad2(sb, Math.floorMod(t.getYear(), 100));
            case PM -> sb.append(t.getHour() >= 12 ? "PM" : "AM");
            case LOWER_PM -> sb.append(t.getHour() >= 12 ? "pm" : "am");
            case TZ -> sb.append(zoneAbbrev(t));
            case ISO_TZ, NUM_TZ -> appendOffset(sb, t, l.substring(at, at + len), code == ISO_TZ);
            case FRAC0, FRAC9 -> appendFrac(sb, t.getNano(), l.charAt(at), len - 1, code == FRAC9);
            default -> sb.append(l, at, at + len);
        }
    }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    private static void pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    private static final java.time.format.DateTimeFormatter ZONE_NAME =
            java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private static String zoneAbbrev(ZonedDateTime t) {
        ZoneId z = t.getZone();
        int secs = t.getOffset().getTotalSeconds();
        String id = z.getId();
        if (secs == 0 && (id.equals("Z") || id.equals("UTC") || id.equals("Etc/UTC") || id.equals("GMT"))) {
            return "UTC";
        }
        if (z instanceof ZoneOffset) {
            int m = Math.abs(secs) / 60;
            return String.format("%s%02d%02d", secs < 0 ? "-" : "+", m / 60, m % 60);
        }
        String name = ZONE_NAME.format(t);
        if (name.startsWith("GMT") || name.startsWith("UTC")) {
            return secs == 0 ? name.substring(0, 3) : numericZone(secs);
        }
        return name;
    }

    private static String numericZone(int secs) {
        int m = Math.abs(secs) / 60;
        String s = (secs < 0 ? "-" : "+") + (m / 60 < 10 ? "0" : "") + (m / 60);
        if (m % 60 != 0) {
            s += (m % 60 < 10 ? "0" : "") + (m % 60);
        }
        return s;
    }

    private static void appendOffset(StringBuilder sb, ZonedDateTime t, String spec, boolean iso) {
        int secs = t.getOffset().getTotalSeconds();
        if (iso && secs == 0) {
            sb.append('Z');
            return;
        }
        int abs = Math.abs(secs);
        sb.append(secs < 0 ? '-' : '+');
        pad2(sb, abs / 3600);
        String rest = spec.substring(3);
        if (rest.isEmpty()) {
            return;
        }
        if (rest.startsWith(":")) {
            sb.append(':');
        }
        pad2(sb, abs / 60 % 60);
        if (rest.length() > 3) {
            if (rest.startsWith(":")) {
                sb.append(':');
            }
            pad2(sb, abs % 60);
        }
    }

    private static void appendFrac(StringBuilder sb, int nanos, char sep, int digits, boolean trim) {
        String f = String.format("%09d", nanos).substring(0, Math.min(digits, 9));
        if (trim) {
            int e = f.length();
            while (e > 0 && f.charAt(e - 1) == '0') {
                e--;
            }
            f = f.substring(0, e);
            if (f.isEmpty()) {
                return;
            }
        }
        sb.append(sep).append(f);
    }

    /** time.ParseInLocation. */
    static ZonedDateTime parse(String layout, String value, ZoneId local) {
        return GoTimeParse.parse(layout, value, local);
    }
}
