package io.oort.engine.sql.function.builtin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.oort.engine.sql.function.ArgValidator;
import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.Strictness;

/**
 * Array functions (eKuiper's {@code funcs_array.go}, {@code common_array_funcs.go}, plus {@code cardinality} from
 * {@code funcs_misc.go}). Elements are compared as Go compares {@code interface{}} values (see {@link ArrayValues}):
 * positions are 0-based, -1 when absent; set operations keep first-seen order. Inputs are never modified.
 */
public final class ArrayFunctions {

    private ArrayFunctions() {
    }

    private static final String FIRST_NOT_ARRAY = "first argument should be array of interface{}";
    private static final String SECOND_NOT_ARRAY = "second argument should be array of interface{}";
    private static final String INDEX_OUT_OF_RANGE = "index out of range";
    private static final String FIRST_NOT_INT = "first argument should be int";
    private static final String SECOND_NOT_INT = "second argument should be int";
    private static final String THIRD_NOT_INT = "third argument should be int";
    private static final String FIRST_NOT_STRING = "first argument should be string";
    private static final String SECOND_NOT_STRING = "second argument should be string";
    private static final String THIRD_NOT_STRING = "third argument should be string";
    private static final String NOT_ARRAY_ELEMENT = "array elements should be array";
    private static final String MAKESLICE = "runtime error: makeslice: len out of range";

