package io.oort.engine.sql.function.builtin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

import io.oort.engine.sql.value.EvalException;

/**
 * compress()/decompress() methods: zlib, gzip and flate with java.util.zip at the default level. The compressed
 * bytes are valid streams of the format but not byte-identical to eKuiper's (klauspost/compress) output. zstd,
 * which eKuiper also offers, has no implementation in the JDK and is reported as unsupported.
 */
final class ConvCompress {

    private ConvCompress() {
    }

    static byte[] compress(String method, byte[] data) {
        try {
            switch (method) {
                case "zlib" -> {
                    return deflate(data, false);
                }
                case "flate" -> {
                    return deflate(data, true);
                }
                case "gzip" -> {
                    ByteArrayOutputStream bos = new ByteArrayOutputStream(data.length / 2 + 32);
                    try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                        gz.write(data);
                    }
                    return bos.toByteArray();
                }
                default -> throw MiscSupport.callError("compress", "unsupported compressor: " + method);
            }
        } catch (IOException e) {
            throw MiscSupport.callError("compress", String.valueOf(e.getMessage()));
        }
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

    static byte[] decompress(String method, byte[] data) {
        switch (method) {
            case "zlib" -> {
                if (data.length < 2 || ((data[0] & 0xff) * 256 + (data[1] & 0xff)) % 31 != 0
                        || (data[0] & 0x0f) != 8) {
                    throw MiscSupport.callError("decompress", "failed to decompress: zlib: invalid header");
                }
                return inflate(data, false);
            }
            case "flate" -> {
                return inflate(data, true);
            }
            case "gzip" -> {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                    return in.readAllBytes();
                } catch (ZipException e) {
                    String msg = e.getMessage() != null && e.getMessage().contains("GZIP")
                            ? "failed to decompress: gzip: invalid header" : "flate: corrupt input";
                    throw MiscSupport.callError("decompress", msg);
                } catch (IOException e) {
                    throw MiscSupport.callError("decompress", "unexpected EOF");
                }
            }
            default -> throw MiscSupport.callError("decompress", "unsupported decompressor: " + method);
        }
    }

    private static byte[] inflate(byte[] data, boolean raw) {
        Inflater inf = new Inflater(raw);
        try {
            inf.setInput(data);
            ByteArrayOutputStream bos = new ByteArrayOutputStream(data.length * 3 + 16);
            byte[] buf = new byte[4096];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0) {
                    if (inf.finished()) {
                        break;
                    }
                    if (inf.needsInput() || inf.needsDictionary()) {
                        throw MiscSupport.callError("decompress", "unexpected EOF");
                    }
                }
                bos.write(buf, 0, n);
            }
            return bos.toByteArray();
        } catch (DataFormatException e) {
            throw MiscSupport.callError("decompress", "flate: corrupt input");
        } catch (EvalException e) {
            throw e;
        } finally {
            inf.end();
        }
    }
}
