package io.oort.engine.core.internal.sink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The sink {@code compression} property: zlib, gzip and flate (raw deflate) with java.util.zip at the default level,
 * as eKuiper's compressors (klauspost/compress) produce them: valid streams of the format, not byte-identical.
 * eKuiper's fourth method, zstd, has no implementation in the JDK and Oort adds no runtime dependency for it: a rule
 * asking for it is rejected with eKuiper's "unsupported compressor" message.
 */
final class Compression {

    private final String method;

    private Compression(String method) {
        this.method = method;
    }

    /** The compressor for a method name, or an IllegalArgumentException as eKuiper words it. */
    static Compression of(String method, Map<String, Object> props) {
        return switch (method) {
            case "zlib", "gzip", "flate" -> new Compression(method);
            case "zstd" -> throw new IllegalArgumentException("get compressor zstd fail with error: unsupported "
                    + "compressor: zstd (zstd is not available in Oort: use zlib, gzip or flate)");
            default -> throw new IllegalArgumentException("get compressor " + method
                    + " fail with error: unsupported compressor: " + method);
        };
    }

    String method() {
        return method;
    }

    byte[] compress(byte[] data) {
        return switch (method) {
            case "zlib" -> deflate(data, false);
            case "flate" -> deflate(data, true);
            default -> gzip(data);
        };
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(data.length / 2 + 32);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        return bos.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream bos = new ByteArrayOutputStream(data.length / 2 + 32);
            byte[] buf = new byte[4096];
            while (!d.finished()) {
                int n = d.deflate(buf);
                bos.write(buf, 0, n);
            }
            return bos.toByteArray();
        } finally {
            d.end();
        }
    }
}
