package io.oort.example.stats;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.oort.engine.core.api.function.AggregateFunction;
import io.oort.engine.core.api.function.FunctionContext;
import io.oort.engine.core.api.function.FunctionException;
import io.oort.engine.core.api.function.SqlFunction;

/** {@code geomean(x)}: the geometric mean of the positive numbers of a group (nulls skipped); null for none. */
@Component(property = {SqlFunction.NAME + "=geomean", SqlFunction.NAME + "=geo_mean"})
public final class GeoMean implements AggregateFunction {

    @Override
    public String validate(Object[] args) {
        return args.length == 1 ? null : "expect 1 argument but found " + args.length;
    }

    @Override
    public Object aggregate(FunctionContext ctx, List<List<Object>> args) throws FunctionException {
        double logSum = 0;
        int n = 0;
        for (Object v : args.isEmpty() ? List.of() : args.get(0)) {
            if (v == null) {
                continue;
            }
            if (!(v instanceof Number num) || num.doubleValue() <= 0) {
                throw new FunctionException("geomean: values must be positive numbers, got " + v);
            }
            logSum += Math.log(num.doubleValue());
            n++;
        }
        return n == 0 ? null : Math.exp(logSum / n);
    }
}
