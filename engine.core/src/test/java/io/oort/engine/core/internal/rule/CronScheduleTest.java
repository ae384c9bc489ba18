package io.oort.engine.core.internal.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Cron expressions as robfig/cron's standard parser reads them, and eKuiper's "is in running schedule". */
class CronScheduleTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 3, 2, 10, 2, 30, 0, UTC); // a Monday

    private static String next(String expr, ZonedDateTime after) {
        return CronSchedule.parse(expr).next(after, UTC).toLocalDateTime().toString();
    }

    @Test
    void fieldsStepsRangesAndNames() {
        assertEquals("2026-03-02T10:03", next("* * * * *", T0));
        assertEquals("2026-03-02T10:05", next("*/5 * * * *", T0));
        assertEquals("2026-03-02T12:00", next("0 12-14 * * *", T0));
        assertEquals("2026-03-02T10:15", next("15,45 * * * *", T0));
        assertEquals("2026-03-03T08:00", next("0 8 * * TUE", T0));
        assertEquals("2026-03-08T00:00", next("0 0 * * 7", T0), "7 is Sunday too");
        assertEquals("2026-06-01T00:00", next("0 0 1 jun ?", T0));
        assertEquals("2026-03-02T10:10", next("10/20 * * * *", T0), "a start with a step runs to the end");
    }

    @Test
    void dayOfMonthAndWeekdayAreOredWhenBothRestricted() {
        // the 15th, or any Friday: the first match after Monday the 2nd is Friday the 6th
        assertEquals("2026-03-06T00:00", next("0 0 15 * FRI", T0));
        assertEquals("2026-03-15T00:00", next("0 0 15 * *", T0));
    }

    @Test
    void descriptorsAndEvery() {
        assertEquals("2026-03-02T11:00", next("@hourly", T0));
        assertEquals("2026-03-03T00:00", next("@daily", T0));
        assertEquals("2026-03-08T00:00", next("@weekly", T0));
        assertEquals("2026-04-01T00:00", next("@monthly", T0));
        assertEquals("2027-01-01T00:00", next("@yearly", T0));
        assertEquals("2026-03-02T10:02:40", next("@every 20s", T0));
        assertEquals("2028-02-29T00:00", next("0 0 29 2 *", ZonedDateTime.of(2026, 3, 1, 0, 0, 0, 0, UTC)));
    }

    @Test
    void runningScheduleMatchesEkuiper() {
        CronSchedule c = CronSchedule.parse("0 0 * * *");
        ZonedDateTime justAfterMidnight = ZonedDateTime.of(2026, 3, 2, 0, 0, 2, 0, UTC);
        assertEquals(Duration.ofMinutes(10).minusSeconds(2),
                c.remainingIfRunning(justAfterMidnight, Duration.ofMinutes(10), UTC));
        assertNull(c.remainingIfRunning(ZonedDateTime.of(2026, 3, 2, 0, 10, 0, 0, UTC), Duration.ofMinutes(10), UTC));
        assertNull(c.remainingIfRunning(ZonedDateTime.of(2026, 3, 2, 0, 0, 0, 0, UTC), Duration.ofMinutes(10), UTC),
                "the activation instant itself is outside (eKuiper compares strictly)");
    }

    @Test
    void malformedExpressionsSayWhy() {
        assertEquals("expected exactly 5 fields, found 6: [0 0 * * * *]",
                assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("0 0 * * * *")).getMessage());
        assertEquals("value 24 out of range [0, 23]: 24",
                assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("0 24 * * *")).getMessage());
        assertEquals("failed to parse int from x: x",
                assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("x * * * *")).getMessage());
        assertEquals("unrecognized descriptor: @sometimes",
                assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("@sometimes")).getMessage());
    }
}
