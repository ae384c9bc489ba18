package io.oort.engine.core.internal.template;

import io.oort.engine.core.internal.template.Func.FuncError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/** Go's time.ParseInLocation for reference layouts, with Go's ParseError texts. */
final class GoTimeParse {

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};

    private final String layout;
    private final String value;
    private String rest;
    private int year = 1;
    private int month = 1;
    private int day = 1;
    private int yday = -1;
    private int hour;
    private int minute;
    private int second;
    private int nanos;
    private int pm = -1;
    private ZoneId zone;

    private GoTimeParse(String layout, String value) {
        this.layout = layout;
        this.value = value;
        this.rest = value;
    }

    static ZonedDateTime parse(String layout, String value, ZoneId local) {
        return new GoTimeParse(layout, value).run(local);
    }

    private FuncError cannot(String valueElem, String layoutElem) {
        return new FuncError("parsing time " + GoStrconv.quote(value) + " as " + GoStrconv.quote(layout)
                + ": cannot parse " + GoStrconv.quote(valueElem) + " as " + GoStrconv.quote(layoutElem));
    }

    private FuncError range(String what) {
        return new FuncError("parsing time " + GoStrconv.quote(value) + ": " + what + " out of range");
    }

    private ZonedDateTime run(ZoneId local) {
        int i = 0;
        while (true) {
            int[] std = GoTime.nextStd(layout, i);
            String prefix = layout.substring(i, std[0]);
            if (!skip(prefix)) {
                throw cannot(rest, prefix);
            }
            if (std[0] >= layout.length()) {
                if (!rest.isEmpty()) {
                    throw new FuncError("parsing time " + GoStrconv.quote(value) + ": extra text: "
                            + GoStrconv.quote(rest));
                }
                break;
            }
            String elem = layout.substring(std[0], std[0] + std[1]);
            String before = rest;
            if (!element(std[2], elem)) {
                throw cannot(before, elem);
            }
            i = std[0] + std[1];
        }
        if (pm == 1 && hour < 12) {
            hour += 12;
        } else if (pm == 0 && hour == 12) {
            hour = 0;
        }
        try {
            LocalDate date;
            if (yday >= 0) {
                date = LocalDate.ofYearDay(year, yday);
            } else {
                if (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
                    throw range("day");
                }
                date = LocalDate.of(year, month, day);
            }
            return ZonedDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, second,
                    nanos, zone != null ? zone : local);
        } catch (DateTimeException e) {
            throw range("day");
        }
    }

    private boolean skip(String prefix) {
        String p = prefix;
        String v = rest;
        while (!p.isEmpty()) {
            if (p.charAt(0) == ' ') {
                if (!v.isEmpty() && v.charAt(0) != ' ') {
                    return false;
                }
                p = p.stripLeading();
                v = v.stripLeading();
                continue;
            }
            if (v.isEmpty() || v.charAt(0) != p.charAt(0)) {
                return false;
            }
            p = p.substring(1);
            v = v.substring(1);
        }
        rest = v;
        return true;
    }

    private int num(int maxDigits, boolean fixed) {
        int n = 0;
        int k = 0;
        while (k < maxDigits && k < rest.length() && Character.isDigit(rest.charAt(k))) {
            n = n * 10 + (rest.charAt(k) - '0');
            k++;
        }
        if (k == 0 || (fixed && k < maxDigits)) {
            return -1;
        }
        rest = rest.substring(k);
        return n;
    }

    private int lookup(String[] names, int len) {
        for (int i = 0; i < names.length; i++) {
            String n = len > 0 ? names[i].substring(0, len) : names[i];
            if (rest.length() >= n.length() && rest.substring(0, n.length()).equalsIgnoreCase(n)) {
                rest = rest.substring(n.length());
                return i;
            }
        }
        return -1;
    }

    private boolean element(int code, String elem) {
        switch (elem) {
            case "2006" -> {
                if (rest.length() < 4) {
                    return false;
                }
                year = num(4, true);
                return year >= 0;
            }
            case "06" -> {
                int y = num(2, true);
                year = y >= 69 ? 1900 + y : 2000 + y;
                return y >= 0;
            }
            case "January", "Jan" -> {
                int m = lookup(MONTHS, elem.length() == 3 ? 3 : 0);
                month = m + 1;
                return m >= 0;
            }
            case "Monday", "Mon" -> {
                return lookup(DAYS, elem.length() == 3 ? 3 : 0) >= 0;
            }
            case "1", "01" -> {
                month = num(2, elem.length() == 2);
                if (month >= 0 && (month < 1 || month > 12)) {
                    throw range("month");
                }
                return month >= 0;
            }
            case "2", "_2", "02" -> {
                if (elem.equals("_2") && rest.startsWith(" ")) {
                    rest = rest.substring(1);
                }
                day = num(2, elem.equals("02"));
                return day >= 0;
            }
            case "002", "__2" -> {
                yday = num(3, elem.equals("002"));
                return yday >= 0;
            }
            case "15" -> {
                hour = num(2, false);
                if (hour > 23) {
                    throw range("hour");
                }
                return hour >= 0;
            }
            case "3", "03" -> {
                hour = num(2, elem.length() == 2);
                if (hour > 12) {
                    throw range("hour");
                }
                return hour >= 0;
            }
            case "4", "04" -> {
                minute = num(2, elem.length() == 2);
                if (minute > 59) {
                    throw range("minute");
                }
                return minute >= 0;
            }
            case "5", "05" -> {
                second = num(2, elem.length() == 2);
                if (second > 59) {
                    throw range("second");
                }
                if (second >= 0 && rest.length() > 1 && (rest.charAt(0) == '.' || rest.charAt(0) == ',')
                        && Character.isDigit(rest.charAt(1)) && !nextIsFraction(elem)) {
                    fraction(-1);
                }
                return second >= 0;
            }
            case "PM", "pm" -> {
                String p = rest.length() >= 2 ? rest.substring(0, 2) : "";
                String up = elem.equals("PM") ? p : p.toUpperCase(Locale.ROOT);
                if (!(elem.equals("PM") ? p.equals("AM") || p.equals("PM") : p.equals("am") || p.equals("pm"))) {
                    return false;
                }
                pm = up.equals("PM") ? 1 : 0;
                rest = rest.substring(2);
                return true;
            }
            case "MST" -> {
                if (rest.startsWith("UTC") || rest.startsWith("GMT")) {
                    rest = rest.substring(3);
                    zone = ZoneOffset.UTC;
                    return true;
                }
                int k = 0;
                while (k < rest.length() && k < 5 && Character.isUpperCase(rest.charAt(k))) {
                    k++;
                }
                if (k < 3) {
                    return false;
                }
                rest = rest.substring(k);
                return true;
            }
            default -> {
                if (code == 26 || code == 27) {
                    return fraction(code == 26 ? elem.length() - 1 : -1);
                }
                return offset(elem);
            }
        }
    }

    private boolean nextIsFraction(String elem) {
        int at = layout.indexOf(elem);
        int[] std = GoTime.nextStd(layout, at + elem.length());
        return std[0] == at + elem.length() && (std[2] == 26 || std[2] == 27);
    }

    private boolean fraction(int digits) {
        if (rest.isEmpty() || (rest.charAt(0) != '.' && rest.charAt(0) != ',')) {
            return digits < 0;
        }
        int k = 1;
        while (k < rest.length() && Character.isDigit(rest.charAt(k))) {
            k++;
        }
        if (digits >= 0 && k - 1 != digits) {
            return false;
        }
        String f = (rest.substring(1, k) + "000000000").substring(0, 9);
        nanos = Integer.parseInt(f);
        rest = rest.substring(k);
        return true;
    }

    private boolean offset(String elem) {
        if (elem.startsWith("Z") && rest.startsWith("Z")) {
            rest = rest.substring(1);
            zone = ZoneOffset.UTC;
            return true;
        }
        if (rest.isEmpty() || (rest.charAt(0) != '+' && rest.charAt(0) != '-')) {
            return false;
        }
        String spec = elem.substring(1);
        int sign = rest.charAt(0) == '-' ? -1 : 1;
        rest = rest.substring(1);
        int h = num(2, true);
        int m = 0;
        int s = 0;
        if (h < 0) {
            return false;
        }
        if (spec.length() > 2) {
            if (spec.charAt(2) == ':') {
                if (!rest.startsWith(":")) {
                    return false;
                }
                rest = rest.substring(1);
            }
            m = num(2, true);
            if (m < 0) {
                return false;
            }
            if (spec.length() > 5) {
                if (spec.charAt(5) == ':' || spec.charAt(4) == ':') {
                    if (!rest.startsWith(":")) {
                        return false;
                    }
                    rest = rest.substring(1);
                }
                s = num(2, true);
                if (s < 0) {
                    return false;
                }
            }
        }
        zone = ZoneOffset.ofTotalSeconds(sign * (h * 3600 + m * 60 + s));
        return true;
    }
}
