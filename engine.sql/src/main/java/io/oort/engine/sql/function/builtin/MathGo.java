package io.oort.engine.sql.function.builtin;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Go's math where it differs visibly from java.lang.Math: Pow (special cases and the repeated-squaring algorithm
 * of Go's math/pow.go), Round (half away from zero), Log10 (log(x) * 1/Ln10), the real part of cmplx.Cot and the
 * constant folding of Pi/180. The other transcendental functions use StrictMath (fdlibm), which can differ from Go
 * by an ulp.
 */
final class MathGo {

    private MathGo() {
    }

    /** Go's constant {@code math.Pi / 180}, folded exactly then rounded. */
    static final double DEG_TO_RAD = 0.017453292519943295769236907684886127134428718885417254560971914;
    /** Go's constant {@code 180 / math.Pi}. */
    static final double RAD_TO_DEG = 57.295779513082320876798154814105170332405472466564321549160243861;
    /** Go's constant {@code 1 / math.Ln10}. */
    private static final double INV_LN10 = 0.43429448190325182765112891891660508229439700580366656611445378;

    /** Go's math.Log10. */
    static double log10(double x) {
        return StrictMath.log(x) * INV_LN10;
    }

    /** Go's math.Round: half away from zero. */
    static double round(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double a = Math.abs(x);
        double t = Math.floor(a);
        if (a - t >= 0.5) {
            t += 1;
        }
        return Math.copySign(t, x);
    }

    private static boolean isOddInt(double x) {
        if (Math.abs(x) >= 0x1p53) {
            // all such doubles are even integers
            return false;
        }
        double xi = x < 0 ? Math.ceil(x) : Math.floor(x);
        return xi == x && (((long) xi) & 1) == 1;
    }

    /** Go's math.Pow. */
    static double pow(double x, double y) {
        if (y == 0 || x == 1) {
            return 1;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0) {
            if (y < 0) {
                return isOddInt(y) ? Math.copySign(Double.POSITIVE_INFINITY, x) : Double.POSITIVE_INFINITY;
            }
            // y > 0
            return isOddInt(y) ? x : 0;
        }
        if (Double.isInfinite(y)) {
            if (x == -1) {
                return 1;
            }
            return (Math.abs(x) < 1) == (y > 0) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(x)) {
            if (x < 0) {
                return pow(1 / x, -y); // Pow(-0, -y)
            }
            return y < 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        if (y == 0.5) {
            return Math.sqrt(x);
        }
        if (y == -0.5) {
            return 1 / Math.sqrt(x);
        }
        double ay = Math.abs(y);
        double yi = Math.floor(ay);
        double yf = ay - yi;
        if (yf != 0 && x < 0) {
            return Double.NaN;
        }
        if (yi >= 0x1p63) {
            if (x == -1) {
                return 1;
            }
            return (Math.abs(x) < 1) == (y > 0) ? 0 : Double.POSITIVE_INFINITY;
        }
        double a1 = 1.0;
        long ae = 0;
        if (yf != 0) {
            if (yf > 0.5) {
                yf--;
                yi++;
            }
            a1 = StrictMath.exp(yf * StrictMath.log(x));
        }
        // x = x1 * 2^xe with 0.5 <= |x1| < 1 (Go's Frexp)
        int xe = Math.getExponent(x) + 1;
        double x1;
        if (Math.getExponent(x) == Double.MIN_EXPONENT - 1) {
            // subnormal: normalise first
            double n = x * 0x1p52;
            xe = Math.getExponent(n) + 1 - 52;
            x1 = Math.scalb(n, -(Math.getExponent(n) + 1));
        } else {
            x1 = Math.scalb(x, -xe);
        }
        long xel = xe;
        for (long i = (long) yi; i != 0; i >>= 1) {
            if (xel < -(1 << 12) || (1 << 12) < xel) {
                ae += xel;
                break;
            }
            if ((i & 1) == 1) {
                a1 *= x1;
                ae += xel;
            }
            x1 *= x1;
            xel <<= 1;
            if (x1 < .5) {
                x1 += x1;
                xel--;
            }
        }
        if (y < 0) {
            a1 = 1 / a1;
            ae = -ae;
        }
        return ldexp(a1, ae);
    }

    /** Go's math.Ldexp: frac * 2^exp with correct rounding of subnormal results. */
    private static double ldexp(double frac, long exp) {
        if (frac == 0 || Double.isInfinite(frac) || Double.isNaN(frac)) {
            return frac;
        }
        if (exp > 4000) {
            return Math.copySign(Double.POSITIVE_INFINITY, frac);
        }
        if (exp < -4000) {
            return Math.copySign(0.0, frac);
        }
        return Math.scalb(frac, (int) exp);
    }

    /**
     * eKuiper's round(v, precision): {@code math.Round(v * 10^p) / 10^p}, falling back to arbitrary precision when
     * the scaled value or the factor overflows.
     */
    static double roundTo(double v, long precision) {
        double factor = pow(10, precision);
        double scaled = v * factor;
        if (Double.isInfinite(scaled) || Double.isInfinite(factor)) {
            return roundBig(v, precision);
        }
        return round(scaled) / factor;
    }

    private static double roundBig(double v, long precision) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        if (precision > 1100) {
            // a double has at most 1074 fractional decimal digits: rounding there is exact
            return v;
        }
        return new BigDecimal(v).setScale((int) precision, RoundingMode.HALF_UP).doubleValue();
    }

