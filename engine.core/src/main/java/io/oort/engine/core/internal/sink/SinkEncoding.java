package io.oort.engine.core.internal.sink;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.internal.format.Encoder;
import io.oort.engine.core.internal.format.FormatRegistry;
import io.oort.engine.core.internal.format.Formats;
import io.oort.engine.core.internal.sink.SinkTransform.Item;
import io.oort.engine.core.internal.sink.SinkTransform.TransformException;
import io.oort.engine.core.internal.template.GoData;
import io.oort.engine.core.internal.template.TemplateException;

/**
 * Turns transformed items into what the connector takes: encoded (and compressed) bytes for byte sinks, rows for
 * row sinks. A batch is encoded the way eKuiper's batch writers do it: JSON as one array of the items' encodings,
 * delimited as a header line then one line per item, other formats as the items' encodings concatenated.
 */
final class SinkEncoding {

    private final String format;
    private final String delimiter;
    private final Encoder encoder;
    private final Encoder batchEncoder;
    private final Compression compression;

    SinkEncoding(SinkProps p, Map<String, Object> props, FormatRegistry formats)
            throws FormatRegistry.Missing, io.oort.engine.core.api.format.FormatException {
        this.format = p.format;
        this.delimiter = p.delimiter;
        this.encoder = Formats.encoder(p.format, p.delimiter, p.hasHeader, props, formats);
        this.batchEncoder = "delimited".equals(p.format) ? Formats.encoder(p.format, p.delimiter, false) : encoder;
        this.compression = p.compression == null ? null : Compression.of(p.compression, p.compressionProps);
    }

    /** The payload of one item: encoded with the format, then compressed. */
    byte[] payload(Item item) throws TransformException {
        return compress(encode(encoder, item));
    }

    /** The payload of a batch of items. */
    byte[] payload(List<Item> batch) throws TransformException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        switch (format) {
            case "json" -> {
                out.write('[');
                for (int i = 0; i < batch.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.writeBytes(encode(batchEncoder, batch.get(i)));
                }
                out.write(']');
            }
            case "delimited" -> {
                out.writeBytes(String.join(delimiter, header(batch.get(0))).getBytes(StandardCharsets.UTF_8));
                for (Item item : batch) {
                    out.write('\n');
                    out.writeBytes(encode(batchEncoder, item));
                }
            }
            default -> {
                for (Item item : batch) {
                    out.writeBytes(encode(batchEncoder, item));
                }
            }
        }
        return compress(out.toByteArray());
    }

    /** The rows of a row sink's message encoded with the format, for a row sink that asks for bytes anyway. */
    byte[] payloadOfRows(List<Map<String, Object>> rows) {
        return encoder.encodeRows(rows);
    }

    /** The rows of one item, for row sinks (a template's output is decoded as JSON, as eKuiper decodes it). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows(Item item) throws TransformException {
        Object v = item.value();
        if (v instanceof byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8);
            try {
                v = GoData.parseJson(text);
            } catch (TemplateException e) {
                throw new TransformException("fail to decode data " + text + " for error " + e.getMessage());
            }
            if (v instanceof List<?> l) {
                for (Object o : l) {
                    if (!(o instanceof Map<?, ?>)) {
                        throw new TransformException("only map[string]any inside a list is supported but got: "
                                + GoData.sprint(o));
                    }
                }
            } else if (!(v instanceof Map<?, ?>)) {
                throw new TransformException("unsupported decode result type: " + GoData.sprint(v));
            }
        }
        if (v instanceof Map<?, ?> m) {
            return List.of((Map<String, Object>) m);
        }
        return (List<Map<String, Object>>) v;
    }

    /** The rows of a batch: every item's rows, in order (eKuiper's batch merger). */
    List<Map<String, Object>> rows(List<Item> batch) throws TransformException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Item item : batch) {
            out.addAll(rows(item));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static byte[] encode(Encoder e, Item item) throws TransformException {
        Object v = item.value();
        try {
            if (v instanceof byte[] raw) {
                return raw;
            }
            if (v instanceof Map<?, ?> m) {
                return e.encodeRow((Map<String, Object>) m);
            }
            return e.encodeRows((List<Map<String, Object>>) v);
        } catch (IllegalArgumentException ex) {
            throw new TransformException(String.valueOf(ex.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> header(Item first) {
        Object v = first.value();
        Map<String, Object> row = null;
        if (v instanceof Map<?, ?> m) {
            row = (Map<String, Object>) m;
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            row = (Map<String, Object>) l.get(0);
        }
        if (row == null) {
            return List.of();
        }
        List<String> cols = new ArrayList<>(row.keySet());
        Collections.sort(cols);
        return cols;
    }

    private byte[] compress(byte[] b) {
        return compression == null ? b : compression.compress(b);
    }
}
