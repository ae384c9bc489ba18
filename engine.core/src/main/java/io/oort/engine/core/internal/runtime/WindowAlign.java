package io.oort.engine.core.internal.runtime;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.oort.engine.sql.ast.TimeUnitLiteral.Unit;

/**
 * eKuiper's alignment of the first window end to natural time (window_op.go getAlignedWindowEndTime): the end is
 * the next multiple of the interval within the enclosing minute / hour / day of the local time, quirks included
 * (the multiple is counted from the start of the enclosing unit, and a time whose field equals the interval
 * aligns to the interval itself).
 */
final class WindowAlign {

    private WindowAlign() {
    }

    static long alignedEnd(long ts, long interval, Unit unit, ZoneId zone) {
        ZonedDateTime n = Instant.ofEpochMilli(ts).atZone(zone);
        int iv = (int) interval;
        switch (unit) {
            case DD:
                return n.toLocalDate().plusDays(iv).atStartOfDay(zone).toInstant().toEpochMilli();
            case HH: {
                int gap = n.getHour() > iv ? iv * (n.getHour() / iv + 1) : iv;
                return n.toLocalDate().atStartOfDay(zone).plusHours(gap).toInstant().toEpochMilli();
            }
            case MI: {
                int gap = n.getMinute() > iv ? iv * (n.getMinute() / iv + 1) : iv;
                return n.withMinute(0).withSecond(0).withNano(0).plusMinutes(gap).toInstant().toEpochMilli();
            }
            case SS: {
                int gap = n.getSecond() > iv ? iv * (n.getSecond() / iv + 1) : iv;
                return n.withSecond(0).withNano(0).plusSeconds(gap).toInstant().toEpochMilli();
            }
            default: {
                int milli = n.getNano() / 1_000_000;
                int gap = milli > iv ? iv * (milli / iv + 1) : iv;
                return n.withNano(0).plusNanos(gap * 1_000_000L).toInstant().toEpochMilli();
            }
        }
    }
}
