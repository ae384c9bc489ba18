package io.oort.engine.core.internal.builtin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.Ops;

/**
 * Memory lookup tables (eKuiper's memory lookup source): the latest row per KEY value of what memory sinks publish
 * to the table's topic, shared by every rule using the same topic and key, kept while any rule uses it.
 */
public final class MemoryTables {

    private final MemoryBus bus;
    private final Map<String, Table> tables = new HashMap<>();

    public MemoryTables(MemoryBus bus) {
        this.bus = bus;
    }

    /** A table of the bus keyed by one column. */
    public final class Table {
        private final String id;
        private final String key;
        private final Map<Object, Map<String, Object>> rows = new LinkedHashMap<>();
        private final AutoCloseable subscription;
        private int users;

        private Table(String id, String topic, String key) {
            this.id = id;
            this.key = key;
            this.subscription = bus.subscribeChanges(topic, this::change);
        }

        private synchronized void change(Map<String, Object> row, String kind) {
            Object k = normalize(row.get(key));
            if (k == null) {
                return;
            }
            if (MemoryBus.DELETE.equals(kind)) {
                rows.remove(k);
            } else if (MemoryBus.UPDATE.equals(kind)) {
                Map<String, Object> old = rows.get(k);
                if (old != null) {
                    Map<String, Object> merged = new LinkedHashMap<>(old);
                    merged.putAll(row);
                    rows.put(k, merged);
                }
            } else {
                rows.put(k, new LinkedHashMap<>(row));
            }
        }

        /** Rows whose {@code keys} columns equal {@code values}. */
        public synchronized List<Map<String, Object>> read(List<String> keys, List<Object> values) {
            List<Map<String, Object>> out = new ArrayList<>();
            if (keys.size() == 1 && keys.get(0).equals(key)) {
                Map<String, Object> r = rows.get(normalize(values.get(0)));
                if (r != null) {
                    out.add(r);
                }
                return out;
            }
            for (Map<String, Object> r : rows.values()) {
                boolean all = true;
                for (int i = 0; i < keys.size() && all; i++) {
                    try {
                        all = Ops.eq(r.get(keys.get(i)), values.get(i));
                    } catch (EvalException e) {
                        all = false;
                    }
                }
                if (all) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    /** Key values compare by value: 1 and 1.0 are the same key. */
    private static Object normalize(Object v) {
        if (v instanceof Long l) {
            return l.doubleValue();
        }
        if (v instanceof Integer i) {
            return i.doubleValue();
        }
        return v;
    }

    public synchronized Table attach(String topic, String key) {
        String id = topic + "_" + key;
        Table t = tables.computeIfAbsent(id, k -> new Table(k, topic, key));
        t.users++;
        return t;
    }

    public synchronized void detach(Table t) {
        if (--t.users == 0 && tables.remove(t.id) == t) {
            try {
                t.subscription.close();
            } catch (Exception e) {
                // nothing held
            }
        }
    }
}
