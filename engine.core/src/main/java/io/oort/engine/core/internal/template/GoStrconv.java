package io.oort.engine.core.internal.template;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Go's strconv pieces the template language needs: quoting, unquoting, Go number literals. */
final class GoStrconv {

    private static final String HEX = "0123456789abcdef";

    private GoStrconv() {
    }

    /** Go's strconv.IsPrint. */
    static boolean isPrint(int cp) {
        if (cp <= 0xFF) {
            if (cp >= 0x20 && cp < 0x7F) {
                return true;
            }
            return cp >= 0xA1 && cp != 0xAD;
        }
        int t = Character.getType(cp);
        switch (t) {
            case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
                    Character.SURROGATE, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** Go's strconv.Quote (asciiOnly: QuoteToASCII). */
    static String quote(String s, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(sb, s, '"', asciiOnly);
        return sb.toString();
    }

    static String quote(String s) {
        return quote(s, false);
    }

    static void appendQuoted(StringBuilder sb, String s, char q, boolean asciiOnly) {
        sb.append(q);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendEscapedRune(sb, cp, q, asciiOnly);
        }
        sb.append(q);
    }

    static String quoteRune(int cp, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder();
        sb.append('\'');
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            cp = 0xFFFD;
        }
        appendEscapedRune(sb, cp, '\'', asciiOnly);
        sb.append('\'');
        return sb.toString();
    }

    private static void appendEscapedRune(StringBuilder sb, int cp, char q, boolean asciiOnly) {
        if (cp == q || cp == '\\') {
            sb.append('\\').appendCodePoint(cp);
            return;
        }
        if (asciiOnly ? (cp < 0x80 && isPrint(cp)) : isPrint(cp)) {
            sb.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 7 -> sb.append("\\a");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case 11 -> sb.append("\\v");
            default -> {
                if (cp < ' ' || cp == 0x7F) {
                    sb.append("\\x").append(HEX.charAt(cp >> 4)).append(HEX.charAt(cp & 15));
                } else {
                    if (cp >= 0xD800 && cp <= 0xDFFF) {
                        cp = 0xFFFD;
                    }
                    if (cp < 0x10000) {
                        sb.append("\\u");
                        hex(sb, cp, 4);
                    } else {
                        sb.append("\\U");
                        hex(sb, cp, 8);
                    }
                }
            }
        }
    }

    private static void hex(StringBuilder sb, int v, int digits) {
        for (int s = (digits - 1) * 4; s >= 0; s -= 4) {
            sb.append(HEX.charAt((v >> s) & 15));
        }
    }

