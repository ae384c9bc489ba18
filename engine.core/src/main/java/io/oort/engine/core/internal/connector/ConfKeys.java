package io.oort.engine.core.internal.connector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.internal.store.Store;

/**
 * Named property sets of connectors, laid out as eKuiper's etc/: {@code etc/sources/<type>.yaml} (and
 * {@code etc/mqtt_source.yaml}) with a {@code default} section and conf keys picked by CONF_KEY,
 * {@code etc/sinks/<type>.yaml} sections picked by {@code resourceId}, and {@code etc/connections/connection.yaml}
 * profiles picked by {@code connectionSelector} ("mqtt.localConnection"). Files are the base; changes made through
 * the API are kept in the store and win. Environment overrides as eKuiper: {@code MQTT_SOURCE__DEFAULT__SERVER}.
 */
public final class ConfKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ConfKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TABLE = "confkeys";

    /** The three families of property sets. */
    public enum Kind { SOURCES, SINKS, CONNECTIONS }

    private final Path etc;
    private final Store store;
    private final Map<String, String> env;

    public ConfKeys(Path etc, Store store, Map<String, String> env) {
        this.etc = etc;
        this.store = store;
        this.env = env;
    }

    /** All conf keys of a type: {key: props}, files merged with stored changes (deleted keys removed). */
    public Map<String, Map<String, Object>> all(Kind kind, String type) {
        Map<String, Map<String, Object>> out = new TreeMap<>(fromFile(kind, type));
        String prefix = kind.name().toLowerCase(Locale.ROOT) + "." + type + ".";
        for (Map.Entry<String, String> e : store.all(TABLE).entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                String key = e.getKey().substring(prefix.length());
                if (e.getValue().isEmpty()) {
                    out.remove(key);
                } else {
                    out.put(key, parse(e.getValue()));
                }
            }
        }
        return out;
    }

    public Map<String, Object> get(Kind kind, String type, String key) {
        return all(kind, type).get(key);
    }

    public void put(Kind kind, String type, String key, Map<String, Object> props) {
        try {
            store.put(TABLE, kind.name().toLowerCase(Locale.ROOT) + "." + type + "." + key,
                    JSON.writeValueAsString(props));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store conf key " + key + ": " + e.getOriginalMessage());
        }
    }

    /** Deletes a key (a tombstone hides a key that comes from a file). */
    public boolean delete(Kind kind, String type, String key) {
        if (get(kind, type, key) == null) {
            return false;
        }
        store.put(TABLE, kind.name().toLowerCase(Locale.ROOT) + "." + type + "." + key, "");
        return true;
    }

    /** Source properties: the default section, then the CONF_KEY section over it. */
    public Map<String, Object> sourceProps(String type, String confKey) {
        Map<String, Map<String, Object>> keys = all(Kind.SOURCES, type);
        Map<String, Object> props = new LinkedHashMap<>();
        if (keys.get("default") != null) {
            props.putAll(keys.get("default"));
        }
        if (confKey != null && !confKey.isEmpty()) {
            Map<String, Object> sel = lookupIgnoreCase(keys, confKey);
            if (sel == null) {
                throw new IllegalArgumentException("conf key " + confKey + " not found for source type " + type);
            }
            props.putAll(sel);
        }
        return props;
    }

    /** Sink properties of a resourceId section (empty when none). */
    public Map<String, Object> sinkProps(String type, String resourceId) {
        if (resourceId == null || resourceId.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> sel = lookupIgnoreCase(all(Kind.SINKS, type), resourceId);
        if (sel == null) {
            throw new IllegalArgumentException("resource " + resourceId + " not found for sink type " + type);
        }
        return sel;
    }

    /**
     * A connection profile by selector, or null: "type.name" as eKuiper 1.x writes it, or the plain connection id
     * of eKuiper 2.x ({@code /connections}).
     */
    public Map<String, Object> connection(String selector) {
        int dot = selector.indexOf('.');
        if (dot <= 0) {
            String type = connectionType(selector);
            return type == null ? null : all(Kind.CONNECTIONS, type).get(selector);
        }
        return lookupIgnoreCase(all(Kind.CONNECTIONS, selector.substring(0, dot)), selector.substring(dot + 1));
    }

    /** The type of the connection with this id (the first type that has it), or null. */
    public String connectionType(String id) {
        for (String type : types(Kind.CONNECTIONS)) {
            if (all(Kind.CONNECTIONS, type).containsKey(id)) {
                return type;
            }
        }
        return null;
    }

    /** The connector types that have conf keys of this kind, from files or the store, sorted. */
    public java.util.SortedSet<String> types(Kind kind) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        if (etc != null) {
            switch (kind) {
                case SOURCES -> {
                    yamlNames(etc.resolve("sources"), out);
                    if (Files.isRegularFile(etc.resolve("mqtt_source.yaml"))) {
                        out.add("mqtt");
                    }
                }
                case SINKS -> yamlNames(etc.resolve("sinks"), out);
                default -> out.addAll(read(etc.resolve("connections").resolve("connection.yaml")).keySet());
            }
        }
        out.addAll(stored(kind).keySet());
        out.removeIf(t -> all(kind, t).isEmpty());
        return out;
    }

    private static void yamlNames(Path dir, java.util.Set<String> out) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .forEach(n -> out.add(n.substring(0, n.length() - 5)));
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dir, e.getMessage());
        }
    }

    /**
     * The keys changed through the API (what eKuiper exports as "updatable" configuration): type → key → props.
     * Deleted file keys are not included.
     */
    public Map<String, Map<String, Map<String, Object>>> stored(Kind kind) {
        Map<String, Map<String, Map<String, Object>>> out = new TreeMap<>();
        String prefix = kind.name().toLowerCase(Locale.ROOT) + ".";
        for (Map.Entry<String, String> e : store.all(TABLE).entrySet()) {
            if (!e.getKey().startsWith(prefix) || e.getValue().isEmpty()) {
                continue;
            }
            String rest = e.getKey().substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                continue;
            }
            out.computeIfAbsent(rest.substring(0, dot), k -> new TreeMap<>()).put(rest.substring(dot + 1),
                    parse(e.getValue()));
        }
        return out;
    }

    /** Puts a key into a batch write. */
    public static void put(Store.Tx tx, Kind kind, String type, String key, Map<String, Object> props) {
        try {
            tx.put(TABLE, kind.name().toLowerCase(Locale.ROOT) + "." + type + "." + key,
                    JSON.writeValueAsString(props));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store conf key " + key + ": " + e.getOriginalMessage());
        }
    }

    /** Drops every change made through the API in a batch write; the files' keys apply again. */
    public static void clearStored(Store.Tx tx) {
        tx.clear(TABLE);
    }

    private static Map<String, Object> lookupIgnoreCase(Map<String, Map<String, Object>> keys, String key) {
        Map<String, Object> m = keys.get(key);
        if (m != null) {
            return m;
        }
        for (Map.Entry<String, Map<String, Object>> e : keys.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> fromFile(Kind kind, String type) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        if (etc == null) {
            return out;
        }
        Path file;
        String envPrefix;
        Map<String, Object> doc;
        switch (kind) {
            case SOURCES -> {
                file = etc.resolve("sources").resolve(type + ".yaml");
                envPrefix = type.toUpperCase(Locale.ROOT) + "__";
                if ("mqtt".equals(type) && !Files.exists(file)) {
                    file = etc.resolve("mqtt_source.yaml");
                    envPrefix = "MQTT_SOURCE__";
                }
                doc = read(file);
            }
            case SINKS -> {
                file = etc.resolve("sinks").resolve(type + ".yaml");
                envPrefix = null;
                doc = read(file);
            }
            default -> {
                file = etc.resolve("connections").resolve("connection.yaml");
                envPrefix = "CONNECTION__" + type.toUpperCase(Locale.ROOT) + "__";
                Object section = read(file).get(type);
                doc = section instanceof Map ? (Map<String, Object>) section : Map.of();
            }
        }
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m) {
                out.put(e.getKey(), new LinkedHashMap<>((Map<String, Object>) m));
            }
        }
        if (envPrefix != null) {
            applyEnv(out, envPrefix);
        }
        return out;
    }

    private void applyEnv(Map<String, Map<String, Object>> keys, String prefix) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            String[] parts = e.getKey().substring(prefix.length()).split("__");
            if (parts.length != 2) {
                continue;
            }
            String keyName = parts[0].toLowerCase(Locale.ROOT);
            Map<String, Object> section = null;
            for (Map.Entry<String, Map<String, Object>> k : keys.entrySet()) {
                if (k.getKey().equalsIgnoreCase(keyName)) {
                    section = k.getValue();
                }
            }
            if (section == null) {
                section = new LinkedHashMap<>();
                keys.put(keyName, section);
            }
            String prop = parts[1].toLowerCase(Locale.ROOT);
            String existing = null;
            for (String k : section.keySet()) {
                if (k.equalsIgnoreCase(prop)) {
                    existing = k;
                }
            }
            section.put(existing != null ? existing : prop, e.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return doc instanceof Map ? (Map<String, Object>) doc : Map.of();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
            return Map.of();
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
