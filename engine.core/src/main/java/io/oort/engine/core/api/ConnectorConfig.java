package io.oort.engine.core.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Validated connector properties: every declared property converted to its declared type, defaults applied.
 * Properties that were given but not declared are kept as given (connectors may accept free-form extras).
 * Implemented by the engine.
 */
@ProviderType
public interface ConnectorConfig {

    /** The stream's DATASOURCE (topic, table, path…) for sources and lookups; null for sinks. */
    String datasource();

    /** All properties, converted, with defaults. */
    Map<String, Object> asMap();

    /** The raw value, or null. */
    Object get(String name);

    String getString(String name);

    /** The value as a long; {@code 0} when absent. */
    long getLong(String name);

    double getDouble(String name);

    boolean getBoolean(String name);

    /** A {@link PropertyType#DURATION} property; {@link Duration#ZERO} when absent. */
    Duration getDuration(String name);

    /** A list property as strings; empty when absent. */
    List<String> getStringList(String name);

    /** A map property; empty when absent. */
    Map<String, Object> getMap(String name);

    /** Whether the property was given or has a default. */
    boolean has(String name);
}
