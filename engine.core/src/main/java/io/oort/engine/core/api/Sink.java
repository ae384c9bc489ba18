package io.oort.engine.core.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes rule results to an external system. The engine has already applied {@code dataTemplate}, {@code fields},
 * {@code dataField}, the format encoder and compression when the provider asked for bytes.
 *
 * <p>Threading: {@code collect} is called by one engine thread at a time per instance.
 *
 * <p>Errors: throw {@link RecoverableException} when the target cannot be reached (network, broker down): the
 * engine keeps the message in its sink cache (when enabled) and resends it later, in order. Any other
 * {@link ConnectorException} drops the message and is counted in the rule's metrics.
 */
@ConsumerType
public interface Sink extends Connector {

    void collect(ConnectorContext ctx, SinkMessage message) throws ConnectorException;
}
