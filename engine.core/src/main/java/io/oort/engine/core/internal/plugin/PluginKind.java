package io.oort.engine.core.internal.plugin;

import java.util.Locale;

/**
 * eKuiper's plugin kinds, as in {@code /plugins/sources|sinks|functions|portables}. On Oort they only say what the
 * bundle must provide (at least one source, sink or function; a portable may provide anything) and where the
 * configuration files of a zip go; the bundle itself may provide several kinds at once.
 */
public enum PluginKind {
    SOURCES("sources", "source"),
    SINKS("sinks", "sink"),
    FUNCTIONS("functions", "function"),
    PORTABLES("portables", "portable");

    private final String path;
    private final String label;

    PluginKind(String path, String label) {
        this.path = path;
        this.label = label;
    }

    /** The path segment: {@code sources}, {@code sinks}, {@code functions}, {@code portables}. */
    public String path() {
        return path;
    }

    /** The singular: {@code source}, ... */
    public String label() {
        return label;
    }

    /** The kind of a path segment, or null. */
    public static PluginKind of(String path) {
        if (path == null) {
            return null;
        }
        for (PluginKind k : values()) {
            if (k.path.equals(path.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        return null;
    }
}
