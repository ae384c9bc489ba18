package io.oort.engine.core.internal.sink.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The binary layout of a cache page file:
 *
 * <pre>
 * page  := MAGIC:int32 VERSION:int8 count:int32 entry{count} crc32:int64   (CRC-32 of every byte before it)
 * entry := flags:int8 [payload:bytes] [rows:value] props [source:value]     (flags: 1 payload, 2 rows, 4 source)
 * props := n:int32 (key:string value:string){n}
 * value := tag:int8 ...  null | true | false | int64 | float64 | string | bytes | map | list | decimal | instant
 *          | zoned date-time
 * bytes := len:int32 byte{len};  string := bytes (UTF-8), len -1 for null
 * </pre>
 *
 * Values keep the engine's types (Long, Double, String, byte[], BigDecimal, Instant, ZonedDateTime, maps in key order,
 * lists), so a message resent after an engine restart carries the same rows it had before.
 */
final class PageCodec {

    static final int MAGIC = 0x4F435047; // "OCPG"
    static final int VERSION = 1;

    private static final int F_PAYLOAD = 1;
    private static final int F_ROWS = 2;
    private static final int F_SOURCE = 4;

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

    private PageCodec() {
    }

    static byte[] encode(List<CacheEntry> entries) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(256 + entries.size() * 64);
        DataOutputStream out = new DataOutputStream(bos);
        try {
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(entries.size());
            for (CacheEntry e : entries) {
                int flags = (e.payload() != null ? F_PAYLOAD : 0) | (e.rows() != null ? F_ROWS : 0)
                        | (e.source() != null ? F_SOURCE : 0);
                out.writeByte(flags);
                if (e.payload() != null) {
                    bytes(out, e.payload());
                }
                if (e.rows() != null) {
                    value(out, e.rows());
                }
                out.writeInt(e.props().size());
                for (Map.Entry<String, String> p : e.props().entrySet()) {
                    string(out, p.getKey());
                    string(out, p.getValue());
                }
                if (e.source() != null) {
                    value(out, e.source());
                }
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bos.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return bos.toByteArray();
    }

    /** The entry count from a page's header (the first 9 bytes). */
    static int count(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC) {
            throw new IOException("not a cache page");
        }
        int v = d.readUnsignedByte();
        if (v != VERSION) {
            throw new IOException("unknown cache page version " + v);
        }
        return d.readInt();
    }

    @SuppressWarnings("unchecked")
    static List<CacheEntry> decode(byte[] page) throws IOException {
        if (page.length < 17) {
            throw new EOFException("truncated cache page");
        }
        CRC32 crc = new CRC32();
        crc.update(page, 0, page.length - 8);
        long stored = 0;
        for (int i = page.length - 8; i < page.length; i++) {
            stored = (stored << 8) | (page[i] & 0xFF);
        }
        if (stored != crc.getValue()) {
            throw new IOException("cache page checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(page, 0, page.length - 8));
        int n = count(in);
        List<CacheEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int flags = in.readUnsignedByte();
            byte[] payload = (flags & F_PAYLOAD) != 0 ? bytes(in) : null;
            List<Map<String, Object>> rows = (flags & F_ROWS) != 0 ? (List<Map<String, Object>>) value(in) : null;
            int np = in.readInt();
            Map<String, String> props = np == 0 ? Map.of() : new LinkedHashMap<>();
            for (int j = 0; j < np; j++) {
                props.put(string(in), string(in));
            }
            Object source = (flags & F_SOURCE) != 0 ? value(in) : null;
            out.add(new CacheEntry(payload, rows, props, source));
        }
        return out;
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("corrupt cache page");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
        } else {
            bytes(out, s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.available()) {
            throw new IOException("corrupt cache page");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void value(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(T_NULL);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? T_TRUE : T_FALSE);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.writeByte(T_LONG);
            out.writeLong(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            out.writeByte(T_DOUBLE);
            out.writeDouble(((Number) v).doubleValue());
        } else if (v instanceof byte[] b) {
            out.writeByte(T_BYTES);
            bytes(out, b);
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte(T_MAP);
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                string(out, String.valueOf(e.getKey()));
                value(out, e.getValue());
            }
        } else if (v instanceof List<?> l) {
            out.writeByte(T_LIST);
            out.writeInt(l.size());
            for (Object o : l) {
                value(out, o);
            }
        } else if (v instanceof BigDecimal d) {
            out.writeByte(T_DECIMAL);
            string(out, d.toString());
        } else if (v instanceof Instant t) {
            out.writeByte(T_INSTANT);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (v instanceof ZonedDateTime z) {
            out.writeByte(T_ZONED);
            string(out, z.format(DateTimeFormatter.ISO_ZONED_DATE_TIME));
        } else {
            out.writeByte(T_STRING);
            string(out, String.valueOf(v));
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case T_NULL:
                return null;
            case T_TRUE:
                return Boolean.TRUE;
            case T_FALSE:
                return Boolean.FALSE;
            case T_LONG:
                return in.readLong();
            case T_DOUBLE:
                return in.readDouble();
            case T_STRING:
                return string(in);
            case T_BYTES:
                return bytes(in);
            case T_MAP: {
                int n = in.readInt();
                if (n < 0 || n > in.available()) {
                    throw new IOException("corrupt cache page");
                }
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String k = string(in);
                    m.put(k, value(in));
                }
                return m;
            }
            case T_LIST: {
                int n = in.readInt();
                if (n < 0 || n > in.available()) {
                    throw new IOException("corrupt cache page");
                }
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(value(in));
                }
                return l;
            }
            case T_DECIMAL:
                return new BigDecimal(string(in));
            case T_INSTANT:
                return Instant.ofEpochSecond(in.readLong(), in.readInt());
            case T_ZONED:
                return ZonedDateTime.parse(string(in), DateTimeFormatter.ISO_ZONED_DATE_TIME);
            default:
                throw new IOException("corrupt cache page: unknown value tag " + tag);
        }
    }
}
