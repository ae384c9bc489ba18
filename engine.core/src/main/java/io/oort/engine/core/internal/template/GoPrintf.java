package io.oort.engine.core.internal.template;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One fmt.Sprintf run: Go's verbs, flags, width, precision and its %!verb(...) error forms. */
final class GoPrintf extends GoFmtState {
    private final String format;
    private final Object[] args;
    private boolean reordered;
    private boolean goodArgNum;

    GoPrintf(String format, Object[] args) {
        this.format = format;
        this.args = args;
    }

    String run() {
        int end = format.length();
        int argNum = 0;
        for (int i = 0; i < end; ) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++;
            clearFlags();
            flags:
            for (; i < end; i++) {
                switch (format.charAt(i)) {
                    case '#' -> sharp = true;
                    case '0' -> zero = !minus;
                    case '+' -> plus = true;
                    case '-' -> {
                        minus = true;
                        zero = false;
                    }
                    case ' ' -> space = true;
                    default -> {
                        break flags;
                    }
                }
            }
            boolean afterIndex;
            int[] an = argNumber(argNum, i);
            argNum = an[0];
            i = an[1];
            afterIndex = an[2] == 1;
            if (i < end && format.charAt(i) == '*') {
                i++;
                Integer w = intFromArg(argNum);
                argNum++;
                if (w == null) {
                    buf.append("%!(BADWIDTH)");
                } else {
                    wid = w;
                    widPresent = true;
                    if (wid < 0) {
                        wid = -wid;
                        minus = true;
                        zero = false;
                    }
                }
                afterIndex = false;
            } else {
                int start = i;
                int n = 0;
                while (i < end && Character.isDigit(format.charAt(i)) && format.charAt(i) < 0x80) {
                    n = n * 10 + (format.charAt(i) - '0');
                    i++;
                }
                widPresent = i > start;
                wid = n;
                if (afterIndex && widPresent) {
                    goodArgNum = false;
                }
            }
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                an = argNumber(argNum, i);
                argNum = an[0];
                i = an[1];
                afterIndex = an[2] == 1;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    Integer p = intFromArg(argNum);
                    argNum++;
                    precPresent = p != null;
                    prec = p == null ? 0 : p;
                    if (prec < 0) {
                        prec = 0;
                        precPresent = false;
                    }
                    if (p == null) {
                        buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int n = 0;
                    while (i < end && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
                        n = n * 10 + (format.charAt(i) - '0');
                        i++;
                    }
                    prec = n;
                    precPresent = true;
                }
            }
            if (!afterIndex) {
                an = argNumber(argNum, i);
                argNum = an[0];
                i = an[1];
            }
            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                buf.append('%');
            } else if (!goodArgNum) {
                buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
            } else if (argNum >= args.length) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    sharpV = sharp;
                    sharp = false;
                    plusV = plus;
                    plus = false;
                }
                printArg(args[argNum], verb);
                argNum++;
            }
        }
        if (!reordered && argNum < args.length) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < args.length; k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                Object a = args[k];
                if (a == null) {
                    buf.append("<nil>");
                } else {
                    buf.append(GoValues.typeName(a)).append('=');
                    printArg(a, 'v');
                }
            }
            buf.append(')');
        }
        return buf.toString();
    }

    private void clearFlags() {
        plus = minus = sharp = space = zero = plusV = sharpV = false;
        widPresent = precPresent = false;
        wid = prec = 0;
    }

    /** Parses an optional [n] argument index: returns {argNum, i, found}. */
    private int[] argNumber(int argNum, int i) {
        if (i >= format.length() || format.charAt(i) != '[') {
            return new int[] {argNum, i, 0};
        }
        reordered = true;
        int close = format.indexOf(']', i + 1);
        if (close < 0) {
            goodArgNum = false;
            return new int[] {argNum, format.length(), 0};
        }
        String num = format.substring(i + 1, close);
        try {
            int idx = Integer.parseInt(num);
            if (idx >= 1 && idx - 1 < args.length && num.chars().allMatch(Character::isDigit)) {
                return new int[] {idx - 1, close + 1, 1};
            }
        } catch (NumberFormatException ignored) {
            // falls through to a bad index
        }
        goodArgNum = false;
        return new int[] {argNum, close + 1, 1};
    }

    private Integer intFromArg(int argNum) {
        if (argNum >= args.length || !GoValues.isIntegral(args[argNum])) {
            return null;
        }
        long v = ((Number) args[argNum]).longValue();
        if (v > 1_000_000 || v < -1_000_000) {
            return null;
        }
        return (int) v;
    }

    private void printArg(Object arg, int verb) {
        if (arg == null || arg == GoValues.MISSING) {
            if (verb == 'T' || verb == 'v') {
                pad("<nil>");
            } else {
                badVerb(verb, null);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(GoValues.typeName(arg));
            return;
        }
        if (arg instanceof Boolean b) {
            if (verb == 't' || verb == 'v') {
                pad(b ? "true" : "false");
            } else {
                badVerb(verb, arg);
            }
        } else if (arg instanceof Double || arg instanceof Float || arg instanceof BigDecimal) {
            double d = arg instanceof Float f ? Double.parseDouble(Float.toString(f)) : ((Number) arg).doubleValue();
            printFloat(d, verb, arg);
        } else if (GoValues.isIntegral(arg)) {
            printInteger(((Number) arg).longValue(), verb, arg);
        } else if (arg instanceof String s) {
            printString(s, verb, arg);
        } else if (arg instanceof byte[] b) {
            if (verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') {
                printString(new String(b, StandardCharsets.UTF_8), verb, arg);
            } else {
                printList(arg, verb);
            }
        } else if (arg instanceof Map || arg instanceof List) {
            printList(arg, verb);
        } else if (GoValues.isTime(arg)) {
            if (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q') {
                printString(GoTime.string(arg), verb, arg);
            } else {
                badVerb(verb, arg);
            }
        } else {
            printString(String.valueOf(arg), verb, arg);
        }
    }

    /** Containers: elements are printed with the same verb; nil elements print as {@code <nil>}. */
    private void printList(Object v, int verb) {
        if (v instanceof Map<?, ?> m) {
            if (sharpV) {
                buf.append(GoValues.typeName(v)).append('{');
            } else {
                buf.append("map[");
            }
            boolean first = true;
            for (String k : GoFmt.sortedKeys(m)) {
                if (!first) {
                    buf.append(sharpV ? ", " : " ");
                }
                first = false;
                printElem(k, verb);
                buf.append(':');
                printElem(m.get(k), verb);
            }
            buf.append(sharpV ? '}' : ']');
            return;
        }
        List<?> l = v instanceof byte[] b ? toList(b) : (List<?>) v;
        if (sharpV) {
            buf.append(GoValues.typeName(v)).append('{');
        } else {
            buf.append('[');
        }
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                buf.append(sharpV ? ", " : " ");
            }
            printElem(l.get(i), verb);
        }
        buf.append(sharpV ? '}' : ']');
    }

    private static List<Object> toList(byte[] b) {
        Object[] o = new Object[b.length];
        for (int i = 0; i < b.length; i++) {
            o[i] = (long) (b[i] & 0xFF);
        }
        return List.of(o);
    }

    private void printElem(Object e, int verb) {
        if (e == null) {
            buf.append(sharpV ? "interface {}(nil)" : "<nil>");
        } else {
            printArg(e, verb);
        }
    }

    @Override
    void badVerb(int verb, Object arg) {
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg != null) {
            buf.append(GoValues.typeName(arg)).append('=');
            printArg(arg, 'v');
        } else {
            buf.append("<nil>");
        }
        buf.append(')');
    }

    private void printString(String s, int verb, Object arg) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    fmtQ(s);
                } else {
                    fmtS(s);
                }
            }
            case 's' -> fmtS(s);
            case 'q' -> fmtQ(s);
            case 'x', 'X' -> {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                int n = precPresent ? Math.min(prec, b.length) : b.length;
                String digits = verb == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    if (space && i > 0) {
                        sb.append(' ');
                    }
                    if (sharp && (space || i == 0)) {
                        sb.append('0').append((char) verb);
                    }
                    sb.append(digits.charAt((b[i] >> 4) & 15)).append(digits.charAt(b[i] & 15));
                }
                pad(sb.toString());
            }
            default -> badVerb(verb, arg);
        }
    }

    private String truncate(String s) {
        if (precPresent && s.codePointCount(0, s.length()) > prec) {
            return s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return s;
    }

    private void fmtS(String s) {
        pad(truncate(s));
    }

    private void fmtQ(String s) {
        s = truncate(s);
        if (sharp && canBackquote(s)) {
            pad('`' + s + '`');
        } else {
            pad(GoStrconv.quote(s, plus));
        }
    }

    private static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' && c != '\t') || c == '`' || c == 0x7F || c == 0xFEFF) {
                return false;
            }
        }
        return true;
    }

}
