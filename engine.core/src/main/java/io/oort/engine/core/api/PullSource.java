package io.oort.engine.core.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source the engine polls: {@link #pull} is called on the engine's schedule (the {@code interval} property),
 * never concurrently with itself.
 */
@ConsumerType
public interface PullSource extends Connector {

    /**
     * Fetches what is available now and hands it to {@code ingest} before returning.
     *
     * @param triggerMillis the engine clock's time of this poll, in epoch milliseconds
     */
    void pull(ConnectorContext ctx, long triggerMillis, SourceIngest ingest) throws ConnectorException;
}
