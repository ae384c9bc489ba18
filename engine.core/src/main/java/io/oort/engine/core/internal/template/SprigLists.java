package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.Func.Arg.ANY;
import static io.oort.engine.core.internal.template.Func.Arg.INT;

import io.oort.engine.core.internal.template.Func.FuncError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Sprig's list functions; the must* variants return the error their plain twins panic with. */
final class SprigLists {

    private SprigLists() {
    }

    static void register(Map<String, Func> m) {
        Func list = Func.varargs("list", a -> new ArrayList<>(Arrays.asList(a)), ANY);
        put(m, list);
        put(m, list.named("tuple"));
        both(m, "append", "push", a -> {
            List<Object> l = need(a[0], "push on");
            List<Object> r = new ArrayList<>(l);
            r.add(a[1]);
            return r;
        }, ANY, ANY);
        both(m, "prepend", null, a -> {
            List<Object> r = new ArrayList<>();
            r.add(a[1]);
            r.addAll(need(a[0], "prepend on"));
            return r;
        }, ANY, ANY);
        both(m, "first", null, a -> {
            List<Object> l = need(a[0], "find first on");
            return l.isEmpty() ? null : l.get(0);
        }, ANY);
        both(m, "last", null, a -> {
            List<Object> l = need(a[0], "find last on");
            return l.isEmpty() ? null : l.get(l.size() - 1);
        }, ANY);
        both(m, "rest", null, a -> {
            List<Object> l = need(a[0], "find rest on");
            return l.isEmpty() ? new ArrayList<>() : new ArrayList<>(l.subList(1, l.size()));
        }, ANY);
        both(m, "initial", null, a -> {
            List<Object> l = need(a[0], "find initial on");
            return l.isEmpty() ? new ArrayList<>() : new ArrayList<>(l.subList(0, l.size() - 1));
        }, ANY);
        both(m, "reverse", null, a -> {
            List<Object> r = new ArrayList<>(need(a[0], "find reverse on"));
            java.util.Collections.reverse(r);
            return r;
        }, ANY);
        both(m, "uniq", null, a -> {
            List<Object> r = new ArrayList<>();
            for (Object o : need(a[0], "find uniq on")) {
                if (!contains(r, o)) {
                    r.add(o);
                }
            }
            return r;
        }, ANY);
        bothVar(m, "without", a -> {
            List<Object> omit = Arrays.asList(a).subList(1, a.length);
            List<Object> r = new ArrayList<>();
            for (Object o : need(a[0], "find without on")) {
                if (!contains(omit, o)) {
                    r.add(o);
                }
            }
            return r;
        }, ANY);
        both(m, "has", null, a -> {
            if (a[1] == null) {
                return false;
            }
            return contains(need(a[1], "find has on"), a[0]);
        }, ANY, ANY);
        both(m, "compact", null, a -> {
            List<Object> r = new ArrayList<>();
            for (Object o : need(a[0], "compact on")) {
                if (!GoValues.isEmpty(o)) {
                    r.add(o);
                }
            }
            return r;
        }, ANY);
        bothVar(m, "slice", SprigLists::slice, ANY);
        put(m, Func.varargs("concat", a -> {
            List<Object> r = new ArrayList<>();
            for (Object o : a) {
                if (!Funcs.isListy(o)) {
                    throw new FuncError("Cannot concat type " + Funcs.kind(o) + " as list");
                }
                r.addAll(Funcs.asList(o));
            }
            return r;
        }, ANY));
        both(m, "chunk", null, a -> chunk(((Number) a[0]).intValue(), a[1]), INT, ANY);
        put(m, Func.varargs("dig", SprigLists::dig, ANY));
    }

    private static void put(Map<String, Func> m, Func f) {
        m.put(f.name, f);
    }

    /** Registers f and its must-variant (and an alias of both, e.g. push/mustPush). */
    private static void both(Map<String, Func> m, String name, String alias, Func.Impl impl, Func.Arg... params) {
        String must = "must" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Func f = Func.of(name, impl, params);
        put(m, f);
        put(m, f.named(must));
        if (alias != null) {
            put(m, f.named(alias));
            put(m, f.named("must" + Character.toUpperCase(alias.charAt(0)) + alias.substring(1)));
        }
    }

    private static void bothVar(Map<String, Func> m, String name, Func.Impl impl, Func.Arg fixed) {
        Func f = Func.varargs(name, impl, ANY, fixed);
        put(m, f);
        put(m, f.named("must" + Character.toUpperCase(name.charAt(0)) + name.substring(1)));
    }

    /** The list value, or sprig's "Cannot &lt;what&gt; type &lt;kind&gt;" error. */
    private static List<Object> need(Object v, String what) {
        if (Funcs.isListy(v)) {
            return Funcs.asList(v);
        }
        throw new FuncError("Cannot " + what + " type " + Funcs.kind(v));
    }

    /** reflect.DeepEqual over Oort values. */
    static boolean deepEqual(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEqual(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEqual(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a.equals(b);
    }

    private static boolean contains(List<Object> haystack, Object needle) {
        for (Object h : haystack) {
            if (deepEqual(needle, h)) {
                return true;
            }
        }
        return false;
    }

    private static Object slice(Object[] a) {
        if (!Funcs.isListy(a[0])) {
            throw new FuncError("list should be type of slice or array but " + Funcs.kind(a[0]));
        }
        List<Object> l = Funcs.asList(a[0]);
        if (l.isEmpty()) {
            return null;
        }
        long start = a.length > 1 ? Funcs.toInt64(a[1]) : 0;
        long end = a.length > 2 ? Funcs.toInt64(a[2]) : l.size();
        if (start < 0 || end < start || end > l.size()) {
            throw new FuncError("reflect.Value.Slice: slice index out of bounds");
        }
        return new ArrayList<>(l.subList((int) start, (int) end));
    }

    private static Object chunk(int size, Object list) {
        List<Object> l = need(list, "chunk");
        if (size <= 0) {
            throw new FuncError("runtime error: makeslice: len out of range");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i += size) {
            out.add(new ArrayList<>(l.subList(i, Math.min(l.size(), i + size))));
        }
        return out;
    }

    private static Object dig(Object[] ps) {
        if (ps.length < 3) {
            throw new FuncError("dig needs at least three arguments");
        }
        Map<?, ?> dict = assertMap(ps[ps.length - 1]);
        Object def = ps[ps.length - 2];
        for (int i = 0; i < ps.length - 2; i++) {
            if (!(ps[i] instanceof String k)) {
                throw new FuncError("interface conversion: interface {} is " + typeOrNil(ps[i]) + ", not string");
            }
            if (!dict.containsKey(k)) {
                return def;
            }
            Object step = dict.get(k);
            if (i == ps.length - 3) {
                return step;
            }
            dict = assertMap(step);
        }
        return def;
    }

    private static Map<?, ?> assertMap(Object o) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new FuncError("interface conversion: interface {} is " + typeOrNil(o)
                + ", not map[string]interface {}");
    }

    private static String typeOrNil(Object o) {
        return o == null ? "nil" : GoValues.typeName(o);
    }
}
