package io.oort.engine.core.api.function;

import org.osgi.annotation.versioning.ConsumerType;

/** Common part of scalar and aggregate functions. */
@ConsumerType
public interface SqlFunction {

    /** Service property: the SQL name(s) of the function. */
    String NAME = "oort.function.name";

    /**
     * Checks the argument count (and literal arguments) when a rule is created. Return null when valid, else a
     * message naming the problem, e.g. {@code "expect 1 argument but found 2"}.
     *
     * @param args one entry per argument: the literal value for constant arguments, else {@link #NON_CONSTANT}
     */
    default String validate(Object[] args) {
        return null;
    }

    /** Marker for an argument whose value is only known per row. */
    Object NON_CONSTANT = new Object() {
        @Override
        public String toString() {
            return "<expression>";
        }
    };
}
