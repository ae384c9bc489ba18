package io.oort.engine.core.api.format;

import org.osgi.annotation.versioning.ConsumerType;

/** Turns a sink's data into a payload. */
@ConsumerType
@FunctionalInterface
public interface FormatEncoder {

    /**
     * @param data a row ({@code Map<String, Object>}), a list of rows, or the value a data template produced
     * @throws FormatException when the data cannot be written in this format; the engine reports it in the sink's
     *                         metrics and drops that result
     */
    byte[] encode(Object data) throws FormatException;
}
