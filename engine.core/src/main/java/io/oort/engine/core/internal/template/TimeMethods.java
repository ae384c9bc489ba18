package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.Func.Arg.STRING;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** The time.Time methods a template can call on a datetime value, e.g. {@code {{.ts.Unix}}}. */
final class TimeMethods {

    private TimeMethods() {
    }

    /** The bound method, or null when time.Time has no such method. */
    static Func method(Object recv, String name) {
        ZonedDateTime t = GoTime.zoned(recv);
        return switch (name) {
            case "Unix" -> Func.of(name, a -> t.toEpochSecond());
            case "UnixMilli" -> Func.of(name, a -> t.toInstant().toEpochMilli());
            case "UnixMicro" -> Func.of(name, a -> t.toEpochSecond() * 1_000_000L + t.getNano() / 1000);
            case "UnixNano" -> Func.of(name, a -> t.toEpochSecond() * 1_000_000_000L + t.getNano());
            case "Year" -> Func.of(name, a -> t.getYear());
            case "YearDay" -> Func.of(name, a -> t.getDayOfYear());
            case "Month" -> Func.of(name, a -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case "Day" -> Func.of(name, a -> t.getDayOfMonth());
            case "Weekday" -> Func.of(name, a -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case "Hour" -> Func.of(name, a -> t.getHour());
            case "Minute" -> Func.of(name, a -> t.getMinute());
            case "Second" -> Func.of(name, a -> t.getSecond());
            case "Nanosecond" -> Func.of(name, a -> t.getNano());
            case "String" -> Func.of(name, a -> GoTime.string(t));
            case "UTC" -> Func.of(name, a -> t.withZoneSameInstant(ZoneOffset.UTC));
            case "Local" -> Func.of(name, a -> t.withZoneSameInstant(ZoneId.systemDefault()));
            case "IsZero" -> Func.of(name, a -> t.toInstant().equals(SprigDates.ZERO.toInstant()));
            case "Format" -> Func.of(name, a -> GoTime.format(t, (String) a[0]), STRING);
            default -> null;
        };
    }
}
