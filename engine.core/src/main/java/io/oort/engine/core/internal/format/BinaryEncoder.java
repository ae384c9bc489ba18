package io.oort.engine.core.internal.format;

import java.util.List;
import java.util.Map;

/** FORMAT="binary" for sinks: the bytes of a bytea value (a row must hold exactly one bytea column). */
final class BinaryEncoder implements Encoder {

    static final BinaryEncoder INSTANCE = new BinaryEncoder();

    @Override
    public byte[] encodeRows(List<Map<String, Object>> rows) {
        if (rows.size() != 1) {
            throw new IllegalArgumentException("binary format needs one row per message (set sendSingle)");
        }
        return encodeRow(rows.get(0));
    }

    @Override
    public byte[] encodeRow(Map<String, Object> row) {
        for (Object v : row.values()) {
            if (v instanceof byte[] b) {
                return b;
            }
        }
        throw new IllegalArgumentException("binary format needs a bytea column in the result");
    }

    @Override
    public byte[] encodeValue(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("binary format needs bytes");
    }
}
