package io.oort.engine.core.internal.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's strconv.FormatFloat for float64: shortest round-tripping digits ({@code prec < 0}) or
 * correctly rounded (half-even on the exact binary value) digits, laid out as %e, %f or %g.
 */
final class GoFloat {

    private GoFloat() {
    }

    /** Decimal digits d (no leading zeros) with the decimal point at dp: value = 0.d × 10^dp. */
    private record Dec(String d, int dp) {
        int nd() {
            return d.length();
        }
    }

    private static final Dec ZERO = new Dec("", 0);

    /** Go's %v for a float64: strconv 'g' with the shortest precision. */
    static String formatV(double v) {
        return format(v, 'g', -1);
    }

    /** Equivalent of strconv.FormatFloat(v, fmt, prec, 64). */
    static String format(double v, char fmt, int prec) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = v < 0 || (v == 0 && 1 / v < 0);
        double abs = Math.abs(v);
        boolean shortest = prec < 0;
        Dec d;
        char lower = Character.toLowerCase(fmt);
        if (shortest) {
            d = shortest(abs);
            switch (lower) {
                case 'e' -> prec = Math.max(d.nd() - 1, 0);
                case 'f' -> prec = Math.max(d.nd() - d.dp(), 0);
                default -> prec = d.nd();
            }
        } else if (lower == 'f') {
            d = fixed(abs, prec);
        } else if (lower == 'e') {
            d = significant(abs, prec + 1);
        } else {
            if (prec == 0) {
                prec = 1;
            }
            d = significant(abs, prec);
        }
        StringBuilder sb = new StringBuilder(24);
        if (neg) {
            sb.append('-');
        }
        if (lower == 'e') {
            fmtE(sb, d, prec, fmt);
        } else if (lower == 'f') {
            fmtF(sb, d, prec);
        } else {
            int eprec = prec;
            if (eprec > d.nd() && d.nd() >= d.dp()) {
                eprec = d.nd();
            }
            if (shortest) {
                eprec = 6;
            }
            int exp = d.dp() - 1;
            if (exp < -4 || exp >= eprec) {
                if (prec > d.nd()) {
                    prec = d.nd();
                }
                fmtE(sb, d, prec - 1, fmt == 'G' ? 'E' : 'e');
            } else {
                if (prec > d.dp()) {
                    prec = d.nd();
                }
                fmtF(sb, d, Math.max(prec - d.dp(), 0));
            }
        }
        return sb.toString();
    }

    /** encoding/json's float64 encoding. */
    static String formatJson(double v) {
        double abs = Math.abs(v);
        char fmt = 'f';
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            fmt = 'e';
        }
        String s = format(v, fmt, -1);
        if (fmt == 'e') {
            int n = s.length();
            if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
                s = s.substring(0, n - 2) + s.charAt(n - 1);
            }
        }
        return s;
    }

    private static void fmtE(StringBuilder sb, Dec d, int prec, char fmt) {
        sb.append(d.nd() == 0 ? '0' : d.d().charAt(0));
        if (prec > 0) {
            sb.append('.');
            int i = 1;
            int m = Math.min(d.nd(), prec + 1);
            if (i < m) {
                sb.append(d.d(), i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                sb.append('0');
            }
        }
        sb.append(fmt);
        int exp = d.dp() - 1;
        if (d.nd() == 0) {
            exp = 0;
        }
        if (exp < 0) {
            sb.append('-');
            exp = -exp;
        } else {
            sb.append('+');
        }
        if (exp < 10) {
            sb.append('0');
        }
        sb.append(exp);
    }

    private static void fmtF(StringBuilder sb, Dec d, int prec) {
        if (d.dp() > 0) {
            int m = Math.min(d.nd(), d.dp());
            sb.append(d.d(), 0, m);
            for (; m < d.dp(); m++) {
                sb.append('0');
            }
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = d.dp() + i - 1;
                sb.append(j >= 0 && j < d.nd() ? d.d().charAt(j) : '0');
            }
        }
    }

    /** Shortest digits that parse back to v (v finite, non-negative). */
    private static Dec shortest(double v) {
        if (v == 0) {
            return ZERO;
        }
        Dec d = parseJava(Double.toString(v));
        // Java 17's Double.toString is sometimes one digit too long, and may pick a non-closest
        // digit string for subnormals: verify those cases exactly.
        if (d.nd() >= 16 || v < Double.MIN_NORMAL) {
            BigDecimal exact = new BigDecimal(v);
            int lo = 1;
            int hi = Math.min(d.nd(), 17);
            Dec best = null;
            if (v >= Double.MIN_NORMAL) {
                lo = 15;
            }
            for (int n = lo; n <= hi; n++) {
                BigDecimal r = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
                if (Double.parseDouble(r.toString()) == v) {
                    best = ofBig(r);
                    break;
                }
            }
            if (best != null) {
                d = best;
            }
        }
        return d;
    }

    private static Dec significant(double v, int digits) {
        if (v == 0) {
            return ZERO;
        }
        return ofBig(new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)));
    }

    private static Dec fixed(double v, int frac) {
        if (v == 0) {
            return ZERO;
        }
        return ofBig(new BigDecimal(v).setScale(frac, RoundingMode.HALF_EVEN));
    }

    private static Dec ofBig(BigDecimal b) {
        if (b.signum() == 0) {
            return ZERO;
        }
        String u = b.unscaledValue().abs().toString();
        int dp = u.length() - b.scale();
        return trim(u, dp);
    }

    /** Parses Java's Double.toString output ("123.45", "1.0E-5") into digits and point. */
    private static Dec parseJava(String s) {
        int e = s.indexOf('E');
        int exp = 0;
        String mant = s;
        if (e >= 0) {
            exp = Integer.parseInt(s.substring(e + 1));
            mant = s.substring(0, e);
        }
        int dot = mant.indexOf('.');
        String digits;
        int dp;
        if (dot < 0) {
            digits = mant;
            dp = mant.length();
        } else {
            digits = mant.substring(0, dot) + mant.substring(dot + 1);
            dp = dot;
        }
        return trim(digits, dp + exp);
    }

    private static Dec trim(String digits, int dp) {
        int start = 0;
        while (start < digits.length() && digits.charAt(start) == '0') {
            start++;
            dp--;
        }
        int end = digits.length();
        while (end > start && digits.charAt(end - 1) == '0') {
            end--;
        }
        if (start == end) {
            return ZERO;
        }
        return new Dec(digits.substring(start, end), dp);
    }
}
