package io.oort.engine.core.internal.plugin;

import io.oort.engine.core.api.ConnectorKind;

/** A connector type of a kind that a plugin bundle provides. */
public record ConnectorOffer(ConnectorKind kind, String type) {

    @Override
    public String toString() {
        return kind.id() + " " + type;
    }
}