    private static final ArgValidator TWO_OR_THREE = args -> args.size() == 2 || args.size() == 3 ? null
            : "Expect two or three arguments but found " + args.size() + ".";

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("cardinality", Args.ONE_ARG, (ctx, args) -> {
            Object a = args[0];
            if (zeroIfNull(args)) {
                return 0L;
            }
            if (a instanceof List<?> l) {
                return (long) l.size();
            }
            if (a instanceof byte[] b) {
                return (long) b.length;
            }
            return 0L;
        }));

        r.register(FunctionDef.scalar("array_create", ArgValidator.ANY, (ctx, args) -> {
            List<Object> out = new ArrayList<>(args.length);
            for (Object a : args) {
                if (a != null) {
                    out.add(a);
                }
            }
            return out.isEmpty() ? null : out;
        }));

        r.register(FunctionDef.scalar("array_position", Args.TWO_ARGS, (ctx, args) -> {
            if (args[0] == null) {
                return -1L;
            }
            List<?> array = list(args[0], FIRST_NOT_ARRAY);
            for (int i = 0; i < array.size(); i++) {
                if (ArrayValues.goEquals(array.get(i), args[1])) {
                    return (long) i;
                }
            }
            return -1L;
        }));

        r.register(FunctionDef.scalar("array_last_position", Args.TWO_ARGS, (ctx, args) -> {
            if (args[0] == null) {
                return -1L;
            }
            List<?> array = list(args[0], FIRST_NOT_ARRAY);
            for (int i = array.size() - 1; i >= 0; i--) {
                if (ArrayValues.goEquals(array.get(i), args[1])) {
                    return (long) i;
                }
            }
            return -1L;
        }));

        r.register(FunctionDef.scalar("element_at", Args.TWO_ARGS, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (args[0] instanceof List<?> array) {
                long index = goInt(args[1]);
                if (index >= array.size() || -index > array.size()) {
                    throw new EvalException(INDEX_OUT_OF_RANGE);
                }
                return index >= 0 ? array.get((int) index) : array.get((int) (array.size() + index));
            }
            if (args[0] instanceof Map<?, ?> m) {
                if (!(args[1] instanceof String key)) {
                    throw new EvalException(SECOND_NOT_STRING);
                }
                return m.get(key);
            }
            throw new EvalException("first argument should be []interface{} or map[string]interface{}");
        }));

        r.register(FunctionDef.scalar("array_contains", Args.TWO_ARGS, (ctx, args) -> {
            if (args[0] == null) {
                return false;
            }
            for (Object item : list(args[0], FIRST_NOT_ARRAY)) {
                if (ArrayValues.goEquals(item, args[1])) {
                    return true;
                }
            }
            return false;
        }));

        r.register(FunctionDef.scalar("array_remove", Args.TWO_ARGS, (ctx, args) -> {
            if (args[0] == null) {
                return null;
            }
            List<Object> out = new ArrayList<>();
            for (Object item : list(args[0], FIRST_NOT_ARRAY)) {
                if (!ArrayValues.goEquals(item, args[1])) {
                    out.add(item);
                }
            }
            return out;
        }));

        r.register(FunctionDef.scalar("array_contains_any", Args.TWO_ARGS, (ctx, args) -> {
            if (args[0] == null) {
                return false;
            }
            List<?> a1 = list(args[0], FIRST_NOT_ARRAY);
            List<?> a2 = list(args[1], SECOND_NOT_ARRAY);
            for (Object a : a1) {
                for (Object b : a2) {
                    if (ArrayValues.goEquals(a, b)) {
                        return true;
                    }
                }
            }
            return false;
        }));

        r.register(FunctionDef.scalar("array_intersect", Args.TWO_ARGS, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            List<?> a1 = list(args[0], FIRST_NOT_ARRAY);
            List<?> a2 = list(args[1], SECOND_NOT_ARRAY);
            Map<Object, Boolean> set = new HashMap<>();
            for (Object a : a1) {
                set.put(ArrayValues.key(a), true);
            }
            List<Object> out = new ArrayList<>();
            for (Object b : a2) {
                Object k = ArrayValues.key(b);
                if (Boolean.TRUE.equals(set.get(k))) {
                    out.add(b);
                    set.put(k, false);
                }
            }
            return out;
        }));

        r.register(FunctionDef.scalar("array_union", Args.TWO_ARGS, (ctx, args) -> {
            List<?> a1 = args[0] == null ? List.of() : list(args[0], FIRST_NOT_ARRAY);
            List<?> a2 = args[1] == null ? List.of() : list(args[1], SECOND_NOT_ARRAY);
            Set<Object> seen = new HashSet<>();
            List<Object> out = new ArrayList<>(a1.size() + a2.size());
            for (Object a : a1) {
                if (seen.add(ArrayValues.key(a))) {
                    out.add(a);
                }
            }
            for (Object b : a2) {
                if (seen.add(ArrayValues.key(b))) {
                    out.add(b);
                }
            }
            return out;
        }));

        r.register(FunctionDef.scalar("array_except", Args.TWO_ARGS, (ctx, args) -> {
            if (args[0] == null) {
                return null;
            }
            List<?> a1 = list(args[0], FIRST_NOT_ARRAY);
            List<?> a2 = args[1] == null ? List.of() : list(args[1], SECOND_NOT_ARRAY);
            Set<Object> seen = new HashSet<>();
            for (Object b : a2) {
                seen.add(ArrayValues.key(b));
            }
            List<Object> out = new ArrayList<>();
            for (Object a : a1) {
                if (seen.add(ArrayValues.key(a))) {
                    out.add(a);
                }
            }
            return out;
        }));

        r.register(FunctionDef.scalar("array_max", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            return ArrayValues.extreme(list(args[0], FIRST_NOT_ARRAY), true);
        }));
        r.register(FunctionDef.scalar("array_min", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            return ArrayValues.extreme(list(args[0], FIRST_NOT_ARRAY), false);
        }));

        r.register(FunctionDef.scalar("repeat", Args.TWO_ARGS, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (!Cast.isInteger(args[1])) {
                throw new EvalException(SECOND_NOT_INT);
            }
            long count = ((Number) args[1]).longValue();
            if (count < 0 || count > Integer.MAX_VALUE - 8) {
                throw new EvalException(MAKESLICE);
            }
            return new ArrayList<>(Collections.nCopies((int) count, args[0]));
        }));

        r.register(FunctionDef.scalar("sequence", TWO_OR_THREE, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (!Cast.isInteger(args[0])) {
                throw new EvalException(FIRST_NOT_INT);
            }
            if (!Cast.isInteger(args[1])) {
                throw new EvalException(SECOND_NOT_INT);
            }
            long start = ((Number) args[0]).longValue();
            long stop = ((Number) args[1]).longValue();
            long step;
            if (args.length == 3) {
                if (!Cast.isInteger(args[2])) {
                    throw new EvalException(THIRD_NOT_INT);
                }
                step = ((Number) args[2]).longValue();
                if (step == 0) {
                    throw new EvalException("invalid step: should not be zero");
                }
            } else {
                step = start < stop ? 1 : -1;
            }
            long n = (stop - start) / step + 1;
            if (n < 0 || n > Integer.MAX_VALUE - 8) {
                throw new EvalException(MAKESLICE);
            }
            List<Object> out = new ArrayList<>((int) n);
            for (long i = 0; i < n; i++) {
                out.add(start + i * step);
            }
            return out;
        }));

        r.register(FunctionDef.scalar("array_cardinality", Args.ONE_ARG, (ctx, args) -> {
            if (zeroIfNull(args)) {
                return 0L;
            }
            long count = 0;
            for (Object v : list(args[0], FIRST_NOT_ARRAY)) {
                if (v != null) {
                    count++;
                }
            }
            return count;
        }));

        r.register(FunctionDef.scalar("array_flatten", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            List<Object> out = new ArrayList<>();
            for (Object v : list(args[0], FIRST_NOT_ARRAY)) {
                if (v instanceof List<?> inner) {
                    out.addAll(inner);
                } else {
                    out.add(v);
                }
            }
            // Go's result stays a nil slice when nothing was appended
            return out.isEmpty() ? null : out;
        }));

        r.register(FunctionDef.scalar("array_distinct", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            List<?> array = list(args[0], FIRST_NOT_ARRAY);
            Set<Object> seen = new HashSet<>();
            List<Object> out = new ArrayList<>(array.size());
            for (Object v : array) {
                Object n = Cast.normalize(v);
                boolean hashable = n == null || n instanceof Long || n instanceof Double || n instanceof String
                        || n instanceof Boolean;
                // values of other types (arrays, objects, datetimes, bytes) are kept without deduplication
                if (!hashable || seen.add(ArrayValues.key(n))) {
                    out.add(v);
                }
            }
            return out;
        }));

        r.register(FunctionDef.scalar("array_map", Args.TWO_ARGS, (ctx, args) -> arrayMap(r, ctx, args)));

        r.register(FunctionDef.scalar("array_join", TWO_OR_THREE, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            List<?> array = list(args[0], FIRST_NOT_ARRAY);
            if (!(args[1] instanceof String delimiter)) {
                throw new EvalException(SECOND_NOT_STRING);
            }
            String nullReplacement = "";
            if (args.length == 3) {
                if (!(args[2] instanceof String s)) {
                    throw new EvalException(THIRD_NOT_STRING);
                }
                nullReplacement = s;
            }
            List<String> parts = new ArrayList<>(array.size());
            for (Object v : array) {
                if (v == null) {
                    if (!nullReplacement.isEmpty()) {
                        parts.add(nullReplacement);
                    }
                } else if (v instanceof Instant t) {
                    parts.add(ArrayValues.sprint(t, ctx.zone()));
                } else {
                    parts.add(Cast.toStr(v, Strictness.CONVERT_ALL));
                }
            }
            return String.join(delimiter, parts);
        }));

        r.register(FunctionDef.scalar("array_shuffle", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            List<Object> out = new ArrayList<>(list(args[0], FIRST_NOT_ARRAY));
            Collections.shuffle(out, ThreadLocalRandom.current());
            return out;
        }));

        r.register(FunctionDef.scalar("array_sort", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            if (args[0] instanceof byte[] bytes) {
                return ArrayValues.sortBytes(bytes);
            }
            if (!(args[0] instanceof List<?> array)) {
                throw new EvalException(NOT_ARRAY_ELEMENT);
            }
            if (array.size() <= 1) {
                return array;
            }
            // eKuiper orders elements by their printed form (fmt.Sprint), compared as strings
            List<Object[]> keyed = new ArrayList<>(array.size());
            for (Object v : array) {
                keyed.add(new Object[] {ArrayValues.sprint(v, ctx.zone()), v});
            }
            keyed.sort((x, y) -> JsonCodec.compareCodePoints((String) x[0], (String) y[0]));
            List<Object> out = new ArrayList<>(array.size());
            for (Object[] k : keyed) {
                out.add(k[1]);
            }
            return out;
        }));

        r.register(FunctionDef.scalar("array_concat", args -> Args.atLeast(1, args), (ctx, args) -> {
            List<Object> out = new ArrayList<>();
            for (Object a : args) {
                if (a == null) {
                    continue;
                }
                if (a instanceof byte[]) {
                    throw new EvalException("interface conversion: interface {} is []uint8, not []interface {}");
                }
                if (!(a instanceof List<?> l)) {
                    throw new EvalException(NOT_ARRAY_ELEMENT);
                }
                out.addAll(l);
            }
            return out.isEmpty() ? null : out;
        }));

        r.register(FunctionDef.scalar("kvpair_array_to_obj", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            Map<String, Object> obj = new LinkedHashMap<>();
            for (Object item : list(args[0], FIRST_NOT_ARRAY)) {
                if (!(item instanceof Map<?, ?> pair)) {
                    throw new EvalException("array item should be map[string]interface{}");
                }
                if (pair.size() != 2 || !pair.containsKey(ObjectFunctions.KEY) || !pair.containsKey(
                        ObjectFunctions.VALUE) || !(pair.get(ObjectFunctions.KEY) instanceof String k)) {
                    throw new EvalException("array item should be key-value pair");
                }
                obj.put(k, pair.get(ObjectFunctions.VALUE));
            }
            return obj;
        }));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static List<?> list(Object v, String error) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new EvalException(error);
    }

    /** eKuiper's return0IfHasAnyNil. */
    private static boolean zeroIfNull(Object[] args) {
        return DateTimeFunctions.anyNull(args);
    }

    /** eKuiper's {@code cast.ToInt(v, STRICT)}, 64 bits wide. */
    private static long goInt(Object v) {
        try {
            return Cast.toLong(v, Strictness.STRICT);
        } catch (EvalException e) {
            Cast.toInt(v, Strictness.STRICT);
            throw e;
        }
    }

    private static Object arrayMap(FunctionRegistry r, FnContext ctx, Object[] args) {
        if (DateTimeFunctions.anyNull(args)) {
            return null;
        }
        if (!(args[0] instanceof String name)) {
            throw new EvalException(FIRST_NOT_STRING);
        }
        List<?> array = list(args[1], SECOND_NOT_ARRAY);
        List<Object> mapped = new ArrayList<>(array.size());
        for (Object v : array) {
            FunctionDef def = r.lookup(name);
            if (def == null || !def.isBuiltin() || !def.name().equals(name)) {
                throw new EvalException("unknown built-in function: " + name + ".");
            }
            if (def.kind() != FunctionKind.SCALAR || def.scalar() == null) {
                throw new EvalException("first argument should be a scalar function.");
            }
            // eKuiper validates with one placeholder argument that is no literal
            String invalid;
            try {
                invalid = def.validator().validate(Arrays.asList((io.oort.engine.sql.ast.Expr) null));
            } catch (RuntimeException e) {
                invalid = "failed";
            }
            if (invalid != null) {
                throw new EvalException("validate " + name + " arguments failed");
            }
            mapped.add(def.scalar().apply(ctx, new Object[] {v}));
        }
        return mapped;
    }
}
