package io.oort.engine.core.internal.rule;

import io.oort.engine.core.api.ConnectorKind;

/** A rule needs a connector type that is not installed; the rule waits for it and starts when it appears. */
public class MissingConnectorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ConnectorKind kind;
    private final String type;

    public MissingConnectorException(ConnectorKind kind, String type) {
        super("connector " + type + " is not installed", null, false, false);
        this.kind = kind;
        this.type = type;
    }

    public ConnectorKind kind() {
        return kind;
    }

    public String type() {
        return type;
    }
}
