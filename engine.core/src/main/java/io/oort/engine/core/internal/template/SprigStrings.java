package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.Func.Arg.ANY;
import static io.oort.engine.core.internal.template.Func.Arg.INT;
import static io.oort.engine.core.internal.template.Func.Arg.STRING;

import io.oort.engine.core.internal.template.Func.FuncError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sprig's string functions. */
final class SprigStrings {

    private SprigStrings() {
    }

    static void register(Map<String, Func> m) {
        put(m, Func.of("upper", a -> GoStrings.toUpper(s(a[0])), STRING));
        put(m, Func.of("lower", a -> GoStrings.toLower(s(a[0])), STRING));
        put(m, Func.of("title", a -> GoStrings.title(s(a[0])), STRING));
        put(m, Func.of("untitle", a -> untitle(s(a[0])), STRING));
        put(m, Func.of("trim", a -> GoStrings.trimSpace(s(a[0])), STRING));
        Func trimAll = Func.of("trimAll", a -> GoStrings.trim(s(a[1]), s(a[0])), STRING, STRING);
        put(m, trimAll);
        put(m, trimAll.named("trimall"));
        put(m, Func.of("trimPrefix", a -> s(a[1]).startsWith(s(a[0])) ? s(a[1]).substring(s(a[0]).length()) : s(a[1]),
                STRING, STRING));
        put(m, Func.of("trimSuffix", a -> s(a[1]).endsWith(s(a[0]))
                ? s(a[1]).substring(0, s(a[1]).length() - s(a[0]).length()) : s(a[1]), STRING, STRING));
        put(m, Func.of("nospace", a -> nospace(s(a[0])), STRING));
        put(m, Func.of("initials", a -> initials(s(a[0])), STRING));
        put(m, Func.of("swapcase", a -> swapcase(s(a[0])), STRING));
        put(m, Func.of("contains", a -> s(a[1]).contains(s(a[0])), STRING, STRING));
        put(m, Func.of("hasPrefix", a -> s(a[1]).startsWith(s(a[0])), STRING, STRING));
        put(m, Func.of("hasSuffix", a -> s(a[1]).endsWith(s(a[0])), STRING, STRING));
        put(m, Func.of("replace", a -> replace(s(a[2]), s(a[0]), s(a[1])), STRING, STRING, STRING));
        put(m, Func.of("repeat", a -> repeat(s(a[1]), i(a[0])), INT, STRING));
        put(m, Func.of("substr", a -> substr(i(a[0]), i(a[1]), s(a[2])), INT, INT, STRING));
        put(m, Func.of("trunc", a -> trunc(i(a[0]), s(a[1])), INT, STRING));
        put(m, Func.of("abbrev", a -> abbrev(s(a[1]), 0, i(a[0])), INT, STRING));
        put(m, Func.of("abbrevboth", a -> abbrevboth(i(a[0]), i(a[1]), s(a[2])), INT, INT, STRING));
        put(m, Func.varargs("quote", a -> quote(a, false), ANY));
        put(m, Func.varargs("squote", a -> quote(a, true), ANY));
        put(m, Func.varargs("cat", SprigStrings::cat, ANY));
        put(m, Func.of("indent", a -> indent(i(a[0]), s(a[1])), INT, STRING));
        put(m, Func.of("nindent", a -> "\n" + indent(i(a[0]), s(a[1])), INT, STRING));
        put(m, Func.of("plural", a -> i(a[2]) == 1 ? a[0] : a[1], STRING, STRING, INT));
        put(m, Func.of("toString", a -> Funcs.strval(a[0]), ANY));
        put(m, Func.of("toStrings", a -> Funcs.strslice(a[0]), ANY));
        put(m, Func.of("splitList", a -> {
            List<Object> r = TypedList.strings();
            r.addAll(split(s(a[1]), s(a[0]), -1));
            return r;
        }, STRING, STRING));
        put(m, Func.of("split", a -> indexed(split(s(a[1]), s(a[0]), -1)), STRING, STRING));
        put(m, Func.of("splitn", a -> indexed(split(s(a[2]), s(a[0]), i(a[1]))), STRING, INT, STRING));
        put(m, Func.of("join", a -> String.join(s(a[0]), strs(Funcs.strslice(a[1]))), STRING, ANY));
        put(m, Func.of("sortAlpha", a -> sortAlpha(a[0]), ANY));
    }

    private static void put(Map<String, Func> m, Func f) {
        m.put(f.name, f);
    }

    private static String s(Object o) {
        return (String) o;
    }

    private static int i(Object o) {
        return ((Number) o).intValue();
    }

