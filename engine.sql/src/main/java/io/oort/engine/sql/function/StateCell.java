package io.oort.engine.sql.function;

/** The state of one analytic call site for one partition; the function keeps whatever it needs in {@link #value}. */
public final class StateCell {
    public Object value;
}
