package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.Func.Arg.ANY;
import static io.oort.engine.core.internal.template.Func.Arg.STRING;
import static io.oort.engine.core.internal.template.Func.Arg.VALUE;

import io.oort.engine.core.internal.template.Func.FuncError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Go text/template's predefined functions. */
final class Builtins {

    private Builtins() {
    }

    static void register(Map<String, Func> m) {
        add(m, Func.varargs("and", a -> null, VALUE, VALUE));
        add(m, Func.varargs("or", a -> null, VALUE, VALUE));
        add(m, Func.of("not", a -> !GoValues.isTrue(a[0]), VALUE));
        add(m, Func.of("len", a -> length(a[0]), VALUE));
        add(m, Func.varargs("index", a -> index(a), VALUE, VALUE));
        add(m, Func.varargs("print", GoFmt::sprint, ANY));
        add(m, Func.varargs("println", GoFmt::sprintln, ANY));
        add(m, Func.varargs("printf", a -> GoFmt.sprintf((String) a[0], rest(a)), ANY, STRING));
        add(m, Func.varargs("html", a -> html(evalArgs(a)), ANY));
        add(m, Func.varargs("js", a -> js(evalArgs(a)), ANY));
        add(m, Func.varargs("urlquery", a -> urlQuery(evalArgs(a)), ANY));
        add(m, Func.varargs("eq", a -> eq(a[0], rest(a)), VALUE, VALUE));
        add(m, Func.of("ne", a -> !eq(a[0], new Object[] {a[1]}), VALUE, VALUE));
        add(m, Func.of("lt", a -> lt(a[0], a[1]), VALUE, VALUE));
        add(m, Func.of("le", a -> lt(a[0], a[1]) || eq(a[0], new Object[] {a[1]}), VALUE, VALUE));
        add(m, Func.of("gt", a -> !(lt(a[0], a[1]) || eq(a[0], new Object[] {a[1]})), VALUE, VALUE));
        add(m, Func.of("ge", a -> !lt(a[0], a[1]), VALUE, VALUE));
    }

    private static void add(Map<String, Func> m, Func f) {
        m.put(f.name, f.asBuiltin());
    }

    static Object[] rest(Object[] a) {
        Object[] r = new Object[a.length - 1];
        System.arraycopy(a, 1, r, 0, r.length);
        return r;
    }

    /** Go's indirectInterface: a nil interface becomes the invalid value. */
    private static Object indirect(Object v) {
        return v == null ? GoValues.MISSING : v;
    }

    private static Object length(Object v) {
        if (v == null) {
            throw new FuncError("len of nil pointer");
        }
        if (v == GoValues.MISSING) {
            throw new FuncError("reflect: call of reflect.Value.Type on zero Value");
        }
        if (v instanceof String s) {
            return GoStrings.byteLen(s);
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof byte[] b) {
            return b.length;
        }
        throw new FuncError("len of type " + GoValues.typeName(v));
    }

    private static Object index(Object[] a) {
        Object item = indirect(a[0]);
        if (item == GoValues.MISSING) {
            throw new FuncError("index of untyped nil");
        }
        for (int k = 1; k < a.length; k++) {
            Object idx = indirect(a[k]);
            if (item == null) {
                throw new FuncError("index of nil pointer");
            }
            if (item instanceof List || item instanceof String || item instanceof byte[]) {
                int len = item instanceof List<?> l ? l.size()
                        : item instanceof String s ? GoStrings.byteLen(s) : ((byte[]) item).length;
                int x = indexArg(idx, len);
                if (x == len) {
                    throw new FuncError(item instanceof String ? "reflect: string index out of range"
                            : "reflect: slice index out of range");
                }
                if (item instanceof List<?> l) {
                    item = l.get(x);
                } else if (item instanceof String s) {
                    item = GoStrings.byteAt(s, x);
                } else {
                    item = ((byte[]) item)[x] & 0xFF;
                }
            } else if (item instanceof Map<?, ?> m) {
                if (idx == GoValues.MISSING) {
                    throw new FuncError("value is nil; should be of type string");
                }
                if (!(idx instanceof String)) {
                    throw new FuncError("value has type " + GoValues.typeName(idx) + "; should be string");
                }
                item = m.get(idx);
            } else {
                throw new FuncError("can't index item of type " + GoValues.typeName(item));
            }
        }
        return item;
    }

