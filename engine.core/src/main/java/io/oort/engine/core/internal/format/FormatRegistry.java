package io.oort.engine.core.internal.format;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.format.FormatProvider;
import io.oort.engine.core.internal.util.BundleInfo;

/**
 * The payload formats plugins contribute, by lower-case name. Built-in names cannot be taken. Thread-safe;
 * listeners hear about formats appearing and disappearing on the thread that changed the registry.
 */
public final class FormatRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(FormatRegistry.class);

    /** Hears about plugin formats coming and going. */
    public interface Listener {
        void formatAdded(String name);

        void formatRemoved(String name);
    }

    /** One installed plugin format. */
    public record Entry(String name, FormatProvider provider, String bundle, String version) {
    }

    /** A format that is neither built in nor installed. */
    public static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;
        private final String name;

        public Missing(String name) {
            super("format " + name + " is not installed", null, false, false);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    private final Map<String, Entry> byName = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void add(FormatProvider provider, Map<String, Object> props) {
        for (String name : names(props.get(FormatProvider.NAME))) {
            if (Formats.isBuiltin(name)) {
                LOG.warn("format provider {} may not replace the built-in format {}; ignored",
                        provider.getClass().getName(), name);
                continue;
            }
            String[] origin = BundleInfo.of(provider.getClass());
            Entry previous = byName.put(name, new Entry(name, provider, origin[0], origin[1]));
            LOG.info("format {} bound ({} {}){}", name, origin[0], origin[1],
                    previous != null ? " replacing " + previous.bundle() + " " + previous.version() : "");
            for (Listener l : listeners) {
                l.formatAdded(name);
            }
        }
    }

    public void remove(FormatProvider provider, Map<String, Object> props) {
        for (String name : names(props.get(FormatProvider.NAME))) {
            Entry current = byName.get(name);
            if (current != null && current.provider() == provider && byName.remove(name, current)) {
                LOG.info("format {} unbound ({} {})", name, current.bundle(), current.version());
                for (Listener l : listeners) {
                    l.formatRemoved(name);
                }
            }
        }
    }

    private static List<String> names(Object prop) {
        List<String> out = new ArrayList<>();
        if (prop instanceof String s) {
            out.add(s);
        } else if (prop instanceof String[] a) {
            out.addAll(List.of(a));
        } else if (prop instanceof Collection<?> c) {
            c.forEach(o -> out.add(String.valueOf(o)));
        }
        out.replaceAll(n -> n.trim().toLowerCase(Locale.ROOT));
        out.removeIf(String::isEmpty);
        return out;
    }

    /** The installed plugin format, or null. */
    public Entry find(String name) {
        return name == null ? null : byName.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether streams and sinks can use the format now (built in or installed). */
    public boolean knows(String name) {
        return name != null && (Formats.isBuiltin(name) || find(name) != null);
    }

    /** The installed plugin formats, by name. */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparing(Entry::name));
        return out;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }
}
