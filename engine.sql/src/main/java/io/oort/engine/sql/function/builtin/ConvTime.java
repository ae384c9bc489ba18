package io.oort.engine.sql.function.builtin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;

/**
 * eKuiper's {@code cast.InterfaceToTime(v, "")} as cast(x, "datetime"), to_seconds and convert_tz use it: numbers
 * are epoch milliseconds, datetimes pass through, strings are parsed with the common layouts of
 * github.com/jinzhu/now (which eKuiper uses) in the configured zone:
 * {@code 2006}, {@code 2006-1}, {@code 2006-1-2}, {@code 2006-1-2 15[:4[:5[.frac]]]}, ISO-8601/RFC 3339 with
 * {@code T} or a space and an optional {@code Z}/{@code ±hh:mm}/{@code ±hhmm} offset (and Go's
 * {@code 2006-01-02 15:04:05.999999999 -0700 MST}), {@code 2006/01/02[ 15:04:05]}, {@code 2006.1.2[ 15:04:05]},
 * {@code 1/2/2006[ 15:4:5]}, {@code 20060102}, and a time of day alone ({@code 15:4[:5]}, today).
 */
final class ConvTime {

    private ConvTime() {
    }

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[T ]+(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2})(?:[.,](\\d+))?)?)?)?"
                    + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?(?:\\s+[A-Za-z][A-Za-z0-9+-]{0,5})?");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})(?:-(\\d{1,2}))?");
    private static final Pattern US = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?: (\\d{1,2}):(\\d{1,2}):(\\d{1,2}))?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern TIME_ONLY = Pattern.compile("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?");

    /** InterfaceToTime: the instant of {@code v}, or the eKuiper error text as an EvalException (no prefix). */
    static Instant toTime(Object v, ZoneId zone, long nowMillis) {
        if (v instanceof Instant t) {
            return t;
        }
        if (Cast.isInteger(v)) {
            return Instant.ofEpochMilli(((Number) v).longValue());
        }
        if (Cast.isFloat(v)) {
            return Instant.ofEpochMilli(MiscSupport.goFloatToLong(((Number) v).doubleValue()));
        }
        if (v instanceof String s) {
            return parse(s, zone, nowMillis);
        }
        throw new EvalException("unsupported type to convert to timestamp " + MiscSupport.v(v));
    }

    static Instant parse(String s, ZoneId zone, long nowMillis) {
        try {
            Instant t = tryParse(s.trim(), zone, nowMillis);
            if (t != null) {
                return t;
            }
        } catch (DateTimeException | NumberFormatException e) {
            // falls through to the error
        }
        throw new EvalException("Can't parse string as time: " + s);
    }

    private static int intOr(String g, int dflt) {
        return g == null ? dflt : Integer.parseInt(g);
    }

    private static Instant tryParse(String s, ZoneId zone, long nowMillis) {
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            int nanos = 0;
            String frac = m.group(8);
            if (frac != null) {
                String f9 = frac.length() >= 9 ? frac.substring(0, 9) : (frac + "000000000").substring(0, 9);
                nanos = Integer.parseInt(f9);
            }
            LocalDateTime ldt = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), intOr(m.group(5), 0), intOr(m.group(6), 0), intOr(m.group(7), 0),
                    nanos);
            String off = m.group(9);
            if (off == null) {
                return ldt.atZone(zone).toInstant();
            }
            ZoneOffset zo;
            if (off.equals("Z")) {
                zo = ZoneOffset.UTC;
            } else {
                String digits = off.substring(1).replace(":", "");
                int h = Integer.parseInt(digits.substring(0, 2));
                int mi = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
                int sign = off.charAt(0) == '-' ? -1 : 1;
                zo = ZoneOffset.ofHoursMinutes(sign * h, sign * mi);
            }
            return ldt.toInstant(zo);
        }
        m = YEAR_MONTH.matcher(s);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), intOr(m.group(2), 1), 1).atStartOfDay(zone)
                    .toInstant();
        }
        m = US.matcher(s);
        if (m.matches()) {
            return LocalDateTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), intOr(m.group(4), 0), intOr(m.group(5), 0), intOr(m.group(6), 0))
                    .atZone(zone).toInstant();
        }
        m = COMPACT.matcher(s);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).atStartOfDay(zone).toInstant();
        }
        m = TIME_ONLY.matcher(s);
        if (m.matches()) {
            LocalDate today = Instant.ofEpochMilli(nowMillis).atZone(zone).toLocalDate();
            return today.atTime(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), intOr(m.group(3), 0))
                    .atZone(zone).toInstant();
        }
        return null;
    }

    /** Go's time.LoadLocation: "" and "UTC" are UTC, "Local" the configured zone, else an IANA name. */
    static ZoneId loadLocation(String name, ZoneId local) {
        if (name.isEmpty() || name.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        if (name.equals("Local")) {
            return local;
        }
        if (!name.contains("/") && !ZoneId.getAvailableZoneIds().contains(name)) {
            throw new EvalException("unknown time zone " + name);
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new EvalException("unknown time zone " + name);
        }
    }
}
