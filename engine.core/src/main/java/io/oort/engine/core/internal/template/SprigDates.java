package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.Func.Arg.ANY;
import static io.oort.engine.core.internal.template.Func.Arg.STRING;
import static io.oort.engine.core.internal.template.Func.Arg.TIME;

import io.oort.engine.core.internal.template.Func.FuncError;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/** Sprig's date functions; layouts are Go reference layouts ({@code 2006-01-02 15:04:05}). */
final class SprigDates {

    static final ZonedDateTime ZERO = ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private SprigDates() {
    }

    static void register(Map<String, Func> m) {
        put(m, Func.of("now", a -> ZonedDateTime.now(ZoneId.systemDefault())));
        put(m, Func.of("date", a -> dateInZone((String) a[0], a[1], "Local"), STRING, ANY));
        Func inZone = Func.of("dateInZone", a -> dateInZone((String) a[0], a[1], (String) a[2]), STRING, ANY, STRING);
        put(m, inZone);
        put(m, inZone.named("date_in_zone"));
        put(m, Func.of("htmlDate", a -> dateInZone("2006-01-02", a[0], "Local"), ANY));
        put(m, Func.of("htmlDateInZone", a -> dateInZone("2006-01-02", a[0], (String) a[1]), ANY, STRING));
        put(m, Func.of("unixEpoch", a -> Long.toString(GoTime.zoned(a[0]).toEpochSecond()), TIME));
        Func modify = Func.of("dateModify", a -> {
            Long d = GoDuration.parseDuration((String) a[0]);
            return d == null ? a[1] : GoTime.zoned(a[1]).plusNanos(d);
        }, STRING, TIME);
        put(m, modify);
        put(m, modify.named("date_modify"));
        Func mustModify = Func.of("mustDateModify", a -> {
            Long d = GoDuration.parseDuration((String) a[0]);
            if (d == null) {
                throw new FuncError("time: invalid duration " + GoStrconv.quote((String) a[0]));
            }
            return GoTime.zoned(a[1]).plusNanos(d);
        }, STRING, TIME);
        put(m, mustModify);
        put(m, mustModify.named("must_date_modify"));
        put(m, Func.of("duration", a -> {
            long n = 0;
            if (a[0] instanceof String s) {
                try {
                    n = Long.parseLong(s);
                } catch (NumberFormatException e) {
                    n = 0;
                }
            } else if (a[0] instanceof Long l) {
                n = l;
            }
            return GoDuration.durationString(n * 1_000_000_000L);
        }, ANY));
        put(m, Func.of("durationRound", a -> durationRound(a[0]), ANY));
        put(m, Func.of("ago", a -> {
            ZonedDateTime t = toTime(a[0], false);
            long nanos = Duration.between(t.toInstant(), Instant.now()).toNanos();
            return GoDuration.durationString(roundSecond(nanos));
        }, ANY));
        put(m, Func.of("toDate", a -> {
            try {
                return GoTime.parse((String) a[0], (String) a[1], ZoneId.systemDefault());
            } catch (FuncError e) {
                return ZERO;
            }
        }, STRING, STRING));
        put(m, Func.of("mustToDate", a -> GoTime.parse((String) a[0], (String) a[1], ZoneId.systemDefault()),
                STRING, STRING));
    }

    private static void put(Map<String, Func> m, Func f) {
        m.put(f.name, f);
    }

    private static ZonedDateTime toTime(Object v, boolean int32) {
        if (GoValues.isTime(v)) {
            return GoTime.zoned(v);
        }
        if (v instanceof Long || v instanceof Integer) {
            return Instant.ofEpochSecond(((Number) v).longValue()).atZone(ZoneId.systemDefault());
        }
        return ZonedDateTime.now(ZoneId.systemDefault());
    }

    static String dateInZone(String fmt, Object date, String zone) {
        ZonedDateTime t = toTime(date, true);
        return GoTime.format(t.withZoneSameInstant(loadLocation(zone)), fmt);
    }

    static ZoneId loadLocation(String zone) {
        if (zone.equals("Local")) {
            return ZoneId.systemDefault();
        }
        if (zone.isEmpty() || zone.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Duration.Round(time.Second): halfway values round away from zero. */
    private static long roundSecond(long d) {
        long s = 1_000_000_000L;
        long r = d % s;
        if (d < 0) {
            r = -r;
            return r + r < s ? d + r : d - (s - r);
        }
        return r + r < s ? d - r : d + (s - r);
    }

    private static String durationRound(Object v) {
        long d = 0;
        if (v instanceof String s) {
            Long p = GoDuration.parseDuration(s);
            d = p == null ? 0 : p;
        } else if (v instanceof Long l) {
            d = l;
        } else if (GoValues.isTime(v)) {
            d = Duration.between(GoTime.zoned(v).toInstant(), Instant.now()).toNanos();
        }
        long u = Math.abs(d);
        long second = 1_000_000_000L;
        long minute = 60 * second;
        long hour = 60 * minute;
        long day = 24 * hour;
        long month = 30 * day;
        long year = 365 * day;
        if (u > year) {
            return u / year + "y";
        } else if (u > month) {
            return u / month + "mo";
        } else if (u > day) {
            return u / day + "d";
        } else if (u > hour) {
            return u / hour + "h";
        } else if (u > minute) {
            return u / minute + "m";
        } else if (u > second) {
            return u / second + "s";
        }
        return "0s";
    }
}