    /** Go's %#U-style rendering used in lexer errors: U+0023 '#'. */
    static String fmtU(int cp) {
        StringBuilder sb = new StringBuilder("U+");
        String h = Integer.toHexString(cp).toUpperCase();
        for (int i = h.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(h);
        if (isPrint(cp)) {
            sb.append(" '").appendCodePoint(cp).append('\'');
        }
        return sb.toString();
    }

    /** Go's strconv.Unquote for "..." , `...` and '...' literals; null if invalid syntax. */
    static String unquote(String s) {
        int n = s.length();
        if (n < 2) {
            return null;
        }
        char q = s.charAt(0);
        if (q != s.charAt(n - 1)) {
            return null;
        }
        String body = s.substring(1, n - 1);
        if (q == '`') {
            if (body.indexOf('`') >= 0) {
                return null;
            }
            return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
        }
        if (q != '"' && q != '\'') {
            return null;
        }
        if (body.indexOf('\n') >= 0) {
            return null;
        }
        if (body.indexOf('\\') < 0 && body.indexOf(q) < 0) {
            if (q == '"') {
                return body;
            }
            if (body.codePointCount(0, body.length()) == 1) {
                return body;
            }
        }
        StringBuilder sb = new StringBuilder();
        int[] pos = {0};
        int runes = 0;
        while (pos[0] < body.length()) {
            if (!unquoteChar(body, pos, q, sb)) {
                return null;
            }
            runes++;
            if (q == '\'' && runes > 1) {
                return null;
            }
        }
        if (q == '\'' && runes != 1) {
            return null;
        }
        return sb.toString();
    }

    /** Decodes one (possibly escaped) character at pos[0]; appends to sb. */
    static boolean unquoteChar(String s, int[] pos, char q, StringBuilder sb) {
        int i = pos[0];
        int c = s.codePointAt(i);
        if (c == q && (q == '\'' || q == '"')) {
            return false;
        }
        if (c != '\\') {
            sb.appendCodePoint(c);
            pos[0] = i + Character.charCount(c);
            return true;
        }
        if (i + 1 >= s.length()) {
            return false;
        }
        char e = s.charAt(i + 1);
        i += 2;
        switch (e) {
            case 'a' -> sb.append((char) 7);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'v' -> sb.append((char) 11);
            case '\\' -> sb.append('\\');
            case '\'', '"' -> {
                if (e != q) {
                    return false;
                }
                sb.append(e);
            }
            case 'x', 'u', 'U' -> {
                int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (i + len > s.length()) {
                    return false;
                }
                int v = 0;
                for (int k = 0; k < len; k++) {
                    int h = Character.digit(s.charAt(i + k), 16);
                    if (h < 0) {
                        return false;
                    }
                    v = (v << 4) | h;
                }
                i += len;
                if (e == 'x') {
                    // A byte value: Java strings hold characters, so bytes >= 0x80 become runes.
                    sb.append((char) v);
                } else {
                    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
                        return false;
                    }
                    sb.appendCodePoint(v);
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                if (i + 2 > s.length()) {
                    return false;
                }
                int v = e - '0';
                for (int k = 0; k < 2; k++) {
                    int d = s.charAt(i + k) - '0';
                    if (d < 0 || d > 7) {
                        return false;
                    }
                    v = (v << 3) | d;
                }
                if (v > 255) {
                    return false;
                }
                i += 2;
                sb.append((char) v);
            }
            default -> {
                return false;
            }
        }
        pos[0] = i;
        return true;
    }

    /** Go's strconv.ParseInt(s, 0, 64) semantics; returns null when invalid or out of range. */
    static BigInteger parseIntBase0(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int i = 0;
        boolean neg = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        int base = 10;
        boolean prefixed = false;
        if (s.length() - i >= 2 && s.charAt(i) == '0') {
            char c = Character.toLowerCase(s.charAt(i + 1));
            if (c == 'x') {
                base = 16;
                i += 2;
                prefixed = true;
            } else if (c == 'o') {
                base = 8;
                i += 2;
                prefixed = true;
            } else if (c == 'b') {
                base = 2;
                i += 2;
                prefixed = true;
            } else {
                base = 8;
                i += 1;
                prefixed = true;
            }
        }
        String digits = s.substring(i);
        if (digits.indexOf('_') >= 0) {
            if (!underscoreOK(s.substring(neg || s.charAt(0) == '+' ? 1 : 0))) {
                return null;
            }
            digits = digits.replace("_", "");
        }
        if (digits.isEmpty()) {
            return prefixed && base == 8 && s.length() - (neg || s.charAt(0) == '+' ? 1 : 0) == 1
                    ? BigInteger.ZERO : null;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), base) < 0 || digits.charAt(k) > 0x7F) {
                return null;
            }
        }
        BigInteger v = new BigInteger(digits, base);
        return neg ? v.negate() : v;
    }

    /** Go's underscoreOK: underscores only between digits or after a base prefix. */
    private static boolean underscoreOK(String s) {
        char saw = '^';
        int i = 0;
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char c = Character.toLowerCase(s.charAt(1));
            if (c == 'x' || c == 'o' || c == 'b') {
                hex = c == 'x';
                i = 2;
                saw = '0';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (hex && Character.digit(c, 16) >= 0)) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** Go's strconv.ParseFloat(s, 64); null when the syntax is invalid. */
    static Double parseFloat(String s) {
        String t = s;
        if (t.isEmpty()) {
            return null;
        }
        String lower = t.toLowerCase();
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean neg = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (t.indexOf('_') >= 0) {
            if (!underscoreOK(unsigned)) {
                return null;
            }
            t = t.replace("_", "");
            unsigned = unsigned.replace("_", "");
        }
        if (unsigned.startsWith("0x")) {
            String h = t;
            if (unsigned.indexOf('p') < 0) {
                return null;
            }
            try {
                return Double.parseDouble(h);
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        for (int i = 0; i < unsigned.length(); i++) {
            char c = unsigned.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == '+' || c == '-')) {
                return null;
            }
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** Number of UTF-8 bytes of a Java string (Go's len). */
    static int utf8Len(String s) {
        int n = s.length();
        int len = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return len;
    }
}
