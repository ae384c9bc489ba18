package io.oort.engine.core.internal.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The store in one H2 MVStore file under data/ (copy-on-write pages: a kill -9 loses at most an unfinished write,
 * never a committed one). Each {@link #write} is one commit.
 */
public final class MvStoreStore implements Store {

    private final MVStore store;

    public MvStoreStore(Path file) {
        this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().compress().open();
    }

    private MVMap<String, String> map(String table) {
        return store.openMap(table);
    }

    @Override
    public synchronized String get(String table, String key) {
        return map(table).get(key);
    }

    @Override
    public synchronized Map<String, String> all(String table) {
        return new TreeMap<>(map(table));
    }

    @Override
    public synchronized void write(Consumer<Tx> changes) {
        try {
            changes.accept(new Tx() {
                @Override
                public void put(String table, String key, String value) {
                    map(table).put(key, value);
                }

                @Override
                public void delete(String table, String key) {
                    map(table).remove(key);
                }

                @Override
                public void clear(String table) {
                    map(table).clear();
                }
            });
            store.commit();
            store.sync();
        } catch (RuntimeException e) {
            store.rollback();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }
}
