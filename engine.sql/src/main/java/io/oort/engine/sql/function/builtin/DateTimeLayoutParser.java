package io.oort.engine.sql.function.builtin;

import static io.oort.engine.sql.function.builtin.DateTimeLayout.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import io.oort.engine.sql.function.builtin.DateTimeLayout.Element;

/**
 * Parsing with a compiled Go layout: Go's {@code time.Parse} rules (numbers of one or two digits where the layout
 * allows it, spaces matching runs of spaces, a fraction of seconds taken after the seconds even when the layout has
 * none, zone offsets and abbreviations resolved against the local zone).
 */
final class DateTimeLayoutParser {

    private DateTimeLayoutParser() {
    }

    /** Thrown inside parse; never escapes this class. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        static final Bad INSTANCE = new Bad();

        private Bad() {
            super(null, null, false, false);
        }
    }

    /**
     * Go's {@code time.ParseInLocation(layout, value, local)}: null when the value does not match. Offsets equal to
     * the local zone's at that instant give a time in the local zone, other offsets a fixed zone.
     */
    static DateTimeValue parse(Element[] elements, String value, ZoneId local) {
        try {
            return doParse(elements, value, local);
        } catch (Bad e) {
            return null;
        }
    }

    private static final class Cursor {
        String v;

        Cursor(String v) {
            this.v = v;
        }
    }

