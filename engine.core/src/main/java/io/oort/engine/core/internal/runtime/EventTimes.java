package io.oort.engine.core.internal.runtime;

import java.time.Instant;

import io.oort.engine.sql.analyzer.SourceInfo;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.Times;

/** Reads a tuple's event time from the stream's TIMESTAMP field (epoch ms number, datetime, or date string). */
public final class EventTimes {

    private final String field;
    private final int slot;

    private EventTimes(String field, int slot) {
        this.field = field;
        this.slot = slot;
    }

    /** The extractor of a source, or null when the stream has no TIMESTAMP option. */
    public static EventTimes of(SourceInfo src) {
        String f = src.stream().options().timestamp();
        if (f == null || f.isEmpty()) {
            return null;
        }
        return new EventTimes(f, src.slot(f));
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
                ts = Times.toInstant(v).toEpochMilli();
            }
        } catch (EvalException e) {
            throw new EvalException("cannot convert timestamp field " + field + " to timestamp with error "
                    + e.getMessage());
        }
        return t.withTimestamp(ts);
    }
}
