package io.oort.engine.core.internal.sink.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import io.oort.engine.core.internal.util.TypedValues;

/**
 * The binary layout of a cache page file:
 *
 * <pre>
 * page  := MAGIC:int32 VERSION:int8 count:int32 entry{count} crc32:int64   (CRC-32 of every byte before it)
 * entry := flags:int8 [payload:bytes] [rows:value] props [source:value]     (flags: 1 payload, 2 rows, 4 source)
 * props := n:int32 (key:string value:string){n}
 * value, bytes, string: see {@link TypedValues} (written portably: integers as int64, other types as strings)
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
    private static final TypedValues VALUES = TypedValues.portable("cache page");


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
                    VALUES.writeBytes(out, e.payload());
                }
                if (e.rows() != null) {
                    VALUES.write(out, e.rows());
                }
                out.writeInt(e.props().size());
                for (Map.Entry<String, String> p : e.props().entrySet()) {
                    VALUES.writeString(out, p.getKey());
                    VALUES.writeString(out, p.getValue());
                }
                if (e.source() != null) {
                    VALUES.write(out, e.source());
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
            byte[] payload = (flags & F_PAYLOAD) != 0 ? VALUES.readBytes(in) : null;
            List<Map<String, Object>> rows = (flags & F_ROWS) != 0 ? (List<Map<String, Object>>) VALUES.read(in) : null;
            int np = in.readInt();
            Map<String, String> props = np == 0 ? Map.of() : new LinkedHashMap<>();
            for (int j = 0; j < np; j++) {
                props.put(VALUES.readString(in), VALUES.readString(in));
            }
            Object source = (flags & F_SOURCE) != 0 ? VALUES.read(in) : null;
            out.add(new CacheEntry(payload, rows, props, source));
        }
        return out;
    }
}
