package io.oort.engine.core.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source that answers point queries for lookup tables ({@code CREATE TABLE ... WITH (KIND="lookup")}).
 * Caching of results is done by the engine according to the table's lookup options.
 */
@ConsumerType
public interface LookupSource extends Connector {

    /**
     * Returns the rows whose {@code keys} columns equal {@code values} (same order). An empty list means no match.
     *
     * @param fields the columns the rule needs; empty means all
     * @param keys   the key column names
     * @param values the values to match, one per key
     */
    List<Map<String, Object>> lookup(ConnectorContext ctx, List<String> fields, List<String> keys, List<Object> values)
            throws ConnectorException;
}
