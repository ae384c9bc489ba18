package io.oort.engine.core.internal.store;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Durable key-value tables for the engine's definitions (streams, tables, rules with their desired state, conf
 * keys, connections). Every {@link #write} is atomic and durable when it returns: after a crash either all of a
 * write's changes are there or none.
 */
public interface Store extends AutoCloseable {

    /** Changes made inside one {@link Store#write}. */
    interface Tx {
        void put(String table, String key, String value);

        void delete(String table, String key);

        /** Removes every key of a table. */
        void clear(String table);
    }

    String get(String table, String key);

    /** A snapshot of a table, sorted by key. */
    Map<String, String> all(String table);

    void write(Consumer<Tx> changes);

    default void put(String table, String key, String value) {
        write(tx -> tx.put(table, key, value));
    }

    default void delete(String table, String key) {
        write(tx -> tx.delete(table, key));
    }

    @Override
    void close();
}
