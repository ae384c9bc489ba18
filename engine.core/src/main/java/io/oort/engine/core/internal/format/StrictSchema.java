package io.oort.engine.core.internal.format;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.oort.engine.sql.ast.DataType;
import io.oort.engine.sql.ast.StreamField;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.function.builtin.Timestamps;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.Strictness;

/**
 * STRICT_VALIDATION="true" on a stream with a schema, as eKuiper's preprocessor applies it after decoding: every
 * declared field must be present (or take its DEFAULT), and each value is converted to its declared type with
 * eKuiper's same-kind conversions (an integer into a FLOAT column, a float truncated into a BIGINT one, a
 * DATETIME from epoch milliseconds or a string read with TIMESTAMP_FORMAT); anything else fails the message with
 * {@code error in preprocessor: field x ...}. Decoders mark absent fields with {@link #MISSING} for it.
 */
final class StrictSchema {

    /** What a decoder puts in the slot of a declared field the payload does not have. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    private final String[] names;
    private final DataType[] types;
    private final Object[] defaults;
    private final String timestampFormat;
    private final ZoneId zone;

    private StrictSchema(StreamStatement st, ZoneId zone) {
        List<StreamField> fields = st.fields();
        names = new String[fields.size()];
        types = new DataType[names.length];
        defaults = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).name();
            types[i] = fields.get(i).type();
            defaults[i] = fields.get(i).defaultValue();
        }
        this.timestampFormat = st.options().timestampFormat();
        this.zone = zone;
    }

    /** The strict schema of a stream, or null when the stream does not ask for one (or has no schema). */
    static StrictSchema of(StreamStatement st, ZoneId zone) {
        if (!st.options().strictValidation() || st.schemaless() || "binary".equals(st.options().format())) {
            return null;
        }
        return new StrictSchema(st, zone);
    }

    /** Checks and converts the values of one decoded row in place. */
    void apply(Object[] values) throws DecodeException {
        for (int i = 0; i < names.length; i++) {
            Object v = values[i];
            if (v == MISSING) {
                if (defaults[i] == null) {
                    throw new DecodeException("error in preprocessor: field " + names[i] + " is not found");
                }
                values[i] = defaults[i];
                continue;
            }
            try {
                values[i] = convert(v, types[i]);
            } catch (EvalException e) {
                throw new DecodeException("error in preprocessor: field " + names[i] + " type mismatch: "
                        + e.getMessage());
            }
        }
    }

    private Object convert(Object v, DataType t) {
        if (t instanceof DataType.Array a) {
            if (v == null) {
                return null;
            }
            if (!(v instanceof List<?> l)) {
                throw new EvalException("expect array but got " + GoFormat.v(v));
            }
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) {
                try {
                    out.add(convert(e, a.element()));
                } catch (EvalException ex) {
                    throw new EvalException("array element type mismatch: " + ex.getMessage());
                }
            }
            return out;
        }
        if (t instanceof DataType.Struct s) {
            if (v == null) {
                return null;
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw new EvalException("expect map but found " + GoFormat.v(v));
            }
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (StreamField f : s.fields()) {
                if (!m.containsKey(f.name())) {
                    throw new EvalException("field " + f.name() + " is not found");
                }
                try {
                    out.put(f.name(), convert(m.get(f.name()), f.type()));
                } catch (EvalException ex) {
                    throw new EvalException("field " + f.name() + " type mismatch: " + ex.getMessage());
                }
            }
            return out;
        }
        return switch (t.kind()) {
            case BIGINT -> v instanceof Long ? v : Cast.toLong(v, Strictness.CONVERT_SAMEKIND);
            case FLOAT -> v instanceof Double ? v : Cast.toDouble(v, Strictness.CONVERT_SAMEKIND);
            case BOOLEAN -> v instanceof Boolean ? v : Cast.toBool(v, Strictness.CONVERT_SAMEKIND);
            case STRING -> v instanceof String ? v : Cast.toStr(v, Strictness.CONVERT_SAMEKIND);
            case BYTEA -> Cast.toByteA(v, Strictness.CONVERT_SAMEKIND);
            case DATETIME -> Timestamps.toInstant(v, timestampFormat, zone, System.currentTimeMillis());
            default -> v;
        };
    }

    /** A decoder whose rows go through the strict schema. */
    static Decoder wrap(Decoder inner, StrictSchema strict) {
        return new Decoder() {
            @Override
            public void decode(byte[] payload, Map<String, Object> meta, long timestamp, Consumer<Tuple> out)
                    throws DecodeException {
                List<Tuple> rows = new ArrayList<>(1);
                inner.decode(payload, meta, timestamp, rows::add);
                emit(rows, out);
            }

            @Override
            public void decodeMap(Map<String, Object> value, Map<String, Object> meta, long timestamp,
                    Consumer<Tuple> out) throws DecodeException {
                List<Tuple> rows = new ArrayList<>(1);
                inner.decodeMap(value, meta, timestamp, rows::add);
                emit(rows, out);
            }

            private void emit(List<Tuple> rows, Consumer<Tuple> out) throws DecodeException {
                for (Tuple t : rows) {
                    strict.apply(t.values);
                }
                rows.forEach(out);
            }
        };
    }
}
