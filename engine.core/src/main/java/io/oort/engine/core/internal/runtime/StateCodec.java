package io.oort.engine.core.internal.runtime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.function.builtin.AnalyticStates;

/**
 * The binary form of a rule's state in a checkpoint: values keep their exact Java type (a BIGINT stays a Long, a
 * float a Double, maps their order), so a restored rule computes what the uninterrupted one would have. A value of
 * a type it does not know (a plugin function's private state object) fails the checkpoint with
 * {@link NotCheckpointable}; the rule keeps running.
 */
final class StateCodec {

    /** A value a checkpoint cannot hold. */
    static final class NotCheckpointable extends IOException {
        NotCheckpointable(Object v) {
            super("a value of type " + v.getClass().getName() + " cannot be checkpointed");
        }
    }

    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte LONG = 3;
    private static final byte INT = 4;
    private static final byte DOUBLE = 5;
    private static final byte FLOAT = 6;
    private static final byte STRING = 7;
    private static final byte BYTES = 8;
    private static final byte MAP = 9;
    private static final byte LIST = 10;
    private static final byte ARRAY = 11;
    private static final byte INSTANT = 12;
    private static final byte BIG_INTEGER = 13;
    private static final byte BIG_DECIMAL = 14;
    private static final byte ANALYTIC = 15;

    private StateCodec() {
    }

    /** Writes state; the stream's own buffering decides the cost. */
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
            out.writeUTF(s);
        }

        void writeValue(Object v) throws IOException {
            if (v == null) {
                out.writeByte(NULL);
            } else if (v instanceof Boolean b) {
                out.writeByte(b ? TRUE : FALSE);
            } else if (v instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else if (v instanceof Integer i) {
                out.writeByte(INT);
                out.writeInt(i);
            } else if (v instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            } else if (v instanceof Float f) {
                out.writeByte(FLOAT);
                out.writeFloat(f);
            } else if (v instanceof String s) {
                out.writeByte(STRING);
                writeLongString(s);
            } else if (v instanceof byte[] b) {
                out.writeByte(BYTES);
                out.writeInt(b.length);
                out.write(b);
            } else if (v instanceof Map<?, ?> m) {
                out.writeByte(MAP);
                out.writeInt(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    writeLongString(String.valueOf(e.getKey()));
                    writeValue(e.getValue());
                }
            } else if (v instanceof List<?> l) {
                out.writeByte(LIST);
                writeList(l);
            } else if (v instanceof Object[] a) {
                out.writeByte(ARRAY);
                writeList(java.util.Arrays.asList(a));
            } else if (v instanceof Instant t) {
                out.writeByte(INSTANT);
                out.writeLong(t.getEpochSecond());
                out.writeInt(t.getNano());
            } else if (v instanceof BigInteger b) {
                out.writeByte(BIG_INTEGER);
                writeLongString(b.toString());
            } else if (v instanceof BigDecimal b) {
                out.writeByte(BIG_DECIMAL);
                writeLongString(b.toString());
            } else {
                AnalyticStates.Plain p = AnalyticStates.toPlain(v);
                if (p == null) {
                    throw new NotCheckpointable(v);
                }
                out.writeByte(ANALYTIC);
                out.writeUTF(p.kind());
                writeList(p.values());
            }
        }

        private void writeList(List<?> l) throws IOException {
            out.writeInt(l.size());
            for (Object o : l) {
                writeValue(o);
            }
        }

        private void writeLongString(String s) throws IOException {
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        void writeTuple(Tuple t) throws IOException {
            if (t == null) {
                out.writeBoolean(false);
                return;
            }
            out.writeBoolean(true);
            writeValue(t.emitter);
            out.writeLong(t.timestamp);
            writeValue(t.meta);
            if (t.values != null) {
                out.writeBoolean(true);
                writeValue(List.of(t.names));
                writeValue(java.util.Arrays.asList(t.values));
            } else {
                out.writeBoolean(false);
                writeValue(t.map);
            }
        }

        void writeRow(Row r) throws IOException {
            out.writeLong(r.timestamp);
            out.writeInt(r.tuples.length);
            for (Tuple t : r.tuples) {
                writeTuple(t);
            }
            writeValue(r.analytics == null ? null : java.util.Arrays.asList(r.analytics));
        }

        void writeRows(List<Row> rows) throws IOException {
            out.writeInt(rows.size());
            for (Row r : rows) {
                writeRow(r);
            }
        }
    }

    /** Reads what {@link Out} wrote, in the same order. */
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
            return in.readUTF();
        }

        Object readValue() throws IOException {
            byte tag = in.readByte();
            return switch (tag) {
                case NULL -> null;
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case LONG -> in.readLong();
                case INT -> in.readInt();
                case DOUBLE -> in.readDouble();
                case FLOAT -> in.readFloat();
                case STRING -> readLongString();
                case BYTES -> {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    yield b;
                }
                case MAP -> {
                    int n = in.readInt();
                    Map<String, Object> m = new LinkedHashMap<>(Math.max(4, n * 2));
                    for (int i = 0; i < n; i++) {
                        String k = readLongString();
                        m.put(k, readValue());
                    }
                    yield m;
                }
                case LIST -> readList();
                case ARRAY -> readList().toArray();
                case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
                case BIG_INTEGER -> new BigInteger(readLongString());
                case BIG_DECIMAL -> new BigDecimal(readLongString());
                case ANALYTIC -> {
                    String kind = in.readUTF();
                    yield AnalyticStates.fromPlain(new AnalyticStates.Plain(kind, readList()));
                }
                default -> throw new IOException("corrupt checkpoint: value tag " + tag);
            };
        }

        private List<Object> readList() throws IOException {
            int n = in.readInt();
            List<Object> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                l.add(readValue());
            }
            return l;
        }

        private String readLongString() throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }

        @SuppressWarnings("unchecked")
        Tuple readTuple() throws IOException {
            if (!in.readBoolean()) {
                return null;
            }
            String emitter = (String) readValue();
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
        Row readRow() throws IOException {
            long ts = in.readLong();
            Tuple[] tuples = new Tuple[in.readInt()];
            for (int i = 0; i < tuples.length; i++) {
                tuples[i] = readTuple();
            }
            List<Object> an = (List<Object>) readValue();
            return new Row(tuples, an == null ? null : an.toArray(), ts);
        }

        List<Row> readRows() throws IOException {
            int n = in.readInt();
            List<Row> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(readRow());
            }
            return rows;
        }
    }
}
