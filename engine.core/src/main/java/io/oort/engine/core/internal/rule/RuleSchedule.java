package io.oort.engine.core.internal.rule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a rule runs, from its {@code cron}, {@code duration} and {@code cronDatetimeRange} options, with eKuiper's
 * meaning (internal/server/rule_init.go): outside every datetime range the rule is held; inside, a rule with
 * {@code cron} and {@code duration} runs for {@code duration} from each cron activation (and starts at once when
 * created inside such a window); a rule with only {@code duration} stops itself that long after it started; a rule
 * with only ranges runs while a range lasts. Range bounds are exclusive, as eKuiper's.
 */
public final class RuleSchedule {

    static final DateTimeFormatter LAYOUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What the patrol should do with a rule now. */
    public enum Action { NONE, START, HOLD, FINISH }

    private record Range(long begin, long end) {
        boolean contains(long t) {
            return begin < t && t < end;
        }
    }

    private final CronSchedule cron;
    private final Duration duration;
    private final List<Range> ranges;
    private final ZoneId zone;

    private RuleSchedule(CronSchedule cron, Duration duration, List<Range> ranges, ZoneId zone) {
        this.cron = cron;
        this.duration = duration;
        this.ranges = ranges;
        this.zone = zone;
    }

    /**
     * @throws IllegalArgumentException naming the option and the problem (a bad cron expression, a range that
     *                                  cannot be read or ends before it begins)
     */
    public static RuleSchedule of(RuleOptions opts, ZoneId zone) {
        CronSchedule cron = null;
        if (!opts.cron().isBlank()) {
            try {
                cron = CronSchedule.parse(opts.cron());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid rule option cron: " + e.getMessage());
            }
        }
        List<Range> ranges = new ArrayList<>();
        for (Object o : opts.cronDatetimeRange()) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("invalid rule option cronDatetimeRange: expected objects with "
                        + "begin and end, got " + o);
            }
            long b = bound(m, "begin", zone);
            long e = bound(m, "end", zone);
            if (b > e) {
                throw new IllegalArgumentException(
                        "validate cronDatetimeRange failed, err:begin time shouldn't after end time");
            }
            ranges.add(new Range(b, e));
        }
        return new RuleSchedule(cron, opts.duration(), List.copyOf(ranges), zone);
    }

    /** eKuiper reads the timestamps when both are positive, the strings otherwise. */
    private static long bound(Map<?, ?> m, String name, ZoneId zone) {
        Object bts = m.get("beginTimestamp");
        Object ets = m.get("endTimestamp");
        if (bts instanceof Number b && ets instanceof Number e && b.longValue() > 0 && e.longValue() > 0) {
            return (name.equals("begin") ? b : e).longValue();
        }
        Object s = m.get(name);
        if (s == null) {
            throw new IllegalArgumentException("validate cronDatetimeRange failed, err:" + name + " is missing");
        }
        try {
            return LocalDateTime.parse(String.valueOf(s).trim(), LAYOUT).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("validate cronDatetimeRange failed, err:cannot read " + name + " \""
                    + s + "\" as yyyy-MM-dd HH:mm:ss");
        }
    }

    /** Whether the patrol manages this rule at all. */
    public boolean active() {
        return scheduled() || durationOnly();
    }

    /** eKuiper's IsScheduleRule: ranges, or cron with duration. A started scheduled rule waits for its window. */
    public boolean scheduled() {
        return !ranges.isEmpty() || (cron != null && !duration.isZero());
    }

    private boolean durationOnly() {
        return cron == null && !duration.isZero() && ranges.isEmpty();
    }

    private boolean inRanges(long now) {
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(now));
    }

    /**
     * What to do at {@code now} with a rule that is wanted.
     *
     * @param running   whether it runs now
     * @param startedAt when it last started (ms), for a duration-only rule
     */
    public Action decide(long now, boolean running, long startedAt) {
        if (!inRanges(now)) {
            return Action.HOLD;
        }
        if (cron != null && !duration.isZero()) {
            return cron.remainingIfRunning(at(now), duration, zone) != null ? Action.START : Action.HOLD;
        }
        if (cron == null && duration.isZero()) {
            return Action.START;
        }
        if (cron == null && running && now - startedAt >= duration.toMillis()) {
            return Action.FINISH;
        }
        return Action.NONE;
    }

    /** eKuiper's nextStartTimestamp: the next cron activation while inside the ranges, else 0. */
    public long nextStart(long now) {
        if (!scheduled() || cron == null || !inRanges(now)) {
            return 0;
        }
        return cron.next(at(now), zone).toInstant().toEpochMilli();
    }

    /**
     * The next instant after {@code now} at which {@link #decide} may change its answer (a cron activation, the end
     * of a run, a range bound, a duration's end), or -1 when none is known. The patrol wakes then, so schedules
     * are kept to the millisecond rather than to the patrol interval.
     */
    public long nextChange(long now, boolean running, long startedAt) {
        long best = Long.MAX_VALUE;
        for (Range r : ranges) {
            if (r.begin >= now) {
                best = Math.min(best, r.begin + 1);
            }
            if (r.end > now) {
                best = Math.min(best, r.end);
            }
        }
        if (cron != null && !duration.isZero()) {
            Duration left = cron.remainingIfRunning(at(now), duration, zone);
            if (left != null) {
                best = Math.min(best, now + left.toMillis());
            }
            best = Math.min(best, cron.next(at(now), zone).toInstant().toEpochMilli() + 1);
        }
        if (durationOnly() && running) {
            best = Math.min(best, startedAt + duration.toMillis());
        }
        return best == Long.MAX_VALUE ? -1 : best;
    }

    private java.time.ZonedDateTime at(long ms) {
        return Instant.ofEpochMilli(ms).atZone(zone);
    }
}
