package io.oort.engine.sql.function.builtin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A datetime as Go's {@code time.Time} carries it inside a function call: an instant together with the location it
 * is read in, so that {@code hour("2019-01-01T01:00:00+08:00")} answers 1 whatever the configured zone, as in
 * eKuiper. {@code zoneName} is the abbreviation Go prints for {@code MST} in a layout: null means "ask the zone",
 * "" means a nameless fixed offset (printed as {@code +0800}).
 */
record DateTimeValue(ZonedDateTime time, String fixedName) {

    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    /** A time in a zone (the configured zone, or a region zone the parse resolved to). */
    static DateTimeValue of(ZonedDateTime t) {
        return new DateTimeValue(t, null);
    }

    static DateTimeValue utc(ZonedDateTime t) {
        return new DateTimeValue(t.withZoneSameInstant(ZoneOffset.UTC), "UTC");
    }

    /** Go's {@code time.FixedZone(name, offset)}. */
    static DateTimeValue fixed(Instant at, int offsetSeconds, String name) {
        return new DateTimeValue(at.atZone(ZoneOffset.ofTotalSeconds(offsetSeconds)), name);
    }

    static DateTimeValue ofInstant(Instant at, ZoneId zone) {
        return of(at.atZone(zone));
    }

    /** Go's {@code time.UnixMilli(ms).In(zone)}. */
    static DateTimeValue ofEpochMilli(long ms, ZoneId zone) {
        return of(Instant.ofEpochMilli(ms).atZone(zone));
    }

    Instant instant() {
        return time.toInstant();
    }

    /** The same location, another instant (Go's {@code t.Add}). */
    DateTimeValue withInstant(Instant at) {
        return new DateTimeValue(at.atZone(time.getZone()), fixedName);
    }

    /** The zone abbreviation Go would print for this time ("" for a nameless fixed offset). */
    String zoneName() {
        return fixedName != null ? fixedName : abbreviation(time);
    }

    /** Abbreviation of a zone at a time, as the tz database (and so Go) names it: "UTC", "CST", "+08". */
    static String abbreviation(ZonedDateTime t) {
        ZoneId zone = t.getZone();
        if (zone instanceof ZoneOffset o) {
            return o.getTotalSeconds() == 0 ? "UTC" : "";
        }
        String id = zone.getId();
        if (id.equals("UTC") || id.equals("Etc/UTC") || id.equals("Etc/UCT") || id.equals("UCT")
                || id.equals("Universal") || id.equals("Zulu") || id.equals("Etc/Universal")
                || id.equals("Etc/Zulu")) {
            return "UTC";
        }
        String name = t.format(ABBREVIATION);
        if (name.startsWith("GMT") && name.length() > 3 || name.startsWith("UTC") && name.length() > 3) {
            // zones the tz database names by their offset: "+08", "-0330"
            int total = t.getOffset().getTotalSeconds();
            int minutes = Math.abs(total) / 60;
            StringBuilder b = new StringBuilder(total < 0 ? "-" : "+");
            b.append(String.format("%02d", minutes / 60));
            if (minutes % 60 != 0) {
                b.append(String.format("%02d", minutes % 60));
            }
            return b.toString();
        }
        return name;
    }
}
