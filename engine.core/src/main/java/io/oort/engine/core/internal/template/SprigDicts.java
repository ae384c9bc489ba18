package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.Func.Arg.ANY;
import static io.oort.engine.core.internal.template.Func.Arg.MAP;
import static io.oort.engine.core.internal.template.Func.Arg.STRING;

import io.oort.engine.core.internal.template.Func.FuncError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sprig's dict functions. Like Go, set/unset/merge modify the map they are given. */
final class SprigDicts {

    private SprigDicts() {
    }

    static void register(Map<String, Func> m) {
        put(m, Func.varargs("dict", SprigDicts::dict, ANY));
        put(m, Func.of("get", a -> {
            Map<String, Object> d = map(a[0]);
            return d != null && d.containsKey((String) a[1]) ? d.get((String) a[1]) : "";
        }, MAP, STRING));
        put(m, Func.of("set", a -> {
            Map<String, Object> d = map(a[0]);
            if (d == null) {
                throw new FuncError("assignment to entry in nil map");
            }
            d.put((String) a[1], a[2]);
            return d;
        }, MAP, STRING, ANY));
        put(m, Func.of("unset", a -> {
            Map<String, Object> d = map(a[0]);
            if (d != null) {
                d.remove((String) a[1]);
            }
            return d;
        }, MAP, STRING));
        put(m, Func.of("hasKey", a -> a[0] != null && map(a[0]).containsKey((String) a[1]), MAP, STRING));
        put(m, Func.varargs("pluck", a -> {
            List<Object> r = new ArrayList<>();
            for (int i = 1; i < a.length; i++) {
                Map<String, Object> d = map(a[i]);
                if (d != null && d.containsKey((String) a[0])) {
                    r.add(d.get((String) a[0]));
                }
            }
            return r;
        }, MAP, STRING));
        put(m, Func.varargs("keys", a -> {
            List<Object> r = TypedList.strings();
            for (Object d : a) {
                if (d != null) {
                    r.addAll(GoFmt.sortedKeys((Map<?, ?>) d));
                }
            }
            return r;
        }, MAP));
        put(m, Func.varargs("pick", a -> {
            Map<String, Object> d = map(a[0]);
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 1; i < a.length; i++) {
                String k = (String) a[i];
                if (d != null && d.containsKey(k)) {
                    r.put(k, d.get(k));
                }
            }
            return r;
        }, STRING, MAP));
        put(m, Func.varargs("omit", a -> {
            Set<Object> omit = new HashSet<>(List.of(a).subList(1, a.length));
            Map<String, Object> r = new LinkedHashMap<>();
            Map<String, Object> d = map(a[0]);
            if (d != null) {
                d.forEach((k, v) -> {
                    if (!omit.contains(k)) {
                        r.put(k, v);
                    }
                });
            }
            return r;
        }, STRING, MAP));
        Func merge = Func.varargs("merge", a -> merge(a, false), MAP, MAP);
        put(m, merge);
        put(m, merge.named("mustMerge"));
        Func over = Func.varargs("mergeOverwrite", a -> merge(a, true), MAP, MAP);
        put(m, over);
        put(m, over.named("mustMergeOverwrite"));
        put(m, Func.of("values", a -> {
            Map<String, Object> d = map(a[0]);
            List<Object> r = new ArrayList<>();
            if (d != null) {
                for (String k : GoFmt.sortedKeys(d)) {
                    r.add(d.get(k));
                }
            }
            return r;
        }, MAP));
        Func copy = Func.of("deepCopy", a -> deepCopy(a[0]), ANY);
        put(m, copy);
        put(m, copy.named("mustDeepCopy"));
    }

    private static void put(Map<String, Func> m, Func f) {
        m.put(f.name, f);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static Object dict(Object[] v) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i += 2) {
            String key = Funcs.strval(v[i]);
            d.put(key, i + 1 < v.length ? v[i + 1] : "");
        }
        return d;
    }

    private static Object merge(Object[] a, boolean overwrite) {
        Map<String, Object> dst = map(a[0]);
        if (dst == null) {
            dst = new LinkedHashMap<>();
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i] != null) {
                mergeInto(dst, map(a[i]), overwrite);
            }
        }
        return dst;
    }

    /** mergo's map merge: fill missing/empty entries (or all, when overwriting); recurse into maps. */
    private static void mergeInto(Map<String, Object> dst, Map<String, Object> src, boolean overwrite) {
        for (Map.Entry<String, Object> e : src.entrySet()) {
            String k = e.getKey();
            Object sv = e.getValue();
            boolean has = dst.containsKey(k);
            Object dv = dst.get(k);
            if (sv == null) {
                if (overwrite) {
                    dst.put(k, null);
                }
                continue;
            }
            if (sv instanceof Map && dv instanceof Map) {
                mergeInto(map(dv), map(sv), overwrite);
            }
            if (has && !GoValues.isEmpty(dv)) {
                if (sv instanceof List || (sv instanceof Map && dv instanceof Map)) {
                    continue;
                }
            }
            if (overwrite || !has || GoValues.isEmpty(dv)) {
                dst.put(k, sv);
            }
        }
    }

    static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> r = new LinkedHashMap<>();
            m.forEach((k, x) -> r.put(String.valueOf(k), deepCopy(x)));
            return r;
        }
        if (v instanceof List<?> l) {
            List<Object> r = new ArrayList<>(l.size());
            for (Object x : l) {
                r.add(deepCopy(x));
            }
            return r;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        return v;
    }
}
