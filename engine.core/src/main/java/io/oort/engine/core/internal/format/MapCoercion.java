package io.oort.engine.core.internal.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.Strictness;

/**
 * Already-decoded maps (tuple sources, the embedding API) into tuples: with a schema, declared columns are put in
 * their slots and converted to their types with the JSON decoder's rules; other Java numbers are normalised to
 * Long/Double.
 */
public final class MapCoercion {

    private MapCoercion() {
    }

    static Tuple toTuple(String emitter, String[] names, FieldSchema[] types, Map<String, FieldSchema> schema,
            Map<String, Object> value, Map<String, Object> meta, long timestamp) {
        return toTuple(emitter, names, types, schema, value, meta, timestamp, false);
    }

    /** @param markMissing whether declared fields absent from {@code value} get {@link StrictSchema#MISSING} */
    static Tuple toTuple(String emitter, String[] names, FieldSchema[] types, Map<String, FieldSchema> schema,
            Map<String, Object> value, Map<String, Object> meta, long timestamp, boolean markMissing) {
        if (names == null) {
            return Tuple.ofMap(emitter, normalizeMap(value), meta, timestamp);
        }
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = markMissing && !value.containsKey(names[i]) ? StrictSchema.MISSING
                    : convert(names[i], value.get(names[i]), types[i]);
        }
        return Tuple.ofValues(emitter, names, values, meta, timestamp);
    }

    @SuppressWarnings("unchecked")
    static Object convert(String name, Object v, FieldSchema f) {
        v = Cast.normalize(v);
        if (v == null || f == null) {
            return v instanceof Map ? normalizeMap((Map<String, Object>) v) : v;
        }
        switch (f.type) {
            case "bigint":
                if (v instanceof Long) {
                    return v;
                }
                if (v instanceof Double d && d == Math.rint(d)) {
                    return d.longValue();
                }
                break;
            case "float":
                if (Cast.isNumber(v)) {
                    return ((Number) v).doubleValue();
                }
                break;
            case "string":
                if (v instanceof String) {
                    return v;
                }
                if (Cast.isNumber(v)) {
                    return GoFormat.v(((Number) v).doubleValue());
                }
                break;
            case "boolean":
                if (v instanceof Boolean || v instanceof String || Cast.isNumber(v)) {
                    return Cast.toBool(v, Strictness.CONVERT_ALL);
                }
                break;
            case "bytea":
                if (v instanceof byte[] || v instanceof String) {
                    return Cast.toByteA(v, Strictness.CONVERT_ALL);
                }
                break;
            case "datetime":
                return v;
            case "array":
                if (v instanceof List<?> l) {
                    List<Object> out = new ArrayList<>(l.size());
                    for (Object e : l) {
                        out.add(convert("array", e, f.items));
                    }
                    return out;
                }
                break;
            case "struct":
                if (v instanceof Map<?, ?> m) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        String k = String.valueOf(e.getKey());
                        if (f.properties == null) {
                            out.put(k, normalizeAny(e.getValue()));
                        } else if (f.properties.containsKey(k)) {
                            out.put(k, convert(k, e.getValue(), f.properties.get(k)));
                        }
                    }
                    return out;
                }
                break;
            default:
                break;
        }
        throw new EvalException(name + " has wrong type:" + GoFormat.type(v) + ", expect:" + f.type);
    }

    @SuppressWarnings("unchecked")
    static Object normalizeAny(Object v) {
        v = Cast.normalize(v);
        if (v instanceof Map<?, ?> m) {
            return normalizeMap((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) {
                out.add(normalizeAny(e));
            }
            return out;
        }
        return v;
    }

    static Map<String, Object> normalizeMap(Map<String, Object> m) {
        boolean clean = true;
        for (Object v : m.values()) {
            if (v instanceof Integer || v instanceof Float || v instanceof Short || v instanceof Byte
                    || v instanceof Map || v instanceof List) {
                clean = false;
                break;
            }
        }
        if (clean) {
            return m;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            out.put(e.getKey(), normalizeAny(e.getValue()));
        }
        return out;
    }
}