    /** Go's toFixed of eKuiper's trunc(): {@code float64(int(num*10^p + copysign(0.5))) / 10^p}. */
    static double toFixed(double num, long precision) {
        double output = pow(10, precision);
        double x = num * output;
        long r = MiscSupport.goFloatToLong(x + Math.copySign(0.5, x));
        return r / output;
    }

    /** Real part of Go's cmplx.Cot(complex(x, 0)); infinite when x is a multiple of Pi. */
    static double cot(double x) {
        double d = 1 - StrictMath.cos(2 * x); // cosh(0) - cos(2x)
        if (Math.abs(d) < 0.25) {
            d = tanSeries(x);
        }
        if (d == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return StrictMath.sin(2 * x) / d;
    }

    /** Taylor series of cosh(2y) - cos(2x) for y = 0 (Go's cmplx tanSeries). */
    private static double tanSeries(double re) {
        final double machep = 1.0 / (1L << 53);
        double x = reducePi(Math.abs(2 * re));
        x = x * x;
        double y = 0;
        double x2 = 1.0;
        double y2 = 1.0;
        double f = 1.0;
        double rn = 0.0;
        double d = 0.0;
        while (true) {
            rn++;
            f *= rn;
            rn++;
            f *= rn;
            x2 *= x;
            y2 *= y;
            double t = y2 + x2;
            t /= f;
            d += t;

            rn++;
            f *= rn;
            rn++;
            f *= rn;
            x2 *= x;
            y2 *= y;
            t = y2 - x2;
            t /= f;
            d += t;
            if (!(Math.abs(t / d) > machep)) {
                break;
            }
        }
        return d;
    }

    /** x minus the nearest multiple of Pi, with Pi in three parts (Go's cmplx reducePi). */
    private static double reducePi(double x) {
        final double dp1 = 3.14159265160560607910E0;
        final double dp2 = 1.98418714791870343106E-9;
        final double dp3 = 1.14423774522196636802E-17;
        double t = x / Math.PI;
        if (t >= 0) {
            t += 0.5;
        } else {
            t -= 0.5;
        }
        t = (double) MiscSupport.goFloatToLong(t);
        return ((x - t * dp1) - t * dp2) - t * dp3;
    }

    /** eKuiper's conv(): the number in {@code toBase} (upper case), or null when a base is out of 2..36. */
    static String conv(String str, long fromBase, long toBase) {
        boolean signed = false;
        boolean ignoreSign = false;
        if (fromBase < 0) {
            fromBase = -fromBase;
            signed = true;
        }
        if (toBase < 0) {
            toBase = -toBase;
            ignoreSign = true;
        }
        if (fromBase > 36 || fromBase < 2 || toBase > 36 || toBase < 2) {
            return null;
        }
        String s = validPrefix(StrGo.trimSpace(str), (int) fromBase);
        if (s.isEmpty()) {
            return "0";
        }
        boolean negative = false;
        if (s.charAt(0) == '-') {
            negative = true;
            s = s.substring(1);
        }
        long val;
        try {
            val = Long.parseUnsignedLong(s, (int) fromBase);
        } catch (NumberFormatException e) {
            throw MiscSupport.callError("conv", "strconv.ParseUint: parsing " + StrGo.quote(s) + ": "
                    + (s.isEmpty() ? "invalid syntax" : "value out of range"));
        }
        if (signed) {
            if (negative && Long.compareUnsigned(val, Long.MIN_VALUE) > 0) {
                val = Long.MIN_VALUE;
            }
            if (!negative && Long.compareUnsigned(val, Long.MAX_VALUE) > 0) {
                val = Long.MAX_VALUE;
            }
        }
        if (negative) {
            val = -val;
        }
        negative = val < 0;
        if (ignoreSign && negative) {
            val = -val;
        }
        String out = Long.toUnsignedString(val, (int) toBase);
        if (negative && ignoreSign) {
            out = "-" + out;
        }
        return out.toUpperCase(java.util.Locale.ROOT);
    }

    /** The longest prefix of {@code s} that reads as a number in {@code base} (sign, then digits). */
    static String validPrefix(String s, int base) {
        char upper = base <= 9 ? (char) ('0' + base) : (char) ('A' + base - 10);
        int validLen = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && Character.isLetterOrDigit(c)) {
                char u = Character.toUpperCase(c);
                if (u < upper) {
                    validLen = i + 1;
                } else {
                    break;
                }
            } else if (c >= 0x80 && Character.isLetterOrDigit(c)) {
                // non-ASCII letters and digits are above every digit character
                break;
            } else if (c == '+' || c == '-') {
                if (i != 0) {
                    break;
                }
            } else {
                break;
            }
        }
        if (validLen > 1 && s.charAt(0) == '+') {
            return s.substring(1, validLen);
        }
        return s.substring(0, validLen);
    }
}
