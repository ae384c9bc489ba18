package io.oort.bench;

import java.util.Locale;
import java.util.Map;

import io.siddhi.annotation.Extension;
import io.siddhi.core.config.SiddhiQueryContext;
import io.siddhi.core.executor.ExpressionExecutor;
import io.siddhi.core.executor.function.FunctionExecutor;
import io.siddhi.core.util.config.ConfigReader;
import io.siddhi.core.util.snapshot.state.State;
import io.siddhi.core.util.snapshot.state.StateFactory;
import io.siddhi.query.api.definition.Attribute;

/**
 * Minimal Siddhi function extensions for the 6-function projection. Siddhi's core has no upper/concat/round/abs
 * or map access (they live in the siddhi-execution-string/math/map extension jars); these are the same one-line
 * bodies as those extensions, registered with {@code SiddhiManager.setExtension("bench:NAME", ...)}.
 */
public final class SiddhiFunctions {

    private SiddhiFunctions() {
    }

    /** Registers every function under the {@code bench} namespace. */
    public static void register(io.siddhi.core.SiddhiManager m) {
        m.setExtension("bench:upper", Upper.class);
        m.setExtension("bench:concat", Concat.class);
        m.setExtension("bench:round", Round.class);
        m.setExtension("bench:abs", Abs.class);
        m.setExtension("bench:get", MapGet.class);
    }

    abstract static class Stateless extends FunctionExecutor<State> {
        @Override
        protected StateFactory<State> init(ExpressionExecutor[] executors, ConfigReader configReader,
                SiddhiQueryContext ctx) {
            return null;
        }

        @Override
        protected Object execute(Object[] data, State state) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected Object execute(Object data, State state) {
            throw new UnsupportedOperationException();
        }
    }

    @Extension(name = "upper", namespace = "bench", description = "upper case")
    public static final class Upper extends Stateless {
        @Override
        protected Object execute(Object data, State state) {
            return data == null ? null : ((String) data).toUpperCase(Locale.ROOT);
        }

        @Override
        public Attribute.Type getReturnType() {
            return Attribute.Type.STRING;
        }
    }

    @Extension(name = "concat", namespace = "bench", description = "concatenation")
    public static final class Concat extends Stateless {
        @Override
        protected Object execute(Object[] data, State state) {
            StringBuilder sb = new StringBuilder();
            for (Object o : data) {
                if (o != null) {
                    sb.append(o);
                }
            }
            return sb.toString();
        }

        @Override
        public Attribute.Type getReturnType() {
            return Attribute.Type.STRING;
        }
    }

    /** Go's math.Round: half away from zero, a double. */
    @Extension(name = "round", namespace = "bench", description = "round half away from zero")
    public static final class Round extends Stateless {
        @Override
        protected Object execute(Object data, State state) {
            if (data == null) {
                return null;
            }
            double d = ((Number) data).doubleValue();
            return Math.copySign(Math.floor(Math.abs(d) + 0.5), d);
        }

        @Override
        public Attribute.Type getReturnType() {
            return Attribute.Type.DOUBLE;
        }
    }

    @Extension(name = "abs", namespace = "bench", description = "absolute value")
    public static final class Abs extends Stateless {
        @Override
        protected Object execute(Object data, State state) {
            return data == null ? null : Math.abs(((Number) data).doubleValue());
        }

        @Override
        public Attribute.Type getReturnType() {
            return Attribute.Type.DOUBLE;
        }
    }

    @Extension(name = "get", namespace = "bench", description = "map value by key")
    public static final class MapGet extends Stateless {
        @Override
        protected Object execute(Object[] data, State state) {
            return data[0] instanceof Map<?, ?> m ? m.get(data[1]) : null;
        }

        @Override
        public Attribute.Type getReturnType() {
            return Attribute.Type.OBJECT;
        }
    }
}
