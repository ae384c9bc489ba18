package io.oort.example.stats;

import org.osgi.service.component.annotations.Component;

import io.oort.engine.core.api.function.FunctionContext;
import io.oort.engine.core.api.function.FunctionException;
import io.oort.engine.core.api.function.ScalarFunction;
import io.oort.engine.core.api.function.SqlFunction;

/** {@code clamp(x, lo, hi)}: x limited to [lo, hi]; integers stay integers. */
@Component(property = SqlFunction.NAME + "=clamp")
public final class Clamp implements ScalarFunction {

    @Override
    public String validate(Object[] args) {
        return args.length == 3 ? null : "expect 3 arguments but found " + args.length;
    }

    @Override
    public Object call(FunctionContext ctx, Object[] args) throws FunctionException {
        if (args[0] == null) {
            return null;
        }
        for (Object a : args) {
            if (!(a instanceof Number)) {
                throw new FunctionException("clamp: arguments must be numbers, got " + a);
            }
        }
        if (args[0] instanceof Long x && args[1] instanceof Long lo && args[2] instanceof Long hi) {
            return Math.max(lo, Math.min(hi, x));
        }
        double x = ((Number) args[0]).doubleValue();
        return Math.max(((Number) args[1]).doubleValue(), Math.min(((Number) args[2]).doubleValue(), x));
    }
}
