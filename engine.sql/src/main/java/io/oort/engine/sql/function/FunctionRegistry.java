package io.oort.engine.sql.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oort.engine.sql.function.builtin.Builtins;

/**
 * The functions SQL can call, by lower-case name: the built-ins plus functions contributed at runtime by plugin
 * bundles (which may come and go; listeners hear about it so rules using them can stop and restart).
 * Thread-safe.
 */
public final class FunctionRegistry {

    /** Hears about functions appearing and disappearing. */
    public interface Listener {
        void changed(String name, boolean present);
    }

    private final Map<String, FunctionDef> defs = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** A registry with every built-in function. */
    public static FunctionRegistry withBuiltins() {
        FunctionRegistry r = new FunctionRegistry();
        Builtins.registerAll(r);
        return r;
    }

    /** Registers a function; a built-in name cannot be replaced by a plugin. Returns false when refused. */
    public boolean register(FunctionDef def) {
        String key = def.name().toLowerCase(Locale.ROOT);
        FunctionDef existing = defs.get(key);
        if (existing != null && existing.isBuiltin() && !def.isBuiltin()) {
            return false;
        }
        defs.put(key, def);
        for (Listener l : listeners) {
            l.changed(key, true);
        }
        return true;
    }

    /** Removes a plugin function if {@code def} is the registered one. */
    public boolean unregister(FunctionDef def) {
        String key = def.name().toLowerCase(Locale.ROOT);
        if (defs.remove(key, def)) {
            for (Listener l : listeners) {
                l.changed(key, false);
            }
            return true;
        }
        return false;
    }

    /** The function of that (case-insensitive) name, or null. */
    public FunctionDef lookup(String name) {
        return name == null ? null : defs.get(name.toLowerCase(Locale.ROOT));
    }

    /** All functions sorted by name. */
    public List<FunctionDef> all() {
        return new ArrayList<>(new TreeMap<>(defs).values());
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }
}
