package io.oort.engine.core.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The lifecycle every connector shares. The engine calls these methods from one thread at a time, in the order
 * provision → connect → (kind-specific work) → close; {@code close} is called even when an earlier step failed.
 */
@ConsumerType
public interface Connector {

    /**
     * Validates and keeps the configuration. No I/O here: a failure means the configuration is wrong and the rule
     * or stream using it is rejected with the exception's message.
     *
     * @param ctx    the context of the rule and operator this instance serves
     * @param config the properties, already checked against the provider's declarations and defaulted
     */
    void provision(ConnectorContext ctx, ConnectorConfig config) throws ConnectorException;

    /**
     * Opens the connection. Report progress through {@code status}; a connector that cannot connect yet should
     * report {@link ConnectionStatus#DISCONNECTED} and keep trying (or throw {@link RecoverableException} and let the
     * engine retry with backoff) rather than fail the rule.
     */
    void connect(ConnectorContext ctx, StatusListener status) throws ConnectorException;

    /** Releases every resource. Must not throw for an instance that never connected. */
    void close(ConnectorContext ctx) throws ConnectorException;
}
