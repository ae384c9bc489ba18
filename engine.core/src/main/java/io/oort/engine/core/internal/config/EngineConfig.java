package io.oort.engine.core.internal.config;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The effective configuration ({@code etc/oort.yaml} merged with {@code OORT__SECTION__KEY} environment overrides),
 * as flat {@code section.key} strings. The launcher validates and flattens it into framework properties
 * {@code oort.config.<section>.<key>}; embedders build it from a map.
 */
public final class EngineConfig {

    /** Framework property prefix the launcher uses. */
    public static final String PREFIX = "oort.config.";

    private final Map<String, String> values;

    private EngineConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static EngineConfig of(Map<String, String> values) {
        return new EngineConfig(values);
    }

    /** Reads every {@code oort.config.*} property through a lookup such as {@code BundleContext::getProperty}. */
    public static EngineConfig fromProperties(Iterable<String> names, Function<String, String> lookup) {
        Map<String, String> m = new TreeMap<>();
        for (String n : names) {
            if (n.startsWith(PREFIX)) {
                String v = lookup.apply(n);
                if (v != null) {
                    m.put(n.substring(PREFIX.length()), v);
                }
            }
        }
        return new EngineConfig(m);
    }

    public static EngineConfig defaults() {
        return new EngineConfig(Map.of());
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String get(String key, String dflt) {
        String v = values.get(key);
        return v == null ? dflt : v;
    }

    public int getInt(String key, int dflt) {
        String v = values.get(key);
        return v == null ? dflt : Integer.parseInt(v.trim());
    }

    public long getLong(String key, long dflt) {
        String v = values.get(key);
        return v == null ? dflt : Long.parseLong(v.trim());
    }

    public boolean getBoolean(String key, boolean dflt) {
        String v = values.get(key);
        return v == null ? dflt : Boolean.parseBoolean(v.trim());
    }

    public Duration getDuration(String key, Duration dflt) {
        String v = values.get(key);
        return v == null ? dflt : Durations.parse(v);
    }
}
