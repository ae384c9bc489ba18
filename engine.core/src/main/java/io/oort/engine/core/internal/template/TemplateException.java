package io.oort.engine.core.internal.template;

/**
 * A template parse or execution error, worded as Go's text/template words it, e.g.
 * {@code template: sink:1: unexpected <.> in operand} or
 * {@code template: sink:1:2: executing "sink" at <lt .t 30>: error calling lt: incompatible types for comparison: float64 and int}.
 */
public final class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message, null, false, false);
    }
}
