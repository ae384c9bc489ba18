package io.oort.engine.core.api;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** Where a source hands its data to the engine. Implemented by the engine; safe to call from any thread. */
@ProviderType
public interface SourceIngest {

    /**
     * Hands over one raw message; the engine decodes it with the stream's FORMAT.
     *
     * @param payload   the raw bytes; the engine does not keep a reference after decoding, so the caller may not
     *                  reuse the array afterwards
     * @param meta      metadata readable in SQL through {@code meta(key)} (for example {@code topic}); may be empty
     * @param timestamp when the message was received, in epoch milliseconds of the engine clock
     */
    void ingest(byte[] payload, Map<String, Object> meta, long timestamp);

    /** Hands over one already decoded message (for sources whose client library decodes itself). */
    void ingestTuple(Map<String, Object> tuple, Map<String, Object> meta, long timestamp);

    /** Reports an error that concerns one message or a transient condition; the rule keeps running. */
    void error(Throwable error);
}
