package io.oort.engine.core.internal.rule;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;

import io.oort.engine.core.internal.config.Durations;

/**
 * Standard cron expressions as eKuiper parses rule {@code cron} options (robfig/cron ParseStandard): five fields
 * (minute hour day-of-month month day-of-week) with {@code * , - /}, month and weekday names, {@code ?}, and the
 * descriptors {@code @yearly @annually @monthly @weekly @daily @midnight @hourly @every <duration>}.
 */
public final class CronSchedule {

    private final BitSet minutes = new BitSet(60);
    private final BitSet hours = new BitSet(24);
    private final BitSet days = new BitSet(32);
    private final BitSet months = new BitSet(13);
    private final BitSet weekdays = new BitSet(7);
    private final boolean daysStar;
    private final boolean weekdaysStar;
    private final Duration every;

    private CronSchedule(Duration every) {
        this.every = every;
        this.daysStar = true;
        this.weekdaysStar = true;
    }

    private CronSchedule(String[] f) {
        this.every = null;
        field(f[0], minutes, 0, 59, null);
        field(f[1], hours, 0, 23, null);
        daysStar = f[2].equals("*") || f[2].equals("?");
        field(f[2], days, 1, 31, null);
        field(f[3], months, 1, 12, new String[] {"", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC"});
        weekdaysStar = f[4].equals("*") || f[4].equals("?");
        field(f[4].replace("7", "0"), weekdays, 0, 6, new String[] {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"});
    }

    /** @throws IllegalArgumentException with the reason */
    public static CronSchedule parse(String expr) {
        String e = expr.trim();
        if (e.startsWith("@")) {
            String d = e.toLowerCase(Locale.ROOT);
            if (d.startsWith("@every ")) {
                Duration every = Durations.parse(e.substring(7).trim());
                if (every.isZero() || every.isNegative()) {
                    throw new IllegalArgumentException("cron @every needs a positive duration: " + expr);
                }
                return new CronSchedule(every);
            }
            return parse(switch (d) {
                case "@yearly", "@annually" -> "0 0 1 1 *";
                case "@monthly" -> "0 0 1 * *";
                case "@weekly" -> "0 0 * * 0";
                case "@daily", "@midnight" -> "0 0 * * *";
                case "@hourly" -> "0 * * * *";
                default -> throw new IllegalArgumentException("unrecognized descriptor: " + expr);
            });
        }
        String[] f = e.split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("expected exactly 5 fields, found " + f.length + ": [" + expr + "]");
        }
        return new CronSchedule(f);
    }

    private static void field(String spec, BitSet out, int min, int max, String[] names) {
        for (String part : spec.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), null, 1, Integer.MAX_VALUE, spec);
                range = part.substring(0, slash);
            }
            int lo;
            int hi;
            if (range.equals("*") || range.equals("?")) {
                lo = min;
                hi = max;
            } else {
                int dash = range.indexOf('-');
                if (dash > 0) {
                    lo = number(range.substring(0, dash), names, min, max, spec);
                    hi = number(range.substring(dash + 1), names, min, max, spec);
                } else {
                    lo = number(range, names, min, max, spec);
                    hi = slash >= 0 ? max : lo;
                }
            }
            if (lo > hi) {
                throw new IllegalArgumentException("beginning of range (" + lo + ") beyond end of range (" + hi
                        + "): " + spec);
            }
            for (int v = lo; v <= hi; v += step) {
                out.set(v);
            }
        }
    }

    private static int number(String s, String[] names, int min, int max, String spec) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (!names[i].isEmpty() && names[i].equalsIgnoreCase(s)) {
                    return i;
                }
            }
        }
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("value " + v + " out of range [" + min + ", " + max + "]: " + spec);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to parse int from " + s + ": " + spec);
        }
    }

    /** The first activation strictly after {@code after}, in {@code zone}. */
    public ZonedDateTime next(ZonedDateTime after, ZoneId zone) {
        if (every != null) {
            long ms = every.toMillis();
            long t = after.toInstant().toEpochMilli();
            long n = Math.floorDiv(t, ms) * ms + ms;
            return java.time.Instant.ofEpochMilli(n).atZone(zone);
        }
        ZonedDateTime t = after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).withHour(0).withMinute(0).plusMonths(1);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.withHour(0).withMinute(0).plusDays(1);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.withMinute(0).plusHours(1);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return t;
        }
        throw new IllegalStateException("no activation within 5 years");
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = days.get(t.getDayOfMonth());
        boolean dow = weekdays.get(t.getDayOfWeek().getValue() % 7);
        if (daysStar || weekdaysStar) {
            return dom && dow;
        }
        return dom || dow;
    }

    /**
     * eKuiper's IsInRunningSchedule: whether {@code now} falls in {@code [s, s + duration)} where {@code s} is the
     * first activation after {@code now - duration}; returns the remaining time, or null when not running.
     */
    public Duration remainingIfRunning(ZonedDateTime now, Duration duration, ZoneId zone) {
        ZonedDateTime s = next(now.minus(duration), zone);
        ZonedDateTime end = s.plus(duration);
        if (now.isAfter(s) && now.isBefore(end)) {
            return Duration.between(now, end);
        }
        return null;
    }
}
