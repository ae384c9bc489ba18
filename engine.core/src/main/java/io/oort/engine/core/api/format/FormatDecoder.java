package io.oort.engine.core.api.format;

import java.util.Map;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;

/** Turns payloads into rows. */
@ConsumerType
@FunctionalInterface
public interface FormatDecoder {

    /**
     * Decodes one payload into rows, handing each to {@code rows} (a payload may hold none, one or several).
     *
     * @throws FormatException for a malformed payload: the engine counts it in the rule's metrics, drops the
     *                         payload and goes on
     */
    void decode(byte[] payload, Consumer<Map<String, Object>> rows) throws FormatException;
}
