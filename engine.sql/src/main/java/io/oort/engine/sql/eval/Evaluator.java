package io.oort.engine.sql.eval;

import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * A compiled expression: evaluated once per row (or group) against an {@link EvalContext}, without name lookups
 * or reflection. Runtime errors are thrown as {@link EvalException}.
 */
public abstract class Evaluator {

    public abstract Object eval(EvalContext c);

    /**
     * For conditions (WHERE, HAVING, ON, FILTER): true only for a boolean true; null (missing values) is false;
     * any other value is an error, as eKuiper rejects non-boolean conditions.
     */
    public boolean test(EvalContext c) {
        Object v = eval(c);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null) {
            return false;
        }
        throw new EvalException("invalid condition that returns non-bool value " + GoFormat.typed(v));
    }

    /**
     * Whether {@link #eval} always returns a Boolean (or throws), never null or another value: then {@link #test}
     * is that Boolean, and a condition over such parts may combine their tests directly.
     */
    public boolean alwaysBoolean() {
        return false;
    }

    /** The constant value when {@link #isConstant()}. */
    public boolean isConstant() {
        return false;
    }
}
