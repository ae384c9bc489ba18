package io.oort.engine.core.internal.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.Tuple;

/** FORMAT="binary": the whole payload as one bytea column (its declared name, or {@code self}). */
final class BinaryDecoder implements Decoder {

    private final String emitter;
    private final String field;
    private final boolean schema;

    BinaryDecoder(StreamStatement st) {
        this.emitter = st.name();
        this.schema = !st.schemaless();
        this.field = schema ? st.fields().get(0).name() : "self";
    }

    @Override
    public void decode(byte[] payload, Map<String, Object> meta, long timestamp, Consumer<Tuple> out) {
        if (schema) {
            out.accept(Tuple.ofValues(emitter, new String[] {field}, new Object[] {payload}, meta, timestamp));
        } else {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(field, payload);
            out.accept(Tuple.ofMap(emitter, m, meta, timestamp));
        }
    }

    @Override
    public void decodeMap(Map<String, Object> value, Map<String, Object> meta, long timestamp, Consumer<Tuple> out) {
        out.accept(Tuple.ofMap(emitter, MapCoercion.normalizeMap(value), meta, timestamp));
    }
}
