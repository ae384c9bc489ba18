package io.oort.engine.sql.function.builtin;

import static io.oort.engine.sql.function.builtin.MiscSupport.anyNil;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;

import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;

/**
 * Hashing functions (eKuiper internal/binder/function/funcs_misc.go): the digest of the UTF-8 bytes of the
 * argument's Go {@code %v} text, as lower-case hex. crc32 is the IEEE checksum printed with Go's {@code %x}: lower
 * case hex without leading zeros (so fewer than 8 digits when the checksum is below 0x10000000).
 */
public final class HashFunctions {

    private HashFunctions() {
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public static void register(FunctionRegistry r) {
        digest(r, "md5", "MD5");
        digest(r, "sha1", "SHA-1");
        digest(r, "sha256", "SHA-256");
        digest(r, "sha384", "SHA-384");
        digest(r, "sha512", "SHA-512");
        r.register(FunctionDef.scalar("crc32", Args.ONE_STRING, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            CRC32 c = new CRC32();
            c.update(MiscSupport.str(ctx, a[0]).getBytes(StandardCharsets.UTF_8));
            return Long.toHexString(c.getValue());
        }));
    }

    private static void digest(FunctionRegistry r, String fn, String algorithm) {
        try {
            MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
        ThreadLocal<MessageDigest> md = ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        r.register(FunctionDef.scalar(fn, Args.ONE_STRING, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            MessageDigest d = md.get();
            d.reset();
            byte[] h = d.digest(MiscSupport.str(ctx, a[0]).getBytes(StandardCharsets.UTF_8));
            return hex(h);
        }));
    }

    static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[b[i] & 0xf];
        }
        return new String(out);
    }
}
