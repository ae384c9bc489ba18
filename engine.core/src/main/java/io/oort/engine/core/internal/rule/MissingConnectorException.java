package io.oort.engine.core.internal.rule;

import io.oort.engine.core.api.ConnectorKind;

/** A rule needs a connector type (or payload format) that is not installed; the rule waits for it and starts when it appears. */
public class MissingConnectorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ConnectorKind kind;
    private final String type;

    public MissingConnectorException(ConnectorKind kind, String type) {
        this("connector " + type + " is not installed", kind, type);
    }

    private MissingConnectorException(String message, ConnectorKind kind, String type) {
        super(message, null, false, false);
        this.kind = kind;
        this.type = type;
    }

    /** A payload format that is not installed ({@link #kind()} is null). */
    public static MissingConnectorException format(String name) {
        return new MissingConnectorException("format " + name + " is not installed", null, name);
    }

    public ConnectorKind kind() {
        return kind;
    }

    public String type() {
        return type;
    }
}
