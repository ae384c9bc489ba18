package io.oort.engine.sql.function.builtin;

import java.util.function.Function;

/**
 * The external keyed state get_keyed_state(key, type, default) reads (eKuiper internal/keyedstate, a global KV
 * store configured by {@code store.extStateType}). The runtime installs the lookup with {@link #install}; until
 * then every key is missing and get_keyed_state returns its default.
 */
public final class MiscKeyedState {

    private MiscKeyedState() {
    }

    private static volatile Function<String, Object> lookup = key -> null;

    /** Installs the lookup: returns the stored value of a key, or null when the key does not exist. */
    public static void install(Function<String, Object> f) {
        lookup = f == null ? key -> null : f;
    }

    static Object get(String key) {
        return lookup.apply(key);
    }
}
