package io.oort.engine.sql.value;

/**
 * A runtime error of one row: a type mismatch, division by zero, a function given the wrong kind of value.
 * The row is reported as an error (and sent to the sink only with {@code sendError}); the rule keeps running.
 * Carries no stack trace: it is an expected outcome, raised per row on the hot path.
 */
public class EvalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvalException(String message) {
        super(message, null, false, false);
    }

    public static EvalException of(String format, Object... args) {
        return new EvalException(String.format(format, args));
    }
}
