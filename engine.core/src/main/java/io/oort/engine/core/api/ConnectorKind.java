package io.oort.engine.core.api;

import java.util.Locale;

/** The role a connector plays in a rule. */
public enum ConnectorKind {
    SOURCE, SINK, LOOKUP;

    /** The service-property spelling: {@code source}, {@code sink}, {@code lookup}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the service-property spelling; null when unknown. */
    public static ConnectorKind of(Object id) {
        if (id == null) {
            return null;
        }
        for (ConnectorKind k : values()) {
            if (k.id().equals(String.valueOf(id).trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        return null;
    }
}
