package io.oort.connector.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.PropertyDecl;

/** A test-only stand-in for the engine's validated configuration: defaults applied, declared types converted. */
public final class TestConfig implements ConnectorConfig {
    private final String datasource;
    private final Map<String, Object> values = new HashMap<>();

    private TestConfig(String datasource) {
        this.datasource = datasource;
    }

    public static TestConfig of(ConnectorDescriptor descriptor, String datasource, Map<String, ?> given) {
        TestConfig c = new TestConfig(datasource);
        for (PropertyDecl d : descriptor.properties()) {
            if (d.defaultValue() != null) {
                c.values.put(d.name(), d.defaultValue());
            }
        }
        given.forEach((k, v) -> {
            PropertyDecl d = descriptor.property(k);
            c.values.put(k, d == null ? v : convert(d, v));
        });
        return c;
    }

    private static Object convert(PropertyDecl d, Object v) {
        if (v == null) {
            return null;
        }
        return switch (d.type()) {
            case INTEGER -> v instanceof Number n ? n.longValue() : Long.parseLong(v.toString());
            case FLOAT -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
            case BOOLEAN -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
            case STRING, SECRET -> v.toString();
            default -> v;
        };
    }

    @Override
    public String datasource() {
        return datasource;
    }

    @Override
    public Map<String, Object> asMap() {
        return Map.copyOf(values);
    }

    @Override
    public Object get(String name) {
        return values.get(name);
    }

    @Override
    public String getString(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    @Override
    public long getLong(String name) {
        Object v = values.get(name);
        return v instanceof Number n ? n.longValue() : v == null ? 0 : Long.parseLong(v.toString());
    }

    @Override
    public double getDouble(String name) {
        Object v = values.get(name);
        return v instanceof Number n ? n.doubleValue() : v == null ? 0 : Double.parseDouble(v.toString());
    }

    @Override
    public boolean getBoolean(String name) {
        Object v = values.get(name);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
    }

    @Override
    public Duration getDuration(String name) {
        Object v = values.get(name);
        return v instanceof Duration d ? d : v instanceof Number n ? Duration.ofMillis(n.longValue()) : Duration.ZERO;
    }

    @Override
    public List<String> getStringList(String name) {
        Object v = values.get(name);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String name) {
        Object v = values.get(name);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @Override
    public boolean has(String name) {
        return values.containsKey(name) && values.get(name) != null;
    }
}
