package io.oort.engine.core.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A store that keeps nothing across restarts (embedding, tests). */
public final class MemoryStore implements Store {

    private final Map<String, TreeMap<String, String>> tables = new ConcurrentHashMap<>();

    @Override
    public synchronized String get(String table, String key) {
        TreeMap<String, String> t = tables.get(table);
        return t == null ? null : t.get(key);
    }

    @Override
    public synchronized Map<String, String> all(String table) {
        TreeMap<String, String> t = tables.get(table);
        return t == null ? new TreeMap<>() : new TreeMap<>(t);
    }

    @Override
    public synchronized void write(Consumer<Tx> changes) {
        List<Runnable> ops = new ArrayList<>();
        changes.accept(new Tx() {
            @Override
            public void put(String table, String key, String value) {
                ops.add(() -> tables.computeIfAbsent(table, k -> new TreeMap<>()).put(key, value));
            }

            @Override
            public void delete(String table, String key) {
                ops.add(() -> {
                    TreeMap<String, String> t = tables.get(table);
                    if (t != null) {
                        t.remove(key);
                    }
                });
            }

            @Override
            public void clear(String table) {
                ops.add(() -> tables.remove(table));
            }
        });
        ops.forEach(Runnable::run);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
