package io.oort.engine.core.internal.template;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Go's strings/unicode behaviour where it differs from Java's: per-rune case mapping, spaces, bytes. */
final class GoStrings {

    private GoStrings() {
    }

    /** Go's unicode.IsSpace. */
    static boolean isSpace(int r) {
        switch (r) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return r >= 0x2000 && r <= 0x200A;
        }
    }

    /** strings.TrimSpace. */
    static String trimSpace(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.codePointAt(b))) {
            b += Character.charCount(s.codePointAt(b));
        }
        while (e > b && isSpace(s.codePointBefore(e))) {
            e -= Character.charCount(s.codePointBefore(e));
        }
        return s.substring(b, e);
    }

    /** strings.Trim(s, cutset). */
    static String trim(String s, String cutset) {
        int b = 0;
        int e = s.length();
        while (b < e && cutset.indexOf(s.codePointAt(b)) >= 0) {
            b += Character.charCount(s.codePointAt(b));
        }
        while (e > b && cutset.indexOf(s.codePointBefore(e)) >= 0) {
            e -= Character.charCount(s.codePointBefore(e));
        }
        return s.substring(b, e);
    }

    static String toUpper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.toUpperCase(c)));
        return sb.toString();
    }

    static String toLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.toLowerCase(c)));
        return sb.toString();
    }

    /** strings.Title: upper-cases (title-cases) the first letter of each word. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            sb.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(c) : c);
            prev = c;
        }
        return sb.toString();
    }

    private static boolean isSeparator(int r) {
        if (r <= 0x7F) {
            if ((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_') {
                return false;
            }
            return true;
        }
        if (Character.isLetter(r) || Character.isDigit(r)) {
            return false;
        }
        return isSpace(r);
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** len(s) in bytes. */
    static int byteLen(String s) {
        return isAscii(s) ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * s[from:to] on the UTF-8 bytes, raising Go's runtime panic text when out of range
     * (to &lt; 0 means "to the end").
     */
    static String slice(String s, int from, int to, boolean openEnd) {
        byte[] b = isAscii(s) ? null : s.getBytes(StandardCharsets.UTF_8);
        int len = b == null ? s.length() : b.length;
        int end = openEnd ? len : to;
        if (end < 0 || end > len) {
            throw new Func.FuncError("runtime error: slice bounds out of range [:" + end + "] with length " + len);
        }
        if (from < 0 || from > end) {
            throw new Func.FuncError("runtime error: slice bounds out of range [" + from + ":" + end + "]");
        }
        if (b == null) {
            return s.substring(from, end);
        }
        return new String(Arrays.copyOfRange(b, from, end), StandardCharsets.UTF_8);
    }

    /** The byte at index i of s (Go's s[i]). */
    static int byteAt(String s, int i) {
        if (isAscii(s)) {
            return s.charAt(i);
        }
        return s.getBytes(StandardCharsets.UTF_8)[i] & 0xFF;
    }
}
