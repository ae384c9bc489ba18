package io.oort.engine.core.api.function;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A function over one row. Arguments arrive as the engine's values: {@code Long} for integers, {@code Double} for
 * floats, {@code String}, {@code Boolean}, {@code java.time.Instant} for datetimes, {@code byte[]},
 * {@code List<Object>} for arrays, {@code Map<String,Object>} for objects, or null.
 *
 * <p>Threading: {@code call} may be called by several rules at once; keep per-rule state in the context.
 */
@ConsumerType
public interface ScalarFunction extends SqlFunction {

    /**
     * @return the result (same value types as the arguments), or null for SQL null
     * @throws FunctionException for a runtime error of this row (wrong argument type…): the row is reported as an
     *                           error and the rule keeps running
     */
    Object call(FunctionContext ctx, Object[] args) throws FunctionException;
}
