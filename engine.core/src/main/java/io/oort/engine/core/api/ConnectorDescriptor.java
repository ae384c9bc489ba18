package io.oort.engine.core.api;

import java.util.List;
import java.util.Objects;

/**
 * What a provider offers. One declaration of the properties drives validation, REST metadata and shell help.
 *
 * @param type        the connector type, e.g. {@code mqtt}
 * @param kind        source, sink or lookup
 * @param payload     whether the connector exchanges encoded bytes or decoded rows with the engine
 * @param description one sentence for humans
 * @param properties  every property the connector understands
 */
public record ConnectorDescriptor(String type, ConnectorKind kind, Payload payload, String description,
        List<PropertyDecl> properties) {

    /** How data crosses the connector boundary. */
    public enum Payload {
        /** Sources deliver raw bytes that the engine decodes with the stream FORMAT; sinks get encoded bytes. */
        BYTES,
        /** Sources deliver maps; sinks get rows (no encoding). */
        TUPLES
    }

    public ConnectorDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        description = description == null ? "" : description;
        properties = List.copyOf(properties == null ? List.of() : properties);
    }

    /** The declaration of {@code name}, or null. */
    public PropertyDecl property(String name) {
        for (PropertyDecl p : properties) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
