package io.oort.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code etc/oort.yaml}, applies environment overrides ({@code OORT__SECTION__KEY=value}, and eKuiper's
 * {@code KUIPER__SECTION__KEY} for users moving over; Oort's wins), validates every value against
 * {@link ConfigSchema} and flattens the result to {@code section.key} strings (maps and lists as JSON).
 * Unknown keys are warnings; invalid values are a {@link ConfigException} naming file, key and value.
 */
final class ConfigLoader {

    /** The loaded configuration and what deserves a warning. */
    record Result(Map<String, String> values, List<String> warnings) {
    }

    private final ConfigSchema schema = ConfigSchema.INSTANCE;

    Result load(Path file, Map<String, String> env) throws ConfigException {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> typed = new TreeMap<>();
        for (ConfigSchema.Key k : schema.keys()) {
            if (k.dflt() != null) {
                typed.put(k.path(), k.dflt());
            }
        }
        String fileName = file.getParent() != null && file.getParent().getFileName() != null
                ? file.getParent().getFileName() + "/" + file.getFileName() : file.toString();
        if (Files.isRegularFile(file)) {
            Map<String, Object> root = readYaml(file, fileName);
            for (Map.Entry<String, Object> sec : root.entrySet()) {
                String section = sec.getKey();
                if (!(sec.getValue() instanceof Map<?, ?> m)) {
                    if (sec.getValue() != null) {
                        if (!schema.hasSection(section)) {
                            warnings.add(fileName + ": unknown section '" + section + "' (ignored)");
                        } else {
                            throw new ConfigException(fileName + ": section '" + section + "' must be a mapping, got '"
                                    + sec.getValue() + "'");
                        }
                    }
                    continue;
                }
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    String path = section + "." + e.getKey();
                    ConfigSchema.Key key = schema.find(path);
                    if (key == null) {
                        warnings.add(fileName + ": unknown key '" + path + "' (ignored)");
                        continue;
                    }
                    if (e.getValue() == null) {
                        continue;
                    }
                    typed.put(path, convert(key, e.getValue(), fileName));
                }
            }
        } else {
            warnings.add(fileName + " not found; using defaults");
        }
        applyEnv(env, "KUIPER__", typed, warnings);
        applyEnv(env, "OORT__", typed, warnings);
        Map<String, String> flat = new TreeMap<>();
        for (Map.Entry<String, Object> e : typed.entrySet()) {
            flat.put(e.getKey(), Json.write(e.getValue()));
        }
        return new Result(flat, warnings);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path file, String fileName) throws ConfigException {
        try (InputStream in = Files.newInputStream(file)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (doc == null) {
                return Map.of();
            }
            if (!(doc instanceof Map)) {
                throw new ConfigException(fileName + ": expected a mapping of sections at the top level");
            }
            return (Map<String, Object>) doc;
        } catch (YAMLException e) {
            throw new ConfigException(fileName + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new ConfigException(fileName + ": cannot read: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private void applyEnv(Map<String, String> env, String prefix, Map<String, Object> typed, List<String> warnings)
            throws ConfigException {
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            String[] parts = e.getKey().substring(prefix.length()).split("__");
            if (parts.length < 2) {
                warnings.add("environment " + e.getKey() + ": expected " + prefix + "SECTION__KEY (ignored)");
                continue;
            }
            ConfigSchema.Key key = schema.findIgnoreCase(parts[0] + "." + parts[1]);
            if (key == null) {
                warnings.add("environment " + e.getKey() + ": unknown key (ignored)");
                continue;
            }
            String where = "environment " + e.getKey();
            if (parts.length > 2) {
                if (key.type() != ConfigSchema.Type.MAP) {
                    throw new ConfigException(where + ": '" + key.path() + "' has no sub-keys");
                }
                Object current = typed.get(key.path());
                Map<String, Object> m = current instanceof Map ? new LinkedHashMap<>((Map<String, Object>) current)
                        : new LinkedHashMap<>();
                Map<String, Object> node = m;
                for (int i = 2; i < parts.length - 1; i++) {
                    String sub = parts[i].toLowerCase(Locale.ROOT);
                    Object child = node.get(sub);
                    Map<String, Object> next = child instanceof Map ? (Map<String, Object>) child : new LinkedHashMap<>();
                    node.put(sub, next);
                    node = next;
                }
                node.put(parts[parts.length - 1].toLowerCase(Locale.ROOT), scalar(e.getValue()));
                typed.put(key.path(), m);
            } else {
                typed.put(key.path(), convert(key, e.getValue(), where));
            }
        }
    }

    private static Object scalar(String s) {
        if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
            return Boolean.parseBoolean(s);
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static Object convert(ConfigSchema.Key key, Object value, String where) throws ConfigException {
        String shown = String.valueOf(value);
        switch (key.type()) {
            case STRING:
                if (value instanceof Map || value instanceof List) {
                    throw invalid(where, key, shown, "a string");
                }
                return shown;
            case INT:
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    return n.longValue();
                }
                try {
                    return Long.parseLong(shown.trim());
                } catch (NumberFormatException e) {
                    throw invalid(where, key, shown, "an integer");
                }
            case BOOL:
                if (value instanceof Boolean b) {
                    return b;
                }
                if ("true".equalsIgnoreCase(shown.trim()) || "false".equalsIgnoreCase(shown.trim())) {
                    return Boolean.parseBoolean(shown.trim());
                }
                throw invalid(where, key, shown, "true or false");
            case DURATION:
                if (value instanceof Number n) {
                    return n.longValue() + "ms";
                }
                if (!shown.trim().matches("(\\d+|(-?(\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h))+)")) {
                    throw invalid(where, key, shown, "a duration such as 500ms, 10s or 1m30s, or milliseconds");
                }
                return shown.trim();
            case ENUM:
                for (String o : key.options()) {
                    if (o.equalsIgnoreCase(shown.trim())) {
                        return o;
                    }
                }
                throw invalid(where, key, shown, "one of " + String.join(", ", key.options()));
            case LIST:
                if (value instanceof List) {
                    return value;
                }
                List<String> items = new ArrayList<>();
                for (String s : shown.split(",")) {
                    if (!s.isBlank()) {
                        items.add(s.trim());
                    }
                }
                return items;
            case MAP:
                if (value instanceof Map) {
                    return value;
                }
                throw invalid(where, key, shown, "a mapping");
            default:
                return value;
        }
    }

    private static ConfigException invalid(String where, ConfigSchema.Key key, String value, String expected) {
        return new ConfigException(where + ": invalid value '" + value + "' for " + key.path() + " (expected " + expected
                + ")");
    }
}
