package io.oort.engine.core.api;

import java.util.List;
import java.util.Objects;

/**
 * The declaration of one connector property.
 *
 * @param name         the property name exactly as users write it (eKuiper's spelling)
 * @param type         its type
 * @param defaultValue the value used when absent, or null
 * @param required     whether a value must be given (after defaults and conf keys)
 * @param description  one sentence for humans
 * @param options      the allowed values for an enumerated property, else empty
 */
public record PropertyDecl(String name, PropertyType type, Object defaultValue, boolean required, String description,
        List<String> options) {

    public PropertyDecl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        options = List.copyOf(options == null ? List.of() : options);
    }

    /** An optional property with a default. */
    public static PropertyDecl optional(String name, PropertyType type, Object defaultValue, String description) {
        return new PropertyDecl(name, type, defaultValue, false, description, List.of());
    }

    /** A required property. */
    public static PropertyDecl required(String name, PropertyType type, String description) {
        return new PropertyDecl(name, type, null, true, description, List.of());
    }

    /** An optional string property restricted to {@code options}. */
    public static PropertyDecl oneOf(String name, String defaultValue, String description, String... options) {
        return new PropertyDecl(name, PropertyType.STRING, defaultValue, false, description, List.of(options));
    }
}
