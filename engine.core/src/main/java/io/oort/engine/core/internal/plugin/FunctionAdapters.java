package io.oort.engine.core.internal.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.function.AggregateFunction;
import io.oort.engine.core.api.function.FunctionContext;
import io.oort.engine.core.api.function.FunctionException;
import io.oort.engine.core.api.function.ScalarFunction;
import io.oort.engine.core.api.function.SqlFunction;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.function.Accumulator;
import io.oort.engine.sql.function.ArgValidator;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;
import io.oort.engine.sql.value.EvalException;

/**
 * Turns function SPI services into the SQL layer's {@link FunctionDef}s. Plugin code always runs with the plugin
 * bundle's class loader as the thread context class loader (libraries that load classes through the TCCL work), its
 * {@link FunctionException}s become per-row {@link EvalException}s, and anything else it throws (a bug, or a class
 * gone because its bundle is being uninstalled) is reported the same way instead of failing the rule.
 */
final class FunctionAdapters {

    private FunctionAdapters() {
    }

    static FunctionDef scalar(String name, ScalarFunction f, String origin) {
        Logger log = LoggerFactory.getLogger("oort.function." + name);
        return new FunctionDef(name, FunctionKind.SCALAR, validator(name, f),
                (ctx, args) -> invoke(name, f, () -> f.call(new Ctx(ctx, name, log), args.clone())), null, null,
                origin);
    }

    static FunctionDef aggregate(String name, AggregateFunction f, String origin) {
        Logger log = LoggerFactory.getLogger("oort.function." + name);
        return new FunctionDef(name, FunctionKind.AGGREGATE, validator(name, f), null,
                () -> new Columns(name, f, log), null, origin);
    }

    /** Literal arguments are passed as their values, the others as {@link SqlFunction#NON_CONSTANT}. */
    private static ArgValidator validator(String name, SqlFunction f) {
        return (List<Expr> args) -> {
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i) instanceof Literal l ? l.value() : SqlFunction.NON_CONSTANT;
            }
            ClassLoader previous = enter(f);
            try {
                return f.validate(values);
            } catch (RuntimeException | LinkageError e) {
                return "function " + name + " failed to validate its arguments: " + e;
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        };
    }

    @FunctionalInterface
    private interface Body {
        Object run() throws FunctionException;
    }

    private static Object invoke(String name, SqlFunction f, Body body) {
        ClassLoader previous = enter(f);
        try {
            return normalize(body.run());
        } catch (FunctionException e) {
            throw new EvalException(e.getMessage());
        } catch (EvalException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new EvalException("function " + name + " failed: " + e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static ClassLoader enter(Object plugin) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(plugin.getClass().getClassLoader());
        return previous;
    }

    /** Engine values only: integers as Long, floats as Double, recursively through arrays and objects. */
    static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float fl) {
            return fl.doubleValue();
        }
        if (v instanceof Character c) {
            return String.valueOf(c);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(normalize(o));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), normalize(e.getValue()));
            }
            return out;
        }
        return v;
    }

    /** An aggregate's group: one list of values per argument, in arrival order. */
    private static final class Columns implements Accumulator {
        private final String name;
        private final AggregateFunction f;
        private final Logger log;
        private List<List<Object>> columns;

        Columns(String name, AggregateFunction f, Logger log) {
            this.name = name;
            this.f = f;
            this.log = log;
        }

        @Override
        public void add(Object[] args) {
            if (columns == null) {
                columns = new ArrayList<>(args.length);
                for (int i = 0; i < args.length; i++) {
                    columns.add(new ArrayList<>());
                }
            }
            for (int i = 0; i < args.length && i < columns.size(); i++) {
                columns.get(i).add(args[i]);
            }
        }

        @Override
        public Object result(FnContext ctx) {
            // result() may be called more than once and must not change the state: the plugin sees read-only views.
            List<List<Object>> view = new ArrayList<>();
            if (columns != null) {
                for (List<Object> c : columns) {
                    view.add(Collections.unmodifiableList(c));
                }
            }
            List<List<Object>> args = Collections.unmodifiableList(view);
            return invoke(name, f, () -> f.aggregate(new Ctx(ctx, name, log), args));
        }
    }

    /** The rule's view for a function: its id, a logger, and state kept per rule under the function's name. */
    private record Ctx(FnContext fn, String name, Logger logger) implements FunctionContext {
        @Override
        public String ruleId() {
            return fn == null ? "" : fn.ruleId();
        }

        @Override
        public Object getState(String key) {
            return fn == null ? null : fn.ruleState().get(stateKey(key));
        }

        @Override
        public void putState(String key, Object value) {
            if (fn != null) {
                fn.ruleState().put(stateKey(key), value);
            }
        }

        private String stateKey(String key) {
            return "udf:" + name + ":" + key;
        }
    }
}
