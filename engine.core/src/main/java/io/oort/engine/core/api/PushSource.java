package io.oort.engine.core.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source that receives data by itself (a subscription, a listening socket) and pushes it to the engine.
 *
 * <p>Threading: {@link SourceIngest} may be called from any thread the connector owns (for example its client
 * library's callback thread). The ingest call only hands the message off; it blocks only when the rule's input
 * buffer is full and the rule asked for back-pressure (the default), which is how a slow rule slows its source
 * down instead of losing data.
 */
@ConsumerType
public interface PushSource extends Connector {

    /** Starts delivering data to {@code ingest} until {@link #close} is called. */
    void subscribe(ConnectorContext ctx, SourceIngest ingest) throws ConnectorException;
}
