package io.oort.engine.sql.eval;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.oort.engine.sql.function.FnContext;

/**
 * The mutable state an evaluation reads: the current row (one tuple per FROM/JOIN source), the current row's
 * analytic results, the current group's aggregate results and the window being emitted. One instance per rule,
 * reused for every row: evaluation is single-threaded per rule.
 */
public final class EvalContext implements FnContext {

    /** The current row: one entry per source (null for the unmatched side of an outer join). */
    public Tuple[] row = new Tuple[1];
    /** Analytic function results of the current row, by analytic slot. */
    public Object[] analytics;
    /** Aggregate results of the current group, by aggregate slot. */
    public Object[] aggregates;
    /** Window bounds while a window is emitted (epoch ms), else {@link Long#MIN_VALUE}. */
    public long windowStart = Long.MIN_VALUE;
    public long windowEnd = Long.MIN_VALUE;
    /** 1-based position of the current row in the window being emitted (row_number()). */
    public long rowNumber = 1;
    /** Event time of the current row, or the window end for window aggregates. */
    public long eventTime;

    private final String ruleId;
    private final LongSupplier clock;
    private final ZoneId zone;
    private long ruleStart;
    private final Map<String, Object> ruleState = new HashMap<>();

    public EvalContext(String ruleId, LongSupplier clock, ZoneId zone) {
        this.ruleId = ruleId;
        this.clock = clock;
        this.zone = zone;
        this.ruleStart = clock.getAsLong();
    }

    /** Sets a single-source row. */
    public EvalContext row(Tuple t) {
        row[0] = t;
        eventTime = t == null ? 0 : t.timestamp;
        return this;
    }

    public void setRuleStart(long millis) {
        this.ruleStart = millis;
    }

    @Override
    public String ruleId() {
        return ruleId;
    }

    @Override
    public long nowMillis() {
        return clock.getAsLong();
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public long ruleStartMillis() {
        return ruleStart;
    }

    @Override
    public Object meta(String key) {
        for (Tuple t : row) {
            if (t != null) {
                Object v = t.meta.get(key);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    @Override
    public Map<String, Object> metaAll() {
        Tuple t = row.length > 0 ? row[0] : null;
        return t == null ? Map.of() : t.meta;
    }

    @Override
    public long eventTime() {
        return eventTime;
    }

    @Override
    public Map<String, Object> ruleState() {
        return ruleState;
    }
}
