package io.oort.engine.core.internal.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** JSON results, byte-identical to eKuiper's (Go encoding/json). */
public final class JsonEncoder implements Encoder {

    public static final JsonEncoder INSTANCE = new JsonEncoder();

    @Override
    public byte[] encodeRows(List<Map<String, Object>> rows) {
        return GoJson.bytes(rows);
    }

    @Override
    public byte[] encodeRow(Map<String, Object> row) {
        return GoJson.bytes(row);
    }

    @Override
    public byte[] encodeValue(Object value) {
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof byte[] b) {
            return b;
        }
        return GoJson.bytes(value);
    }
}