    private static List<String> strs(List<Object> l) {
        List<String> r = new ArrayList<>(l.size());
        for (Object o : l) {
            r.add((String) o);
        }
        return r;
    }

    static String repeat(String s, int count) {
        if (count < 0) {
            throw new FuncError("strings: negative Repeat count");
        }
        return s.repeat(count);
    }

    /** strings.Replace(src, old, new, -1). */
    static String replace(String src, String old, String nw) {
        return src.replace(old, nw);
    }

    private static String untitle(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int c = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toLowerCase(c))
                .append(s, Character.charCount(c), s.length()).toString();
    }

    private static String nospace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(c -> !GoStrings.isSpace(c)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static String initials(String s) {
        StringBuilder sb = new StringBuilder();
        boolean last = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (GoStrings.isSpace(c)) {
                last = true;
            } else if (last) {
                sb.appendCodePoint(c);
                last = false;
            }
        }
        return sb.toString();
    }

    private static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                sb.appendCodePoint(Character.toLowerCase(c));
            } else if (Character.isLowerCase(c)) {
                sb.appendCodePoint(Character.toUpperCase(c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static String substr(int start, int end, String s) {
        if (start < 0) {
            return GoStrings.slice(s, 0, end, false);
        }
        int len = GoStrings.byteLen(s);
        if (end < 0 || end > len) {
            return GoStrings.slice(s, start, 0, true);
        }
        return GoStrings.slice(s, start, end, false);
    }

    private static String trunc(int c, String s) {
        int len = GoStrings.byteLen(s);
        if (c < 0 && len + c > 0) {
            return GoStrings.slice(s, len + c, 0, true);
        }
        if (c >= 0 && len > c) {
            return GoStrings.slice(s, 0, c, false);
        }
        return s;
    }

    /** goutils.AbbreviateFull, as sprig's abbrev/abbrevboth use it. */
    private static String abbrev(String str, int offset, int maxWidth) {
        if (maxWidth < 4 || str.isEmpty()) {
            return str;
        }
        int len = str.length();
        if (len <= maxWidth) {
            return str;
        }
        if (offset > len) {
            offset = len;
        }
        if (len - offset < maxWidth - 3) {
            offset = len - (maxWidth - 3);
        }
        if (offset <= 4) {
            return str.substring(0, maxWidth - 3) + "...";
        }
        if (maxWidth < 7) {
            return str;
        }
        if (offset + maxWidth - 3 < len) {
            return "..." + abbrev(str.substring(offset), 0, maxWidth - 3);
        }
        return "..." + str.substring(len - (maxWidth - 3));
    }

    private static String abbrevboth(int left, int right, String s) {
        if (right < 4 || (left > 0 && right < 7)) {
            return s;
        }
        return abbrev(s, left, right);
    }

    private static String quote(Object[] a, boolean single) {
        StringBuilder sb = new StringBuilder();
        for (Object o : a) {
            if (o == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (single) {
                sb.append('\'');
                GoFmt.appendValue(sb, o);
                sb.append('\'');
            } else {
                sb.append(GoStrconv.quote(Funcs.strval(o)));
            }
        }
        return sb.toString();
    }

    private static String cat(Object[] a) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Object o : a) {
            if (o == null) {
                continue;
            }
            if (!first) {
                sb.append(' ');
            }
            first = false;
            GoFmt.appendValue(sb, o);
        }
        return sb.toString();
    }

    private static String indent(int spaces, String v) {
        String pad = repeat(" ", spaces);
        return pad + v.replace("\n", "\n" + pad);
    }

    /** strings.Split / SplitN (n &lt; 0: all). */
    static List<String> split(String s, String sep, int n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (sep.isEmpty()) {
            int count = 0;
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                int w = Character.charCount(c);
                if (n > 0 && count == n - 1) {
                    out.add(s.substring(i));
                    return out;
                }
                out.add(s.substring(i, i + w));
                count++;
                i += w;
            }
            return out;
        }
        int start = 0;
        while (n < 0 || out.size() < n - 1) {
            int k = s.indexOf(sep, start);
            if (k < 0) {
                break;
            }
            out.add(s.substring(start, k));
            start = k + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    private static Map<String, Object> indexed(List<String> parts) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            r.put("_" + i, parts.get(i));
        }
        return r;
    }

    private static Object sortAlpha(Object v) {
        if (Funcs.isListy(v)) {
            List<Object> l = Funcs.strslice(v);
            l.sort((x, y) -> GoFmt.compareStrings((String) x, (String) y));
            return l;
        }
        List<Object> r = TypedList.strings();
        r.add(Funcs.strval(v));
        return r;
    }
}
