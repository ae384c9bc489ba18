package io.oort.engine.sql.function.builtin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.Strictness;

/**
 * Object functions (eKuiper's {@code funcs_obj.go}). Results are new maps in the order keys were first put (Go's
 * maps have no order; eKuiper's outputs sort keys when written). Key/value pair objects use the names "key" and
 * "value".
 */
public final class ObjectFunctions {

    private ObjectFunctions() {
    }

    /** Names of the entries of a key/value pair object (kvpair_array_to_obj, obj_to_kvpair_array). */
    static final String KEY = "key";
    static final String VALUE = "value";

    private static final String NOT_MAP = "the argument should be map[string]interface{}";
    private static final String NOT_ENTRIES = "each argument should be [][2]interface{}";

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("keys", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (args[0] instanceof Map<?, ?> m) {
                List<Object> keys = new ArrayList<>(m.size());
                keys.addAll(m.keySet());
                return keys;
            }
            throw new EvalException(NOT_MAP);
        }));

        r.register(FunctionDef.scalar("values", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (args[0] instanceof Map<?, ?> m) {
                return new ArrayList<Object>(m.values());
            }
            throw new EvalException(NOT_MAP);
        }));

        r.register(FunctionDef.scalar("object", Args.TWO_ARGS, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (!(args[0] instanceof List<?> keys)) {
                throw new EvalException("first argument should be []string");
            }
            if (!(args[1] instanceof List<?> values)) {
                throw new EvalException("second argument should be []interface{}");
            }
            if (keys.size() != values.size()) {
                throw new EvalException("the length of the arguments should be same");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (!(keys.get(i) instanceof String key)) {
                    throw new EvalException("first argument should be []string");
                }
                m.put(key, values.get(i));
            }
            return m;
        }));

        r.register(FunctionDef.scalar("zip", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (!(args[0] instanceof List<?> entries)) {
                throw new EvalException(NOT_ENTRIES);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (Object item : entries) {
                if (item == null) {
                    continue;
                }
                if (!(item instanceof List<?> pair) || pair.size() != 2) {
                    throw new EvalException(NOT_ENTRIES);
                }
                if (!(pair.get(0) instanceof String key)) {
                    throw new EvalException("the first element in the list item should be string");
                }
                m.put(key, pair.get(1));
            }
            return m;
        }));

        r.register(FunctionDef.scalar("items", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (!(args[0] instanceof Map<?, ?> m)) {
                throw new EvalException("first argument should be map[string]interface{}");
            }
            List<Object> out = new ArrayList<>(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                List<Object> pair = new ArrayList<>(2);
                pair.add(e.getKey());
                pair.add(e.getValue());
                out.add(pair);
            }
            return out;
        }));

        r.register(FunctionDef.scalar("object_concat", args -> Args.atLeast(2, args), (ctx, args) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object a : args) {
                if (a == null) {
                    continue;
                }
                if (!(a instanceof Map<?, ?> m)) {
                    throw new EvalException("the argument should be map[string]interface{}, got " + GoFormat.v(a));
                }
                putAll(out, m);
            }
            return out;
        }));

        r.register(FunctionDef.scalar("object_construct", ObjectFunctions::validateConstruct, (ctx, args) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                Object k = args[i];
                if (k == null) {
                    continue;
                }
                String key;
                try {
                    key = Cast.toStr(k, Strictness.CONVERT_SAMEKIND);
                } catch (EvalException e) {
                    throw new EvalException("key " + GoFormat.v(k) + " is not a string");
                }
                // a null value is kept (the documentation says otherwise; the implementation keeps it)
                out.put(key, args[i + 1]);
            }
            return out;
        }));

        r.register(FunctionDef.scalar("erase", args -> Args.atLeast(2, args), (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (args.length != 2) {
                throw new EvalException("the argument number should be 2, got " + args.length);
            }
            if (!(args[0] instanceof Map<?, ?> m)) {
                throw new EvalException("the first argument should be map[string]interface{}, got "
                        + GoFormat.v(args[0]));
            }
            List<String> erased = new ArrayList<>();
            if (args[1] instanceof String s) {
                erased.add(s);
            } else if (args[1] instanceof List<?> l) {
                for (Object v : l) {
                    erased.add(Cast.toStr(v, Strictness.CONVERT_ALL));
                }
            } else if (args[1] instanceof byte[] b) {
                for (byte x : b) {
                    erased.add(Integer.toString(x & 0xff));
                }
            } else {
                throw new EvalException("the argument should be slice or string");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!erased.contains(String.valueOf(e.getKey()))) {
                    out.put(String.valueOf(e.getKey()), e.getValue());
                }
            }
            return out;
        }));

        r.register(FunctionDef.scalar("object_size", Args.ONE_ARG, (ctx, args) -> {
            if (args[0] == null) {
                return 0L;
            }
            if (!(args[0] instanceof Map<?, ?> m)) {
                throw new EvalException("the first argument should be map[string]any, got " + GoFormat.v(args[0]));
            }
            return (long) m.size();
        }));

        r.register(FunctionDef.scalar("object_pick", args -> Args.atLeast(2, args), (ctx, args) -> {
            if (args[0] == null) {
                return null;
            }
            if (!(args[0] instanceof Map<?, ?> source)) {
                throw new EvalException("the first argument should be a map, got " + GoFormat.v(args[0]));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            if (args[1] instanceof List<?> keys) {
                for (Object k : keys) {
                    if (k instanceof String key) {
                        pick(out, source, key);
                    }
                }
            } else if (args[1] instanceof String first) {
                pick(out, source, first);
                for (int i = 2; i < args.length; i++) {
                    if (args[i] instanceof String key) {
                        pick(out, source, key);
                    }
                }
            }
            return out;
        }));

        r.register(FunctionDef.scalar("obj_to_kvpair_array", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (!(args[0] instanceof Map<?, ?> m)) {
                throw new EvalException("the first argument should be map[string]interface{}, got "
                        + GoFormat.v(args[0]));
            }
            List<Object> out = new ArrayList<>(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put(KEY, e.getKey());
                pair.put(VALUE, e.getValue());
                out.add(pair);
            }
            return out;
        }));
    }

    private static String validateConstruct(List<Expr> args) {
        if (args.size() % 2 != 0) {
            return "the args must be key value pairs";
        }
        for (int i = 0; i < args.size(); i += 2) {
            if (Args.notString(args.get(i))) {
                return Args.typeError(i, "string");
            }
        }
        return null;
    }

    private static void putAll(Map<String, Object> out, Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
    }

    /**
     * eKuiper's pick: a plain key is copied when present; a dotted key copies the nested value under the same
     * path. As in eKuiper, a path whose first part already exists in the result is written at the wrong level
     * (its parent maps are only descended into when created).
     */
    @SuppressWarnings("unchecked")
    private static void pick(Map<String, Object> res, Map<?, ?> source, String k) {
        if (!k.contains(".")) {
            if (source.containsKey(k)) {
                res.put(k, source.get(k));
            }
            return;
        }
        String[] keys = k.split("\\.", -1);
        Map<?, ?> r = source;
        for (int i = 0; i < keys.length - 1; i++) {
            if (!(r.get(keys[i]) instanceof Map<?, ?> next)) {
                return;
            }
            r = next;
        }
        String last = keys[keys.length - 1];
        if (!r.containsKey(last)) {
            return;
        }
        Map<String, Object> rr = res;
        for (int i = 0; i < keys.length - 1; i++) {
            if (rr.get(keys[i]) == null) {
                Map<String, Object> created = new LinkedHashMap<>();
                rr.put(keys[i], created);
                rr = created;
            }
        }
        rr.put(last, r.get(last));
    }
}