    private static DateTimeValue doParse(Element[] elements, String value, ZoneId local) throws Bad {
        Cursor c = new Cursor(value);
        boolean amSet = false;
        boolean pmSet = false;
        int year = 0;
        int month = -1;
        int day = -1;
        int yday = -1;
        int hour = 0;
        int min = 0;
        int sec = 0;
        int nsec = 0;
        boolean utc = false;
        int zoneOffset = Integer.MIN_VALUE;
        String zoneName = "";

        for (int idx = 0; idx < elements.length; idx++) {
            Element e = elements[idx];
            skip(c, e.prefix());
            if (e.code() == NONE) {
                if (!c.v.isEmpty()) {
                    throw Bad.INSTANCE;
                }
                break;
            }
            String v = c.v;
            switch (e.code()) {
                case YEAR -> {
                    if (v.length() < 2) {
                        throw Bad.INSTANCE;
                    }
                    year = atoi(v.substring(0, 2));
                    c.v = v.substring(2);
                    year += year >= 69 ? 1900 : 2000;
                }
                case LONG_YEAR -> {
                    if (v.length() < 4 || !isDigit(v.charAt(0))) {
                        throw Bad.INSTANCE;
                    }
                    year = atoi(v.substring(0, 4));
                    c.v = v.substring(4);
                }
                case MONTH -> month = lookup(SHORT_MONTH_NAMES, c) + 1;
                case LONG_MONTH -> month = lookup(LONG_MONTH_NAMES, c) + 1;
                case NUM_MONTH, ZERO_MONTH -> {
                    month = getnum(c, e.code() == ZERO_MONTH);
                    if (month <= 0 || month > 12) {
                        throw Bad.INSTANCE;
                    }
                }
                case WEEKDAY -> lookup(SHORT_DAY_NAMES, c);
                case LONG_WEEKDAY -> lookup(LONG_DAY_NAMES, c);
                case DAY, UNDER_DAY, ZERO_DAY -> {
                    if (e.code() == UNDER_DAY && !v.isEmpty() && v.charAt(0) == ' ') {
                        c.v = v.substring(1);
                    }
                    day = getnum(c, e.code() == ZERO_DAY);
                }
                case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
                    for (int i = 0; i < 2; i++) {
                        if (e.code() == UNDER_YEAR_DAY && !c.v.isEmpty() && c.v.charAt(0) == ' ') {
                            c.v = c.v.substring(1);
                        }
                    }
                    yday = getnum3(c, e.code() == ZERO_YEAR_DAY);
                }
                case HOUR -> {
                    hour = getnum(c, false);
                    if (hour >= 24) {
                        throw Bad.INSTANCE;
                    }
                }
                case HOUR12, ZERO_HOUR12 -> {
                    hour = getnum(c, e.code() == ZERO_HOUR12);
                    if (hour > 12) {
                        throw Bad.INSTANCE;
                    }
                }
                case MINUTE, ZERO_MINUTE -> {
                    min = getnum(c, e.code() == ZERO_MINUTE);
                    if (min >= 60) {
                        throw Bad.INSTANCE;
                    }
                }
                case SECOND, ZERO_SECOND -> {
                    sec = getnum(c, e.code() == ZERO_SECOND);
                    if (sec >= 60) {
                        throw Bad.INSTANCE;
                    }
                    // a fractional second the layout does not ask for is taken anyway, unless one comes next
                    String r = c.v;
                    if (r.length() >= 2 && commaOrPeriod(r.charAt(0)) && isDigit(r.charAt(1))) {
                        int next = idx + 1 < elements.length ? elements[idx + 1].code() : NONE;
                        if (next == FRAC0 || next == FRAC9) {
                            break;
                        }
                        int n = 2;
                        while (n < r.length() && isDigit(r.charAt(n))) {
                            n++;
                        }
                        nsec = parseNanoseconds(r, n);
                        c.v = r.substring(n);
                    }
                }
                case PM_UPPER, PM_LOWER -> {
                    if (v.length() < 2) {
                        throw Bad.INSTANCE;
                    }
                    String p = v.substring(0, 2);
                    c.v = v.substring(2);
                    if (p.equals(e.code() == PM_UPPER ? "PM" : "pm")) {
                        pmSet = true;
                    } else if (p.equals(e.code() == PM_UPPER ? "AM" : "am")) {
                        amSet = true;
                    } else {
                        throw Bad.INSTANCE;
                    }
                }
                case ISO_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_SECONDS_TZ, ISO_COLON_SECONDS_TZ, NUM_TZ,
                        NUM_SHORT_TZ, NUM_COLON_TZ, NUM_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> {
                    boolean iso = e.code() >= ISO_TZ && e.code() <= ISO_COLON_SECONDS_TZ;
                    if (iso && !v.isEmpty() && v.charAt(0) == 'Z') {
                        c.v = v.substring(1);
                        utc = true;
                        break;
                    }
                    zoneOffset = parseOffset(e.code(), c);
                }
                case TZ -> {
                    if (v.startsWith("UTC")) {
                        utc = true;
                        c.v = v.substring(3);
                        break;
                    }
                    int n = parseTimeZone(v);
                    if (n <= 0) {
                        throw Bad.INSTANCE;
                    }
                    zoneName = v.substring(0, n);
                    c.v = v.substring(n);
                }
                case FRAC0 -> {
                    int ndigit = 1 + e.digits();
                    if (v.length() < ndigit) {
                        throw Bad.INSTANCE;
                    }
                    nsec = parseNanoseconds(v, ndigit);
                    c.v = v.substring(ndigit);
                }
                case FRAC9 -> {
                    if (v.length() < 2 || !commaOrPeriod(v.charAt(0)) || !isDigit(v.charAt(1))) {
                        break; // omitted
                    }
                    int i = 0;
                    while (i + 1 < v.length() && isDigit(v.charAt(i + 1))) {
                        i++;
                    }
                    nsec = parseNanoseconds(v, 1 + i);
                    c.v = v.substring(1 + i);
                }
                default -> throw new IllegalStateException("element " + e.code());
            }
        }
        if (pmSet && hour < 12) {
            hour += 12;
        } else if (amSet && hour == 12) {
            hour = 0;
        }
        if (yday >= 0) {
            int d;
            int m;
            boolean leap = java.time.Year.isLeap(year);
            if (yday < 1 || yday > 365 + (leap ? 1 : 0)) {
                throw Bad.INSTANCE;
            }
            LocalDate ld = LocalDate.ofYearDay(year, yday);
            m = ld.getMonthValue();
            d = ld.getDayOfMonth();
            if (month >= 0 && month != m || day >= 0 && day != d) {
                throw Bad.INSTANCE;
            }
            month = m;
            day = d;
        } else {
            if (month < 0) {
                month = 1;
            }
            if (day < 0) {
                day = 1;
            }
        }
        if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            throw Bad.INSTANCE;
        }
        LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, min, sec, nsec);
        if (utc) {
            return DateTimeValue.utc(ldt.atZone(ZoneOffset.UTC));
        }
        if (zoneOffset != Integer.MIN_VALUE) {
            Instant at = ldt.toInstant(ZoneOffset.ofTotalSeconds(zoneOffset));
            ZonedDateTime inLocal = at.atZone(local);
            if (inLocal.getOffset().getTotalSeconds() == zoneOffset
                    && (zoneName.isEmpty() || zoneName.equals(DateTimeValue.abbreviation(inLocal)))) {
                return DateTimeValue.of(inLocal);
            }
            return DateTimeValue.fixed(at, zoneOffset, zoneName);
        }
        if (!zoneName.isEmpty()) {
            // an abbreviation the local zone uses near that time, else a fixed zone of that name
            ZonedDateTime guess = ldt.atZone(local);
            if (zoneName.equals(DateTimeValue.abbreviation(guess))) {
                return DateTimeValue.of(guess);
            }
            int offset = 0;
            if (zoneName.length() > 3 && zoneName.startsWith("GMT")) {
                offset = atoiSigned(zoneName.substring(3)) * 3600;
            }
            return DateTimeValue.fixed(ldt.toInstant(ZoneOffset.ofTotalSeconds(offset)), offset, zoneName);
        }
        return DateTimeValue.of(ldt.atZone(local));
    }

    private static int parseOffset(int code, Cursor c) throws Bad {
        String v = c.v;
        String sign;
        String hh;
        String mm;
        String ss;
        if (code == ISO_COLON_TZ || code == NUM_COLON_TZ) {
            if (v.length() < 6 || v.charAt(3) != ':') {
                throw Bad.INSTANCE;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(4, 6);
            ss = "00";
            c.v = v.substring(6);
        } else if (code == NUM_SHORT_TZ || code == ISO_SHORT_TZ) {
            if (v.length() < 3) {
                throw Bad.INSTANCE;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = "00";
            ss = "00";
            c.v = v.substring(3);
        } else if (code == ISO_COLON_SECONDS_TZ || code == NUM_COLON_SECONDS_TZ) {
            if (v.length() < 9 || v.charAt(3) != ':' || v.charAt(6) != ':') {
                throw Bad.INSTANCE;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(4, 6);
            ss = v.substring(7, 9);
            c.v = v.substring(9);
        } else if (code == ISO_SECONDS_TZ || code == NUM_SECONDS_TZ) {
            if (v.length() < 7) {
                throw Bad.INSTANCE;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(3, 5);
            ss = v.substring(5, 7);
            c.v = v.substring(7);
        } else {
            if (v.length() < 5) {
                throw Bad.INSTANCE;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(3, 5);
            ss = "00";
            c.v = v.substring(5);
        }
        int hr = getnum(new Cursor(hh), true);
        int mi = getnum(new Cursor(mm), true);
        int se = getnum(new Cursor(ss), true);
        if (hr > 24 || mi > 60 || se > 60) {
            throw Bad.INSTANCE;
        }
        int off = (hr * 60 + mi) * 60 + se;
        return switch (sign.charAt(0)) {
            case '+' -> off;
            case '-' -> -off;
            default -> throw Bad.INSTANCE;
        };
    }

    /** Go's skip: spaces in the prefix match a run of spaces in the value; other characters match exactly. */
    private static void skip(Cursor c, String prefix) throws Bad {
        String v = c.v;
        int pi = 0;
        int vi = 0;
        while (pi < prefix.length()) {
            if (prefix.charAt(pi) == ' ') {
                if (vi < v.length() && v.charAt(vi) != ' ') {
                    throw Bad.INSTANCE;
                }
                while (pi < prefix.length() && prefix.charAt(pi) == ' ') {
                    pi++;
                }
                while (vi < v.length() && v.charAt(vi) == ' ') {
                    vi++;
                }
                continue;
            }
            if (vi >= v.length() || v.charAt(vi) != prefix.charAt(pi)) {
                throw Bad.INSTANCE;
            }
            pi++;
            vi++;
        }
        c.v = v.substring(vi);
    }

    private static int getnum(Cursor c, boolean fixed) throws Bad {
        String s = c.v;
        if (s.isEmpty() || !isDigit(s.charAt(0))) {
            throw Bad.INSTANCE;
        }
        if (s.length() < 2 || !isDigit(s.charAt(1))) {
            if (fixed) {
                throw Bad.INSTANCE;
            }
            c.v = s.substring(1);
            return s.charAt(0) - '0';
        }
        c.v = s.substring(2);
        return (s.charAt(0) - '0') * 10 + (s.charAt(1) - '0');
    }

    private static int getnum3(Cursor c, boolean fixed) throws Bad {
        String s = c.v;
        int n = 0;
        int i = 0;
        while (i < 3 && i < s.length() && isDigit(s.charAt(i))) {
            n = n * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == 0 || fixed && i != 3) {
            throw Bad.INSTANCE;
        }
        c.v = s.substring(i);
        return n;
    }

    private static int lookup(String[] tab, Cursor c) throws Bad {
        String v = c.v;
        for (int i = 0; i < tab.length; i++) {
            String name = tab[i];
            if (v.length() >= name.length() && v.regionMatches(true, 0, name, 0, name.length())) {
                c.v = v.substring(name.length());
                return i;
            }
        }
        throw Bad.INSTANCE;
    }

    private static boolean commaOrPeriod(char c) {
        return c == '.' || c == ',';
    }

    private static int parseNanoseconds(String value, int nbytes) throws Bad {
        if (!commaOrPeriod(value.charAt(0))) {
            throw Bad.INSTANCE;
        }
        if (nbytes > 10) {
            value = value.substring(0, 10);
            nbytes = 10;
        }
        int ns = atoi(value.substring(1, nbytes));
        for (int i = 0; i < 10 - nbytes; i++) {
            ns *= 10;
        }
        return ns;
    }

    private static int atoi(String s) throws Bad {
        if (s.isEmpty()) {
            throw Bad.INSTANCE;
        }
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == s.length()) {
            throw Bad.INSTANCE;
        }
        long x = 0;
        for (int i = start; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!isDigit(ch)) {
                throw Bad.INSTANCE;
            }
            x = x * 10 + (ch - '0');
            if (x > Integer.MAX_VALUE) {
                throw Bad.INSTANCE;
            }
        }
        return (int) (s.charAt(0) == '-' ? -x : x);
    }

    private static int atoiSigned(String s) {
        try {
            return atoi(s);
        } catch (Bad e) {
            return 0;
        }
    }

    /** Go's parseTimeZone: the length of a zone abbreviation at the start of the value, 0 when none. */
    private static int parseTimeZone(String value) {
        if (value.length() < 3) {
            return 0;
        }
        if (value.startsWith("ChST") || value.startsWith("MeST")) {
            return 4;
        }
        if (value.startsWith("GMT")) {
            String rest = value.substring(3);
            return rest.isEmpty() ? 3 : 3 + parseSignedOffset(rest);
        }
        if (value.charAt(0) == '+' || value.charAt(0) == '-') {
            return parseSignedOffset(value);
        }
        int nUpper = 0;
        while (nUpper < 6 && nUpper < value.length()) {
            char ch = value.charAt(nUpper);
            if (ch < 'A' || ch > 'Z') {
                break;
            }
            nUpper++;
        }
        return switch (nUpper) {
            case 5 -> value.charAt(4) == 'T' ? 5 : 0;
            case 4 -> value.charAt(3) == 'T' || value.startsWith("WITA") ? 4 : 0;
            case 3 -> 3;
            default -> 0;
        };
    }

    private static int parseSignedOffset(String value) {
        if (value.isEmpty() || value.charAt(0) != '+' && value.charAt(0) != '-') {
            return 0;
        }
        int i = 1;
        long x = 0;
        while (i < value.length() && isDigit(value.charAt(i))) {
            x = x * 10 + (value.charAt(i) - '0');
            if (x > Integer.MAX_VALUE) {
                return 0;
            }
            i++;
        }
        if (i == 1 || x > 23) {
            return 0;
        }
        return i;
    }
}
