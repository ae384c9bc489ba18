package io.oort.engine.core.internal.connector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.PropertyDecl;
import io.oort.engine.core.api.PropertyType;
import io.oort.engine.core.internal.config.Durations;

/**
 * Checks connector properties against the provider's declarations: converts each declared property to its type,
 * applies defaults, rejects missing required ones and values outside an enumeration. Undeclared properties pass
 * through unchanged (eKuiper ignores unknown properties too).
 */
public final class Configs {

    private Configs() {
    }

    /** @throws IllegalArgumentException naming the property and the problem */
    public static ConnectorConfig validate(ConnectorDescriptor d, String datasource, Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (props != null) {
            out.putAll(props);
        }
        for (PropertyDecl p : d.properties()) {
            if (!out.containsKey(p.name())) {
                // eKuiper reads properties case-insensitively (etc files are often lower-cased)
                for (String k : new ArrayList<>(out.keySet())) {
                    if (k.equalsIgnoreCase(p.name())) {
                        out.put(p.name(), out.remove(k));
                        break;
                    }
                }
            }
            Object v = out.get(p.name());
            if (v == null || (v instanceof String s && s.isEmpty() && p.type() != PropertyType.STRING
                    && p.type() != PropertyType.SECRET)) {
                if (p.defaultValue() != null) {
                    out.put(p.name(), p.defaultValue());
                } else {
                    out.remove(p.name());
                    if (p.required()) {
                        throw new IllegalArgumentException(d.type() + " " + d.kind().id() + " is missing property "
                                + p.name());
                    }
                }
                continue;
            }
            Object converted = convert(d, p, v);
            if (!p.options().isEmpty() && !p.options().contains(String.valueOf(converted))) {
                throw new IllegalArgumentException(d.type() + " " + d.kind().id() + " property " + p.name()
                        + ": invalid value " + v + ", expected one of " + String.join(", ", p.options()));
            }
            out.put(p.name(), converted);
        }
        return new Impl(datasource, out);
    }

    private static Object convert(ConnectorDescriptor d, PropertyDecl p, Object v) {
        String where = d.type() + " " + d.kind().id() + " property " + p.name();
        try {
            switch (p.type()) {
                case STRING, SECRET:
                    if (v instanceof Map || v instanceof List) {
                        throw new IllegalArgumentException("expected a string");
                    }
                    return String.valueOf(v);
                case INTEGER:
                    if (v instanceof Number n) {
                        if (n.doubleValue() != Math.rint(n.doubleValue())) {
                            throw new IllegalArgumentException("expected an integer");
                        }
                        return n.longValue();
                    }
                    return Long.parseLong(String.valueOf(v).trim());
                case FLOAT:
                    if (v instanceof Number n) {
                        return n.doubleValue();
                    }
                    return Double.parseDouble(String.valueOf(v).trim());
                case BOOLEAN:
                    if (v instanceof Boolean b) {
                        return b;
                    }
                    String s = String.valueOf(v).trim();
                    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(s);
                    }
                    throw new IllegalArgumentException("expected true or false");
                case DURATION:
                    return Durations.parse(v);
                case LIST:
                    if (v instanceof List) {
                        return v;
                    }
                    List<String> items = new ArrayList<>();
                    for (String part : String.valueOf(v).split(",")) {
                        if (!part.isBlank()) {
                            items.add(part.trim());
                        }
                    }
                    return items;
                case MAP:
                    if (v instanceof Map) {
                        return v;
                    }
                    throw new IllegalArgumentException("expected an object");
                default:
                    return v;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": invalid value " + v + " (expected a number)");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": invalid value " + v + " (" + e.getMessage() + ")");
        }
    }

    /** The validated configuration handed to connectors. */
    static final class Impl implements ConnectorConfig {
        private final String datasource;
        private final Map<String, Object> values;

        Impl(String datasource, Map<String, Object> values) {
            this.datasource = datasource;
            this.values = Collections.unmodifiableMap(values);
        }

        @Override
        public String datasource() {
            return datasource;
        }

        @Override
        public Map<String, Object> asMap() {
            return values;
        }

        @Override
        public Object get(String name) {
            return values.get(name);
        }

        @Override
        public String getString(String name) {
            Object v = values.get(name);
            return v == null ? null : String.valueOf(v);
        }

        @Override
        public long getLong(String name) {
            Object v = values.get(name);
            if (v instanceof Number n) {
                return n.longValue();
            }
            return v == null ? 0 : Long.parseLong(String.valueOf(v).trim());
        }

        @Override
        public double getDouble(String name) {
            Object v = values.get(name);
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            return v == null ? 0 : Double.parseDouble(String.valueOf(v).trim());
        }

        @Override
        public boolean getBoolean(String name) {
            Object v = values.get(name);
            return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(String.valueOf(v).trim());
        }

        @Override
        public Duration getDuration(String name) {
            Object v = values.get(name);
            return v == null ? Duration.ZERO : Durations.parse(v);
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<String> getStringList(String name) {
            Object v = values.get(name);
            if (v instanceof List<?> l) {
                List<String> out = new ArrayList<>();
                for (Object o : l) {
                    out.add(String.valueOf(o));
                }
                return out;
            }
            if (v == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String s : String.valueOf(v).split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
            return out;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> getMap(String name) {
            Object v = values.get(name);
            return v instanceof Map ? (Map<String, Object>) v : Map.of();
        }

        @Override
        public boolean has(String name) {
            return values.containsKey(name);
        }
    }
}
