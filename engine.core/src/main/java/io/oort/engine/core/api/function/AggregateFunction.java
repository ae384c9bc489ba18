package io.oort.engine.core.api.function;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A function over the rows of a window or group, as eKuiper's custom aggregate functions: each argument arrives
 * as the list of its values over the rows of the group, in arrival order.
 */
@ConsumerType
public interface AggregateFunction extends SqlFunction {

    /**
     * @param args one list per SQL argument, each with one value per row of the group
     * @return the aggregate value, or null
     */
    Object aggregate(FunctionContext ctx, List<List<Object>> args) throws FunctionException;
}
