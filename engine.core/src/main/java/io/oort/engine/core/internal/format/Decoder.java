package io.oort.engine.core.internal.format;

import java.util.Map;
import java.util.function.Consumer;

import io.oort.engine.sql.eval.Tuple;

/**
 * Turns a raw payload into tuples of a stream (one payload may hold several rows, e.g. a JSON array).
 * Implementations are stateless after construction and safe to share between threads.
 */
public interface Decoder {

    void decode(byte[] payload, Map<String, Object> meta, long timestamp, Consumer<Tuple> out) throws DecodeException;

    /** Decodes an already-decoded map (sources that deliver tuples) with the same schema rules. */
    void decodeMap(Map<String, Object> value, Map<String, Object> meta, long timestamp, Consumer<Tuple> out)
            throws DecodeException;
}
