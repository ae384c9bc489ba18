package io.oort.engine.core.internal.runtime;

import java.time.Instant;
import java.time.ZoneId;

import io.oort.engine.sql.analyzer.SourceInfo;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.function.builtin.Timestamps;

/** Reads a tuple's event time from the stream's TIMESTAMP field (epoch ms number, datetime, or date string). */
public final class EventTimes {

    private final String field;
    private final int slot;
    private final String format;
    private final ZoneId zone;

    private EventTimes(String field, int slot, String format, ZoneId zone) {
        this.field = field;
        this.slot = slot;
        this.format = format;
        this.zone = zone;
    }

    /** The extractor of a source, or null when the stream has no TIMESTAMP option. */
    public static EventTimes of(SourceInfo src) {
        return of(src, ZoneId.systemDefault());
    }

    /**
     * As {@link #of(SourceInfo)}; string timestamps are read with the stream's TIMESTAMP_FORMAT (eKuiper's pattern
     * letters), then the default layouts, in {@code zone} when they carry no offset.
     */
    public static EventTimes of(SourceInfo src, ZoneId zone) {
        String f = src.stream().options().timestamp();
        if (f == null || f.isEmpty()) {
            return null;
        }
        return new EventTimes(f, src.slot(f), src.stream().options().timestampFormat(), zone);
    }

    public String field() {
        return field;
    }

    /** The tuple with its event time, or an error naming the field. */
    public Tuple apply(Tuple t) {
        Object v = t.get(slot, field);
        if (v == null && !t.has(field)) {
            throw new EvalException("cannot find timestamp field " + field + " in tuple " + GoFormat.v(t.asMap()));
        }
        long ts;
        try {
            if (Cast.isNumber(v)) {
                ts = ((Number) v).longValue();
            } else if (v instanceof Instant i) {
                ts = i.toEpochMilli();
            } else {
                ts = Timestamps.toInstant(v, format, zone, System.currentTimeMillis()).toEpochMilli();
            }
        } catch (EvalException e) {
            throw new EvalException("cannot convert timestamp field " + field + " to timestamp with error "
                    + e.getMessage());
        }
        return t.withTimestamp(ts);
    }
}