    static int indexArg(Object idx, int cap) {
        if (idx == GoValues.MISSING) {
            throw new FuncError("cannot index slice/array with nil");
        }
        if (!(idx instanceof Long || idx instanceof Integer || idx instanceof Short || idx instanceof Byte)) {
            throw new FuncError("cannot index slice/array with type " + GoValues.typeName(idx));
        }
        long x = ((Number) idx).longValue();
        if (x < 0 || x > cap) {
            throw new FuncError("index out of range: " + x);
        }
        return (int) x;
    }

    /** Go's evalArgs for html/js/urlquery: Sprint, with invalid values printed as "<no value>". */
    private static String evalArgs(Object[] a) {
        if (a.length == 1 && a[0] instanceof String s) {
            return s;
        }
        Object[] p = a.clone();
        for (int i = 0; i < p.length; i++) {
            if (p[i] == null) {
                p[i] = "<no value>";
            }
        }
        return GoFmt.sprint(p);
    }

    static String html(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case 0 -> "\uFFFD";
                case '"' -> "&#34;";
                case '\'' -> "&#39;";
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (r != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    static String js(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '"' -> sb.append("\\\"");
                case '<' -> sb.append("\\u003C");
                case '>' -> sb.append("\\u003E");
                case '&' -> sb.append("\\u0026");
                case '=' -> sb.append("\\u003D");
                default -> {
                    if (c < ' ') {
                        sb.append(String.format("\\u%04X", c));
                    } else if (c < 0x80 || GoStrconv.isPrint(c)) {
                        sb.appendCodePoint(c);
                    } else {
                        sb.append(String.format("\\u%04X", c));
                    }
                }
            }
        }
        return sb.toString();
    }

    static String urlQuery(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(b.length);
        for (byte x : b) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
            }
        }
        return sb.toString();
    }

    // ---- comparisons ----------------------------------------------------------------------

    static boolean eq(Object arg1, Object[] arg2) {
        Object a1 = indirect(arg1);
        if (arg2.length == 0) {
            throw new FuncError("missing argument for comparison");
        }
        int k1 = GoValues.basicKind(a1);
        for (Object o : arg2) {
            Object a = indirect(o);
            int k2 = GoValues.basicKind(a);
            boolean truth;
            if (k1 != k2) {
                if (a1 != GoValues.MISSING && a != GoValues.MISSING) {
                    throw incompatible(a1, a);
                }
                truth = false;
            } else {
                switch (k1) {
                    case GoValues.BOOL -> truth = a1.equals(a);
                    case GoValues.FLOAT -> truth = GoValues.doubleOf(a1) == GoValues.doubleOf(a);
                    case GoValues.INT -> truth = GoValues.longOf(a1) == GoValues.longOf(a);
                    case GoValues.STRING -> truth = a1.equals(a);
                    default -> {
                        String kn1 = GoValues.kindName(a1);
                        String kn2 = GoValues.kindName(a);
                        if (!kn1.equals(kn2) && a1 != GoValues.MISSING && a != GoValues.MISSING) {
                            throw new FuncError(GoFmt.sprintf("non-comparable types %s: %v, %s: %v",
                                    new Object[] {a1, GoValues.typeName(a1), GoValues.typeName(a), a}));
                        }
                        if (a1 == GoValues.MISSING || a == GoValues.MISSING) {
                            truth = a1 == a;
                        } else {
                            if (a instanceof Map || a instanceof List || a instanceof byte[]) {
                                throw new FuncError(GoFmt.sprintf("non-comparable type %s: %v",
                                        new Object[] {a, GoValues.typeName(a)}));
                            }
                            truth = a1.equals(a);
                        }
                    }
                }
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    static boolean lt(Object arg1, Object arg2) {
        Object a1 = indirect(arg1);
        int k1 = GoValues.basicKind(a1);
        if (k1 == GoValues.INVALID) {
            throw new FuncError("invalid type for comparison");
        }
        Object a2 = indirect(arg2);
        int k2 = GoValues.basicKind(a2);
        if (k2 == GoValues.INVALID) {
            throw new FuncError("invalid type for comparison");
        }
        if (k1 != k2) {
            throw incompatible(a1, a2);
        }
        return switch (k1) {
            case GoValues.FLOAT -> GoValues.doubleOf(a1) < GoValues.doubleOf(a2);
            case GoValues.INT -> GoValues.longOf(a1) < GoValues.longOf(a2);
            case GoValues.STRING -> GoFmt.compareStrings((String) a1, (String) a2) < 0;
            default -> throw new FuncError("invalid type for comparison");
        };
    }

    private static FuncError incompatible(Object a, Object b) {
        return new FuncError("incompatible types for comparison: " + GoValues.typeName(a) + " and "
                + GoValues.typeName(b));
    }
}
