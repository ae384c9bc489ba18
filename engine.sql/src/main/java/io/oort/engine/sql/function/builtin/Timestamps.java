package io.oort.engine.sql.function.builtin;

import java.time.Instant;
import java.time.ZoneId;

import io.oort.engine.sql.value.EvalException;

/**
 * eKuiper's {@code cast.InterfaceToTime(v, format)} for the runtime: a stream's TIMESTAMP field read with its
 * TIMESTAMP_FORMAT, and DATETIME columns under STRICT_VALIDATION. Numbers are epoch milliseconds; a string is read
 * with the format first (eKuiper's pattern letters, e.g. {@code YYYY-MM-dd HH:mm:ss}), then with the default
 * layouts; datetimes are themselves.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * @param format an eKuiper time format, or null/empty for the default layouts
     * @throws EvalException with eKuiper's message when {@code v} is not a time
     */
    public static Instant toInstant(Object v, String format, ZoneId zone, long nowMillis) {
        if (v instanceof String s && format != null && !format.isEmpty()) {
            DateTimeValue t = DateTimeFormats.layout(format).parse(DateTimeFormats.padFractionalSeconds(s), zone);
            if (t != null) {
                return t.time().toInstant();
            }
        }
        if (v instanceof Instant t) {
            return t;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return Instant.ofEpochMilli(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            return Instant.ofEpochMilli((long) ((Number) v).doubleValue());
        }
        if (v instanceof String s) {
            return DateTimeFormats.parse(s, zone, nowMillis).time().toInstant();
        }
        throw new EvalException("unsupported type to convert to timestamp " + io.oort.engine.sql.value.GoFormat.v(v));
    }
}
