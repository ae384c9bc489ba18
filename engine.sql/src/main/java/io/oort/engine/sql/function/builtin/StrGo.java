package io.oort.engine.sql.function.builtin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's strings package semantics on Java strings: Go strings are UTF-8 byte sequences, so lengths, indexes and
 * slices count bytes (except where Go counts runes), white space is {@code unicode.IsSpace}, and case mapping is
 * the simple per-rune mapping.
 */
final class StrGo {

    private StrGo() {
    }

    /** Go's unicode.IsSpace. */
    static boolean isSpace(int c) {
        if (c <= 0xFF) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
        }
        return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000;
    }

    /** strings.TrimSpace. */
    static String trimSpace(String s) {
        return trimRight(trimLeft(s));
    }

    /** strings.TrimLeftFunc(s, unicode.IsSpace). */
    static String trimLeft(String s) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            int c = s.codePointAt(i);
            if (!isSpace(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i == 0 ? s : s.substring(i);
    }

    /** strings.TrimRightFunc(s, unicode.IsSpace). */
    static String trimRight(String s) {
        int j = s.length();
        while (j > 0) {
            int c = s.codePointBefore(j);
            if (!isSpace(c)) {
                break;
            }
            j -= Character.charCount(c);
        }
        return j == s.length() ? s : s.substring(0, j);
    }

    /** strings.ToLower (simple per-rune mapping, no locale, no special casing). */
    static String toLower(String s) {
        String ascii = asciiFlipCase(s, 'A', 'Z');
        if (ascii != null) {
            return ascii;
        }
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            sb.appendCodePoint(Character.toLowerCase(cp));
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** strings.ToUpper (simple per-rune mapping: "ß" stays "ß"). */
    static String toUpper(String s) {
        String ascii = asciiFlipCase(s, 'a', 'z');
        if (ascii != null) {
            return ascii;
        }
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'a' && c <= 'z')) {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            sb.appendCodePoint(Character.toUpperCase(cp));
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /**
     * Case mapping of an all-ASCII string, where Go's mapping changes only the letters {@code lo..hi} (a-z or A-Z,
     * flipping bit 0x20); null when {@code s} has a non-ASCII character. A plain byte loop: String.toUpperCase
     * looks every character up in the Latin-1 case tables.
     */
    private static String asciiFlipCase(String s, char lo, char hi) {
        int n = s.length();
        int first = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (first < 0 && c >= lo && c <= hi) {
                first = i;
            }
        }
        if (first < 0) {
            return s;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b[i] = (byte) (c >= lo && c <= hi ? c ^ 0x20 : c);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Number of UTF-8 bytes of s[from, to). A lone surrogate counts as Go's replacement rune (3 bytes). */
    static int utf8Len(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** len(s) in Go: the UTF-8 byte count. */
    static int utf8Len(String s) {
        return utf8Len(s, 0, s.length());
    }

    /** utf8.RuneCountInString. */
    static int runeCount(String s) {
        return s.codePointCount(0, s.length());
    }

    /** True when every char is ASCII (byte offsets equal char offsets). */
    static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** strings.Index: the byte offset of the first occurrence, or -1. */
    static int index(String s, String sub) {
        int i = s.indexOf(sub);
        if (i <= 0) {
            return i;
        }
        return utf8Len(s, 0, i);
    }

    /**
     * Go's {@code s[from:to]} on the UTF-8 bytes, decoded back (a cut inside a character yields replacement
     * characters, as Go's JSON encoding of the invalid bytes would). Indexes must be within 0..len(s).
     */
    static String byteSlice(String s, int from, int to) {
        if (isAscii(s)) {
            return s.substring(from, to);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** strings.Split: an empty separator splits after each rune; an empty string gives one empty piece. */
    static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        if (sep.isEmpty()) {
            int i = 0;
            while (i < s.length()) {
                int cp = s.codePointAt(i);
                int w = Character.charCount(cp);
                out.add(s.substring(i, i + w));
                i += w;
            }
            return out;
        }
        int start = 0;
        while (true) {
            int j = s.indexOf(sep, start);
            if (j < 0) {
                out.add(s.substring(start));
                return out;
            }
            out.add(s.substring(start, j));
            start = j + sep.length();
        }
    }

    /** strconv.Quote for the error messages that print a quoted string. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length();) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case 0x0B -> sb.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\x%02x", c));
                    } else if (c >= 0x80 && (Character.isISOControl(c) || !Character.isDefined(c)
                            || Character.getType(c) == Character.FORMAT || Character.isSurrogate((char) c)
                            && c <= 0xFFFF)) {
                        sb.append(c > 0xFFFF ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** strings.Repeat(" ", n), with Go's panics as errors. */
    static String spaces(long n) {
        if (n < 0) {
            throw new io.oort.engine.sql.value.EvalException("strings: negative Repeat count");
        }
        if (n > Integer.MAX_VALUE - 16) {
            throw new io.oort.engine.sql.value.EvalException("strings: Repeat output length overflow");
        }
        return " ".repeat((int) n);
    }
}
