package io.oort.engine.sql.value;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Datetime conversions the operators need (datetime functions have their own, richer parsing). */
public final class Times {

    private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

    private Times() {
    }

    /** An Instant from a datetime, epoch milliseconds, or an RFC 3339 / ISO-8601 / "yyyy-MM-dd HH:mm:ss" string (UTC). */
    public static Instant toInstant(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (Cast.isNumber(v)) {
            return Instant.ofEpochMilli(((Number) v).longValue());
        }
        if (v instanceof String s) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                // next form
            }
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                // next form
            }
            try {
                return LocalDateTime.parse(s, SPACE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next form
            }
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next form
            }
            try {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // fall through
            }
        }
        throw new EvalException("unsupported type to convert to datetime " + GoFormat.typed(v));
    }
}
