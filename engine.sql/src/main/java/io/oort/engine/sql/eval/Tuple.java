package io.oort.engine.sql.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One decoded input event of a stream or table. A stream with a schema stores its declared columns in
 * {@link #values} by slot (schema order); a schemaless stream keeps the decoded object in {@link #map}.
 * Immutable once published to rules (shared streams hand the same tuple to many rules).
 */
public final class Tuple {

    private static final Map<String, Object> NO_META = Collections.emptyMap();

    public final String emitter;
    public final Object[] values;
    public final String[] names;
    public final Map<String, Object> map;
    public final Map<String, Object> meta;
    public final long timestamp;

    private Tuple(String emitter, Object[] values, String[] names, Map<String, Object> map, Map<String, Object> meta,
            long timestamp) {
        this.emitter = emitter;
        this.values = values;
        this.names = names;
        this.map = map;
        this.meta = meta == null ? NO_META : meta;
        this.timestamp = timestamp;
    }

    /** A tuple of a stream with a schema: values in schema order, {@code names} the shared column names. */
    public static Tuple ofValues(String emitter, String[] names, Object[] values, Map<String, Object> meta,
            long timestamp) {
        return new Tuple(emitter, values, names, null, meta, timestamp);
    }

    /** A tuple of a schemaless stream. */
    public static Tuple ofMap(String emitter, Map<String, Object> map, Map<String, Object> meta, long timestamp) {
        return new Tuple(emitter, null, null, map, meta, timestamp);
    }

    /** The same tuple with another timestamp (event time read from a field). */
    public Tuple withTimestamp(long ts) {
        return ts == timestamp ? this : new Tuple(emitter, values, names, map, meta, ts);
    }

    /** The value of a column by slot (schema) or by name (schemaless); null when absent. */
    public Object get(int slot, String name) {
        if (values != null) {
            if (slot >= 0) {
                return values[slot];
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return values[i];
                }
            }
            return null;
        }
        return map.get(name);
    }

    /** Whether the column is present (a null value in a map counts as present). */
    public boolean has(String name) {
        if (values != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return values[i] != null;
                }
            }
            return false;
        }
        return map.containsKey(name);
    }

    /** All columns as a map in schema/decode order, nulls left out (what {@code *} sees). */
    public Map<String, Object> asMap() {
        if (values == null) {
            return map;
        }
        Map<String, Object> m = new LinkedHashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                m.put(names[i], values[i]);
            }
        }
        return m;
    }

    /** Adds every column to {@code into}, keeping values already there (the left side of a join wins). */
    public void mergeInto(Map<String, Object> into) {
        if (values == null) {
            for (Map.Entry<String, Object> e : map.entrySet()) {
                into.putIfAbsent(e.getKey(), e.getValue());
            }
        } else {
            for (int i = 0; i < names.length; i++) {
                if (values[i] != null) {
                    into.putIfAbsent(names[i], values[i]);
                }
            }
        }
    }

    @Override
    public String toString() {
        return emitter + asMap();
    }
}
