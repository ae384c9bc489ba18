package io.oort.engine.sql.function.builtin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's base64.StdEncoding decoding: padding required, '\r' and '\n' ignored, trailing bits not checked; an error
 * names the offending input byte as Go's CorruptInputError does.
 */
final class ConvBase64 {

    private ConvBase64() {
    }

    /** Decoding failure with Go's message "illegal base64 data at input byte N". */
    static final class CorruptInput extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptInput(long at) {
            super("illegal base64 data at input byte " + at, null, false, false);
        }
    }

    private static final byte[] DECODE = new byte[256];

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            DECODE[alphabet.charAt(i)] = (byte) i;
        }
    }

    static byte[] decode(String s) throws CorruptInput {
        byte[] src = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 3 / 4 + 3);
        int si = 0;
        int[] dbuf = new int[4];
        while (true) {
            int dlen = 4;
            boolean end = false;
            int j = 0;
            while (j < 4) {
                if (si == src.length) {
                    if (j == 0) {
                        return out.toByteArray();
                    }
                    // padding is required
                    throw new CorruptInput(si - j);
                }
                int in = src[si] & 0xff;
                si++;
                int d = DECODE[in];
                if (d >= 0) {
                    dbuf[j] = d;
                    j++;
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    continue;
                }
                if (in != '=') {
                    throw new CorruptInput(si - 1);
                }
                // padding: the end of the data
                switch (j) {
                    case 0, 1 -> throw new CorruptInput(si - 1);
                    case 2 -> {
                        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
                            si++;
                        }
                        if (si == src.length) {
                            throw new CorruptInput(src.length);
                        }
                        if (src[si] != '=') {
                            throw new CorruptInput(si - 1);
                        }
                        si++;
                    }
                    default -> {
                        // j == 3: a single '='
                    }
                }
                while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
                    si++;
                }
                if (si < src.length) {
                    throw new CorruptInput(si);
                }
                dlen = j;
                end = true;
                break;
            }
            for (int k = dlen; k < 4; k++) {
                dbuf[k] = 0;
            }
            int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
            if (dlen >= 2) {
                out.write(val >> 16);
            }
            if (dlen >= 3) {
                out.write(val >> 8);
            }
            if (dlen == 4) {
                out.write(val);
            }
            if (end) {
                return out.toByteArray();
            }
        }
    }
}
