package io.oort.engine.core.internal.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's encoding/base64 and base32 (standard alphabets, padded) decoding with Go's error texts. */
final class GoBase64 {

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private GoBase64() {
    }

    /** sprig's b64dec: the decoded string, or the decoding error's text. */
    static String decode(String src) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int si = 0;
        int n = src.length();
        while (true) {
            int[] dbuf = new int[4];
            int dlen = 4;
            int j = 0;
            boolean end = false;
            while (j < 4) {
                if (si == n) {
                    if (j == 0) {
                        return out.toString(StandardCharsets.UTF_8);
                    }
                    return corrupt(si - j);
                }
                char in = src.charAt(si++);
                int v = in < 128 ? B64.indexOf(in) : -1;
                if (v >= 0) {
                    dbuf[j++] = v;
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    continue;
                }
                if (in != '=') {
                    return corrupt(si - 1);
                }
                if (j == 0 || j == 1) {
                    return corrupt(si - 1);
                }
                if (j == 2) {
                    while (si < n && (src.charAt(si) == '\n' || src.charAt(si) == '\r')) {
                        si++;
                    }
                    if (si == n) {
                        return corrupt(n);
                    }
                    if (src.charAt(si) != '=') {
                        return corrupt(si - 1);
                    }
                    si++;
                }
                while (si < n && (src.charAt(si) == '\n' || src.charAt(si) == '\r')) {
                    si++;
                }
                if (si < n) {
                    return corrupt(si);
                }
                dlen = j;
                end = true;
                break;
            }
            int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
            out.write(val >> 16);
            if (dlen > 2) {
                out.write(val >> 8);
            }
            if (dlen > 3) {
                out.write(val);
            }
            if (end) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static String corrupt(int at) {
        return "illegal base64 data at input byte " + at;
    }

    static String base32Encode(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i += 5) {
            long chunk = 0;
            int len = Math.min(5, b.length - i);
            for (int k = 0; k < 5; k++) {
                chunk = chunk << 8 | (k < len ? b[i + k] & 0xFF : 0);
            }
            int chars = (len * 8 + 4) / 5;
            for (int k = 0; k < 8; k++) {
                sb.append(k < chars ? B32.charAt((int) (chunk >> (35 - 5 * k)) & 31) : '=');
            }
        }
        return sb.toString();
    }

    static String base32Decode(String s) {
        String t = s.replace("\n", "").replace("\r", "");
        if (t.length() % 8 != 0) {
            return "illegal base32 data at input byte " + (t.length() / 8 * 8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < t.length(); i += 8) {
            long chunk = 0;
            int valid = 0;
            for (int k = 0; k < 8; k++) {
                char c = t.charAt(i + k);
                int v;
                if (c == '=') {
                    if (i + 8 != t.length()) {
                        return "illegal base32 data at input byte " + (i + k);
                    }
                    v = 0;
                } else {
                    v = B32.indexOf(c);
                    if (v < 0 || valid != k) {
                        return "illegal base32 data at input byte " + (i + k);
                    }
                    valid++;
                }
                chunk = chunk << 5 | v;
            }
            int bytes = switch (valid) {
                case 8 -> 5;
                case 7 -> 4;
                case 5 -> 3;
                case 4 -> 2;
                case 2 -> 1;
                default -> -1;
            };
            if (bytes < 0) {
                return "illegal base32 data at input byte " + (i + valid);
            }
            for (int k = 0; k < bytes; k++) {
                out.write((int) (chunk >> (32 - 8 * k)));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
