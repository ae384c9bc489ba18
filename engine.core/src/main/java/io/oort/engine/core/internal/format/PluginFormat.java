package io.oort.engine.core.internal.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.oort.engine.core.api.format.FormatContext;
import io.oort.engine.core.api.format.FormatDecoder;
import io.oort.engine.core.api.format.FormatEncoder;
import io.oort.engine.core.api.format.FormatException;
import io.oort.engine.sql.ast.StreamField;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.Tuple;

/**
 * Plugin formats behind the engine's decoder and encoder interfaces. A plugin decoder yields maps; the stream's
 * schema is then applied to them as for JSON maps. A plugin that throws anything unexpected is reported like a
 * malformed payload, never allowed to stop the rule.
 */
final class PluginFormat {

    private PluginFormat() {
    }

    record Context(String format, String schemaId, List<String> fields, Map<String, Object> properties)
            implements FormatContext {
    }

    static Decoder decoder(FormatRegistry.Entry e, StreamStatement st, boolean markMissing) throws FormatException {
        List<String> fields = st.schemaless() ? List.of() : st.fields().stream().map(StreamField::name).toList();
        Map<String, Object> props = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(st.options().asMap()));
        String schemaId = st.options().schemaId();
        FormatDecoder plugin = e.provider().decoder(new Context(e.name(), schemaId == null ? "" : schemaId, fields,
                props));
        if (plugin == null) {
            throw new FormatException("format " + e.name() + " returned no decoder");
        }
        return new PluginDecoder(e.name(), plugin, new JsonDecoder(st, false, markMissing));
    }

    static Encoder encoder(FormatRegistry.Entry e, Map<String, Object> sinkProps) throws FormatException {
        Object sid = sinkProps.get("schemaId");
        FormatEncoder plugin = e.provider().encoder(new Context(e.name(), sid == null ? "" : String.valueOf(sid),
                List.of(), Collections.unmodifiableMap(sinkProps)));
        if (plugin == null) {
            throw new FormatException("format " + e.name() + " returned no encoder");
        }
        return new PluginEncoder(e.name(), plugin);
    }

    private record PluginDecoder(String name, FormatDecoder plugin, JsonDecoder schema) implements Decoder {

        @Override
        public void decode(byte[] payload, Map<String, Object> meta, long timestamp, Consumer<Tuple> out)
                throws DecodeException {
            List<Map<String, Object>> rows = new ArrayList<>(1);
            try {
                plugin.decode(payload, rows::add);
            } catch (FormatException ex) {
                throw new DecodeException(name + " decode error: " + ex.getMessage());
            } catch (RuntimeException ex) {
                throw new DecodeException(name + " decoder failed: " + ex);
            }
            for (Map<String, Object> row : rows) {
                if (row != null) {
                    schema.decodeMap(row, meta, timestamp, out);
                }
            }
        }

        @Override
        public void decodeMap(Map<String, Object> value, Map<String, Object> meta, long timestamp,
                Consumer<Tuple> out) throws DecodeException {
            schema.decodeMap(value, meta, timestamp, out);
        }
    }

    private record PluginEncoder(String name, FormatEncoder plugin) implements Encoder {

        @Override
        public byte[] encodeRows(List<Map<String, Object>> rows) {
            return encode(rows);
        }

        @Override
        public byte[] encodeRow(Map<String, Object> row) {
            return encode(row);
        }

        @Override
        public byte[] encodeValue(Object value) {
            return encode(value);
        }

        private byte[] encode(Object v) {
            try {
                byte[] b = plugin.encode(v);
                if (b == null) {
                    throw new IllegalArgumentException(name + " encoder returned nothing");
                }
                return b;
            } catch (FormatException ex) {
                throw new IllegalArgumentException(name + " encode error: " + ex.getMessage());
            } catch (RuntimeException ex) {
                if (ex instanceof IllegalArgumentException) {
                    throw ex;
                }
                throw new IllegalArgumentException(name + " encoder failed: " + ex);
            }
        }
    }
}
