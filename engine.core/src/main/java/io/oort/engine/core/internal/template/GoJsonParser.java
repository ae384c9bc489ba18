package io.oort.engine.core.internal.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * json.Unmarshal into interface{}: objects become maps, arrays lists, numbers float64; syntax
 * errors use Go's scanner wording ({@code invalid character 'b' looking for beginning of value}).
 */
final class GoJsonParser {

    private final String s;
    private int i;

    private GoJsonParser(String s) {
        this.s = s;
    }

    static Object parse(String text) throws GoJson.JsonError {
        GoJsonParser p = new GoJsonParser(text);
        p.ws();
        Object v = p.value("looking for beginning of value");
        p.ws();
        if (p.i < text.length()) {
            throw p.bad("after top-level value");
        }
        return v;
    }

    private GoJson.JsonError bad(String context) {
        if (i >= s.length()) {
            return new GoJson.JsonError("unexpected end of JSON input");
        }
        return new GoJson.JsonError("invalid character " + quoteChar(s.charAt(i)) + " " + context);
    }

    private static String quoteChar(char c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String q = GoStrconv.quote(String.valueOf(c));
        return "'" + q.substring(1, q.length() - 1) + "'";
    }

    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private Object value(String context) throws GoJson.JsonError {
        if (i >= s.length()) {
            throw bad(context);
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw bad(context);
        }
    }

    private void literal(String word) throws GoJson.JsonError {
        for (int k = 0; k < word.length(); k++) {
            if (i >= s.length() || s.charAt(i) != word.charAt(k)) {
                if (i >= s.length()) {
                    throw bad("");
                }
                throw new GoJson.JsonError("invalid character " + quoteChar(s.charAt(i)) + " in literal " + word
                        + " (expecting " + quoteChar(word.charAt(k)) + ")");
            }
            i++;
        }
    }

    private Object number() throws GoJson.JsonError {
        int start = i;
        if (s.charAt(i) == '-') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '0') {
            i++;
        } else if (i < s.length() && s.charAt(i) >= '1' && s.charAt(i) <= '9') {
            digits();
        } else {
            throw bad("in numeric literal");
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            if (i >= s.length() || !Character.isDigit(s.charAt(i))) {
                throw bad("after decimal point in numeric literal");
            }
            digits();
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i >= s.length() || !Character.isDigit(s.charAt(i))) {
                throw bad("in exponent of numeric literal");
            }
            digits();
        }
        String lit = s.substring(start, i);
        double d = Double.parseDouble(lit);
        if (Double.isInfinite(d)) {
            throw new GoJson.JsonError("json: cannot unmarshal number " + lit + " into Go value of type float64");
        }
        return d;
    }

    private void digits() {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
    }

    private String string() throws GoJson.JsonError {
        i++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw bad("");
            }
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw bad("in string literal");
            }
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            i++;
            if (i >= s.length()) {
                throw bad("");
            }
            char e = s.charAt(i);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    int v = 0;
                    for (int k = 1; k <= 4; k++) {
                        if (i + k >= s.length()) {
                            i += k;
                            throw bad("");
                        }
                        int h = Character.digit(s.charAt(i + k), 16);
                        if (h < 0) {
                            i += k;
                            throw bad("in \\u hexadecimal character escape");
                        }
                        v = v << 4 | h;
                    }
                    sb.append((char) v);
                    i += 4;
                }
                default -> throw bad("in string escape code");
            }
            i++;
        }
    }

    private Object array() throws GoJson.JsonError {
        i++;
        List<Object> l = new ArrayList<>();
        ws();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return l;
        }
        while (true) {
            ws();
            l.add(value("looking for beginning of value"));
            ws();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
                return l;
            }
            throw bad("after array element");
        }
    }

    private Object object() throws GoJson.JsonError {
        i++;
        Map<String, Object> m = new LinkedHashMap<>();
        ws();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return m;
        }
        while (true) {
            ws();
            if (i >= s.length() || s.charAt(i) != '"') {
                throw bad("looking for beginning of object key string");
            }
            String k = string();
            ws();
            if (i >= s.length() || s.charAt(i) != ':') {
                throw bad("after object key");
            }
            i++;
            ws();
            m.put(k, value("looking for beginning of value"));
            ws();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return m;
            }
            throw bad("after object key:value pair");
        }
    }
}
