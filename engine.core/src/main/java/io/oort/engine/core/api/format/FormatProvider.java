package io.oort.engine.core.api.format;

import org.osgi.annotation.versioning.ConsumerType;

/** A payload format, registered as a service with the property {@value #NAME}. */
@ConsumerType
public interface FormatProvider {

    /** Service property: the format's name as streams and sinks write it (case-insensitive). */
    String NAME = "oort.format.name";

    /**
     * A decoder for one stream (or one shared source). Called when a rule starts; the decoder is then called from
     * one thread at a time.
     *
     * @throws FormatException when the context is unusable (e.g. a schema id the format does not know)
     */
    FormatDecoder decoder(FormatContext context) throws FormatException;

    /** An encoder for one sink action; called from one thread at a time. */
    FormatEncoder encoder(FormatContext context) throws FormatException;
}
