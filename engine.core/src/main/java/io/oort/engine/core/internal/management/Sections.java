package io.oort.engine.core.internal.management;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * eKuiper's batch configuration file: twelve sections, each a map from a name to a string (a CREATE statement, a
 * rule's JSON, a conf-key set as JSON...). The same shape carries per-entry errors in the import status.
 */
public final class Sections {

    public static final String STREAMS = "streams";
    public static final String TABLES = "tables";
    public static final String RULES = "rules";
    public static final String NATIVE_PLUGINS = "nativePlugins";
    public static final String PORTABLE_PLUGINS = "portablePlugins";
    public static final String SOURCE_CONFIG = "sourceConfig";
    public static final String SINK_CONFIG = "sinkConfig";
    public static final String CONNECTION_CONFIG = "connectionConfig";
    public static final String SERVICE = "Service";
    public static final String SCHEMA = "Schema";
    public static final String UPLOADS = "uploads";
    public static final String SCRIPTS = "scripts";

    /** The sections in eKuiper's order (its export writes "Service" and "Schema" capitalised). */
    public static final List<String> NAMES = List.of(STREAMS, TABLES, RULES, NATIVE_PLUGINS, PORTABLE_PLUGINS,
            SOURCE_CONFIG, SINK_CONFIG, CONNECTION_CONFIG, SERVICE, SCHEMA, UPLOADS, SCRIPTS);

    /** Sections Oort has no counterpart for: their entries are skipped on import. */
    public static final List<String> UNSUPPORTED = List.of(NATIVE_PLUGINS, PORTABLE_PLUGINS, SERVICE, SCHEMA,
            UPLOADS, SCRIPTS);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    public Sections() {
        for (String n : NAMES) {
            sections.put(n, new TreeMap<>());
        }
    }

    public Map<String, String> get(String section) {
        return sections.get(section);
    }

    public void put(String section, String name, String value) {
        sections.get(section).put(name, value);
    }

    public boolean isEmpty() {
        return sections.values().stream().allMatch(Map::isEmpty);
    }

    /** The object written as JSON: every section, in order, even when empty. */
    public Map<String, Map<String, String>> asMap() {
        return sections;
    }

    /** Whether an entry's error is only a notice that an unsupported section was skipped. */
    public boolean onlyNotices() {
        for (Map.Entry<String, Map<String, String>> e : sections.entrySet()) {
            if (!e.getValue().isEmpty() && !UNSUPPORTED.contains(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(sections);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a configuration file. Section names match case-insensitively (eKuiper's JSON decoding does); a value
     * that is an object instead of a string is taken as its JSON text. Unknown top-level keys are ignored.
     *
     * @throws IllegalArgumentException with eKuiper's "configuration unmarshal with error ..." message
     */
    public static Sections parse(String content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("configuration unmarshal with error " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("configuration unmarshal with error: expected a JSON object");
        }
        Sections s = new Sections();
        for (var it = root.fields(); it.hasNext();) {
            var e = it.next();
            String section = canonical(e.getKey());
            if (section == null || e.getValue().isNull()) {
                continue;
            }
            if (!e.getValue().isObject()) {
                throw new IllegalArgumentException("configuration unmarshal with error: " + e.getKey()
                        + " must be an object of name: string");
            }
            for (var entries = e.getValue().fields(); entries.hasNext();) {
                var entry = entries.next();
                JsonNode v = entry.getValue();
                if (v.isNull()) {
                    continue;
                }
                s.put(section, entry.getKey(), v.isTextual() ? v.asText() : v.toString());
            }
        }
        return s;
    }

    private static String canonical(String key) {
        for (String n : NAMES) {
            if (n.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return n;
            }
        }
        return null;
    }
}
