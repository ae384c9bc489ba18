package io.oort.engine.core.internal.runtime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.internal.util.TypedValues;
import io.oort.engine.sql.eval.Tuple;

/**
 * A rule's state in a checkpoint: tuples and rows over {@link TypedValues#exact} values, which keep their Java type
 * (a BIGINT stays a Long, a float a Double, maps their order), so a restored rule computes what the uninterrupted
 * one would have. A value of a type it does not know (a plugin function's private state object) fails the
 * checkpoint with {@link TypedValues.Unsupported}; the rule keeps running.
 */
final class StateCodec {

    private static final TypedValues VALUES = TypedValues.exact("checkpoint");

    private StateCodec() {
    }

    /** Writes state, in the order {@link In} reads it. */
    static final class Out {
        private final DataOutputStream out;

        Out(DataOutputStream out) {
            this.out = out;
        }

        void writeLong(long v) throws IOException {
            out.writeLong(v);
        }

        void writeInt(int v) throws IOException {
            out.writeInt(v);
        }

        void writeBoolean(boolean v) throws IOException {
            out.writeBoolean(v);
        }

        void writeString(String s) throws IOException {
            VALUES.writeString(out, s);
        }

        void writeValue(Object v) throws IOException {
            VALUES.write(out, v);
        }

        void writeTuple(Tuple t) throws IOException {
            out.writeBoolean(t != null);
            if (t == null) {
                return;
            }
            writeString(t.emitter);
            out.writeLong(t.timestamp);
            writeValue(t.meta);
            out.writeBoolean(t.values != null);
            if (t.values != null) {
                writeValue(Arrays.asList(t.names));
                writeValue(Arrays.asList(t.values));
            } else {
                writeValue(t.map);
            }
        }

        void writeRows(List<Row> rows) throws IOException {
            out.writeInt(rows.size());
            for (Row r : rows) {
                out.writeLong(r.timestamp);
                out.writeInt(r.tuples.length);
                for (Tuple t : r.tuples) {
                    writeTuple(t);
                }
                writeValue(r.analytics == null ? null : Arrays.asList(r.analytics));
            }
        }
    }

    /** Reads what {@link Out} wrote. */
    static final class In {
        private final DataInputStream in;

        In(DataInputStream in) {
            this.in = in;
        }

        long readLong() throws IOException {
            return in.readLong();
        }

        int readInt() throws IOException {
            return in.readInt();
        }

        boolean readBoolean() throws IOException {
            return in.readBoolean();
        }

        String readString() throws IOException {
            return VALUES.readString(in);
        }

        Object readValue() throws IOException {
            return VALUES.read(in);
        }

        @SuppressWarnings("unchecked")
        Tuple readTuple() throws IOException {
            if (!in.readBoolean()) {
                return null;
            }
            String emitter = readString();
            long ts = in.readLong();
            Map<String, Object> meta = (Map<String, Object>) readValue();
            if (in.readBoolean()) {
                String[] names = ((List<Object>) readValue()).toArray(new String[0]);
                Object[] values = ((List<Object>) readValue()).toArray();
                return Tuple.ofValues(emitter, names, values, meta, ts);
            }
            return Tuple.ofMap(emitter, (Map<String, Object>) readValue(), meta, ts);
        }

        @SuppressWarnings("unchecked")
        List<Row> readRows() throws IOException {
            int n = in.readInt();
            List<Row> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long ts = in.readLong();
                Tuple[] tuples = new Tuple[in.readInt()];
                for (int k = 0; k < tuples.length; k++) {
                    tuples[k] = readTuple();
                }
                List<Object> an = (List<Object>) readValue();
                rows.add(new Row(tuples, an == null ? null : an.toArray(), ts));
            }
            return rows;
        }
    }
}
