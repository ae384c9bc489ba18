package io.oort.engine.core.internal.format;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.oort.engine.sql.ast.StreamField;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.Strictness;

/**
 * FORMAT="delimited": one line split by DELIMITER. With a schema the pieces fill the columns in order and are
 * converted to the declared types (eKuiper keeps strings until strict validation; Oort converts leniently);
 * without one they are {@code col0, col1, ...} strings.
 */
final class DelimitedDecoder implements Decoder {

    private final String emitter;
    private final String delimiter;
    private final String[] names;
    private final String[] types;
    private final boolean markMissing;

    DelimitedDecoder(StreamStatement st) {
        this(st, false);
    }

    /** @param markMissing whether declared columns the line does not have get {@link StrictSchema#MISSING} */
    DelimitedDecoder(StreamStatement st, boolean markMissing) {
        this.emitter = st.name();
        this.markMissing = markMissing;
        this.delimiter = st.options().delimiter();
        if (st.schemaless()) {
            names = null;
            types = null;
        } else {
            names = new String[st.fields().size()];
            types = new String[names.length];
            int i = 0;
            for (StreamField f : st.fields()) {
                names[i] = f.name();
                types[i++] = f.type().kind().name().toLowerCase();
            }
        }
    }

    @Override
    public void decode(byte[] payload, Map<String, Object> meta, long timestamp, Consumer<Tuple> out)
            throws DecodeException {
        String line = new String(payload, StandardCharsets.UTF_8);
        if (line.endsWith("\n")) {
            line = line.substring(0, line.length() - 1);
        }
        String[] tokens = line.split(java.util.regex.Pattern.quote(delimiter), -1);
        if (names == null) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < tokens.length; i++) {
                m.put("col" + i, tokens[i]);
            }
            out.accept(Tuple.ofMap(emitter, m, meta, timestamp));
            return;
        }
        Object[] values = new Object[names.length];
        if (markMissing) {
            java.util.Arrays.fill(values, Math.min(tokens.length, names.length), names.length, StrictSchema.MISSING);
        }
        try {
            for (int i = 0; i < names.length && i < tokens.length; i++) {
                values[i] = convert(tokens[i], types[i]);
            }
        } catch (EvalException e) {
            throw new DecodeException(e.getMessage());
        }
        out.accept(Tuple.ofValues(emitter, names, values, meta, timestamp));
    }

    private static Object convert(String s, String type) {
        return switch (type) {
            case "bigint" -> Cast.toLong(s.trim(), Strictness.CONVERT_ALL);
            case "float" -> Cast.toDouble(s.trim(), Strictness.CONVERT_ALL);
            case "boolean" -> Cast.toBool(s.trim(), Strictness.CONVERT_ALL);
            case "bytea" -> Cast.toByteA(s, Strictness.CONVERT_ALL);
            default -> s;
        };
    }

    @Override
    public void decodeMap(Map<String, Object> value, Map<String, Object> meta, long timestamp, Consumer<Tuple> out) {
        out.accept(Tuple.ofMap(emitter, MapCoercion.normalizeMap(value), meta, timestamp));
    }
}
