package io.oort.engine.core.internal.util;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.function.builtin.AnalyticStates;

/**
 * The binary form of the engine's values, shared by the sink cache's pages and the rules' checkpoints:
 *
 * <pre>
 * value  := tag:int8 ...  0 null | 1 true | 2 false | 3 int64 | 4 float64 | 5 string | 6 bytes | 7 map | 8 list
 *           | 9 decimal | 10 instant | 11 zoned date-time | 12 int32 | 13 float32 | 14 big integer | 15 array
 *           | 16 analytic state (kind:string, list)
 * bytes  := len:int32 byte{len};  string := bytes (UTF-8), len -1 for null;  map := n:int32 (string value){n}
 * </pre>
 *
 * Two ways of writing: {@link #portable} (what a sink cache keeps: integers as int64, floats as float64, anything
 * else as its string; tags 0-11 only, the cache's format since its first version) and {@link #exact} (what a
 * checkpoint keeps: every type as it was, and a value of a type it does not know fails with {@link Unsupported}).
 * Both read every tag.
 */
public final class TypedValues {

    /** A value of a type {@link #exact} cannot keep. */
    public static final class Unsupported extends IOException {
        Unsupported(Object v) {
            super("a value of type " + v.getClass().getName() + " cannot be stored");
        }
    }

    private static final int T_NULL = 0;
    private static final int T_TRUE = 1;
    private static final int T_FALSE = 2;
    private static final int T_LONG = 3;
    private static final int T_DOUBLE = 4;
    private static final int T_STRING = 5;
    private static final int T_BYTES = 6;
    private static final int T_MAP = 7;
    private static final int T_LIST = 8;
    private static final int T_DECIMAL = 9;
    private static final int T_INSTANT = 10;
    private static final int T_ZONED = 11;
    private static final int T_INT = 12;
    private static final int T_FLOAT = 13;
    private static final int T_BIG_INTEGER = 14;
    private static final int T_ARRAY = 15;
    private static final int T_ANALYTIC = 16;

    private final boolean exact;
    private final String what;

    private TypedValues(boolean exact, String what) {
        this.exact = exact;
        this.what = what;
    }

    /** Integers widened, unknown types as strings; {@code what} names the data in corruption errors. */
    public static TypedValues portable(String what) {
        return new TypedValues(false, what);
    }

    /** Every type kept exactly; unknown types refused. */
    public static TypedValues exact(String what) {
        return new TypedValues(true, what);
    }

    public void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    public byte[] readBytes(DataInputStream in) throws IOException {
        byte[] b = new byte[length(in.readInt(), in)];
        in.readFully(b);
        return b;
    }

    public void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
        } else {
            writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
        }
    }

    public String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        byte[] b = new byte[length(n, in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private int length(int n, DataInputStream in) throws IOException {
        if (n < 0 || n > in.available()) {
            throw new IOException("corrupt " + what);
        }
        return n;
    }

    public void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(T_NULL);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? T_TRUE : T_FALSE);
        } else if (v instanceof Long || (!exact && (v instanceof Integer || v instanceof Short || v instanceof Byte))) {
            out.writeByte(T_LONG);
            out.writeLong(((Number) v).longValue());
        } else if (v instanceof Double || (!exact && v instanceof Float)) {
            out.writeByte(T_DOUBLE);
            out.writeDouble(((Number) v).doubleValue());
        } else if (v instanceof String s) {
            out.writeByte(T_STRING);
            writeString(out, s);
        } else if (v instanceof byte[] b) {
            out.writeByte(T_BYTES);
            writeBytes(out, b);
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte(T_MAP);
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                writeString(out, String.valueOf(e.getKey()));
                write(out, e.getValue());
            }
        } else if (v instanceof List<?> l) {
            out.writeByte(T_LIST);
            writeAll(out, l);
        } else if (v instanceof BigDecimal d) {
            out.writeByte(T_DECIMAL);
            writeString(out, d.toString());
        } else if (v instanceof Instant t) {
            out.writeByte(T_INSTANT);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (v instanceof ZonedDateTime z) {
            out.writeByte(T_ZONED);
            writeString(out, z.format(DateTimeFormatter.ISO_ZONED_DATE_TIME));
        } else if (!exact) {
            out.writeByte(T_STRING);
            writeString(out, String.valueOf(v));
        } else {
            writeExact(out, v);
        }
    }

    private void writeExact(DataOutputStream out, Object v) throws IOException {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.writeByte(T_INT);
            out.writeInt(((Number) v).intValue());
        } else if (v instanceof Float f) {
            out.writeByte(T_FLOAT);
            out.writeFloat(f);
        } else if (v instanceof BigInteger b) {
            out.writeByte(T_BIG_INTEGER);
            writeString(out, b.toString());
        } else if (v instanceof Object[] a) {
            out.writeByte(T_ARRAY);
            writeAll(out, Arrays.asList(a));
        } else {
            AnalyticStates.Plain p = AnalyticStates.toPlain(v);
            if (p == null) {
                throw new Unsupported(v);
            }
            out.writeByte(T_ANALYTIC);
            writeString(out, p.kind());
            writeAll(out, p.values());
        }
    }

    private void writeAll(DataOutputStream out, List<?> l) throws IOException {
        out.writeInt(l.size());
        for (Object o : l) {
            write(out, o);
        }
    }

    public Object read(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case T_NULL -> null;
            case T_TRUE -> Boolean.TRUE;
            case T_FALSE -> Boolean.FALSE;
            case T_LONG -> in.readLong();
            case T_DOUBLE -> in.readDouble();
            case T_STRING -> readString(in);
            case T_BYTES -> readBytes(in);
            case T_MAP -> {
                int n = length(in.readInt(), in);
                Map<String, Object> m = new LinkedHashMap<>(Math.max(4, n * 2));
                for (int i = 0; i < n; i++) {
                    String k = readString(in);
                    m.put(k, read(in));
                }
                yield m;
            }
            case T_LIST -> readAll(in);
            case T_DECIMAL -> new BigDecimal(readString(in));
            case T_INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case T_ZONED -> ZonedDateTime.parse(readString(in), DateTimeFormatter.ISO_ZONED_DATE_TIME);
            case T_INT -> in.readInt();
            case T_FLOAT -> in.readFloat();
            case T_BIG_INTEGER -> new BigInteger(readString(in));
            case T_ARRAY -> readAll(in).toArray();
            case T_ANALYTIC -> {
                String kind = readString(in);
                yield AnalyticStates.fromPlain(new AnalyticStates.Plain(kind, readAll(in)));
            }
            default -> throw new IOException("corrupt " + what + ": unknown value tag " + tag);
        };
    }

    private List<Object> readAll(DataInputStream in) throws IOException {
        int n = length(in.readInt(), in);
        List<Object> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(read(in));
        }
        return l;
    }
}
