package io.oort.engine.core.internal.template;

/** fmt's per-verb state (flags, width, precision) and its number and padding formatting. */
abstract class GoFmtState {

    final StringBuilder buf = new StringBuilder();
    boolean plus;
    boolean minus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean plusV;
    boolean sharpV;
    boolean widPresent;
    boolean precPresent;
    int wid;
    int prec;

    /** Writes Go's %!verb(type=value) for an argument the verb does not apply to. */
    abstract void badVerb(int verb, Object arg);

    void printInteger(long v, int verb, Object arg) {
        switch (verb) {
            case 'v', 'd' -> fmtInteger(v, 10, verb, false);
            case 'b' -> fmtInteger(v, 2, verb, false);
            case 'o', 'O' -> fmtInteger(v, 8, verb, false);
            case 'x' -> fmtInteger(v, 16, verb, false);
            case 'X' -> fmtInteger(v, 16, verb, true);
            case 'c' -> pad(new String(Character.toChars(validRune(v))));
            case 'q' -> pad(GoStrconv.quoteRune(validRune(v), plus));
            case 'U' -> {
                String h = Long.toHexString(v).toUpperCase();
                StringBuilder sb = new StringBuilder("U+");
                int digits = precPresent && prec > 4 ? prec : 4;
                for (int i = h.length(); i < digits; i++) {
                    sb.append('0');
                }
                sb.append(h);
                if (sharp && v >= 0 && v <= 0x10FFFF && GoStrconv.isPrint((int) v)) {
                    sb.append(" '").appendCodePoint((int) v).append('\'');
                }
                boolean z = zero;
                zero = false;
                pad(sb.toString());
                zero = z;
            }
            case 'e', 'E', 'f', 'F', 'g', 'G', 's', 't' -> badVerb(verb, arg);
            default -> badVerb(verb, arg);
        }
    }

    static int validRune(long v) {
        if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
            return 0xFFFD;
        }
        return (int) v;
    }

    void fmtInteger(long v, int base, int verb, boolean upper) {
        boolean negative = v < 0;
        String digits = Long.toUnsignedString(negative ? -v : v, base);
        if (v == Long.MIN_VALUE) {
            digits = Long.toUnsignedString(v, base);
        }
        if (upper) {
            digits = digits.toUpperCase();
        }
        int p = 0;
        if (precPresent) {
            p = prec;
            if (p == 0 && v == 0) {
                boolean z = zero;
                zero = false;
                writePadding(wid);
                zero = z;
                return;
            }
        } else if (zero && widPresent) {
            p = wid;
            if (negative || plus || space) {
                p--;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = digits.length(); i < p; i++) {
            sb.append('0');
        }
        sb.append(digits);
        if (sharp) {
            if (base == 2) {
                sb.insert(0, "0b");
            } else if (base == 8 && sb.charAt(0) != '0') {
                sb.insert(0, '0');
            } else if (base == 16) {
                sb.insert(0, upper ? "0X" : "0x");
            }
        }
        if (verb == 'O') {
            sb.insert(0, "0o");
        }
        if (negative) {
            sb.insert(0, '-');
        } else if (plus) {
            sb.insert(0, '+');
        } else if (space) {
            sb.insert(0, ' ');
        }
        boolean z = zero;
        zero = false;
        pad(sb.toString());
        zero = z;
    }

    void printFloat(double v, int verb, Object arg) {
        switch (verb) {
            case 'v' -> fmtFloat(v, 'g', -1);
            case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(v, sharpV ? 'g' : (char) verb, -1);
            case 'f', 'e', 'E' -> fmtFloat(v, (char) verb, 6);
            case 'F' -> fmtFloat(v, 'f', 6);
            default -> badVerb(verb, arg);
        }
    }

    void fmtFloat(double v, char verb, int p) {
        if (precPresent) {
            p = prec;
        }
        String num;
        if (verb == 'x' || verb == 'X') {
            num = hexFloat(v, p, verb == 'X');
        } else {
            num = GoFloat.format(v, verb, p);
        }
        if (num.charAt(0) != '-' && num.charAt(0) != '+') {
            num = '+' + num;
        }
        if (space && num.charAt(0) == '+' && !plus) {
            num = ' ' + num.substring(1);
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean z = zero;
            zero = false;
            if (num.charAt(1) == 'N' && !space && !plus) {
                num = num.substring(1);
            }
            pad(num);
            zero = z;
            return;
        }
        if (sharp && verb != 'b') {
            num = sharpFloat(num, verb, p);
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            pad(num);
            return;
        }
        pad(num.substring(1));
    }

    static String sharpFloat(String num, char verb, int p) {
        int digits = 0;
        if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
            digits = p == -1 ? 6 : p;
        }
        String tail = "";
        StringBuilder n = new StringBuilder(num);
        boolean hasPoint = false;
        boolean sawNonzero = false;
        for (int i = 1; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '.') {
                hasPoint = true;
            } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                tail = n.substring(i);
                n.setLength(i);
                break;
            } else {
                if (c != '0') {
                    sawNonzero = true;
                }
                if (sawNonzero) {
                    digits--;
                }
            }
        }
        if (!hasPoint) {
            if (n.length() == 2 && n.charAt(1) == '0') {
                digits--;
            }
            n.append('.');
        }
        while (digits > 0) {
            n.append('0');
            digits--;
        }
        return n.append(tail).toString();
    }

    static String hexFloat(double v, int p, boolean upper) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFloat.format(v, 'g', -1);
        }
        String j = Double.toHexString(Math.abs(v));
        int pi = j.indexOf('p');
        String mant = j.substring(2, pi);
        int exp = Integer.parseInt(j.substring(pi + 1));
        if (mant.endsWith(".0")) {
            mant = mant.substring(0, mant.length() - 2);
        }
        StringBuilder sb = new StringBuilder();
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            sb.append('-');
        }
        sb.append("0x").append(mant).append('p').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10) {
            sb.append('0');
        }
        sb.append(ae);
        String s = sb.toString();
        return upper ? s.toUpperCase() : s;
    }

    void writePadding(int n) {
        char c = zero ? '0' : ' ';
        for (int i = 0; i < n; i++) {
            buf.append(c);
        }
    }

    void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            boolean z = zero;
            zero = false;
            writePadding(width);
            zero = z;
        }
    }
}
