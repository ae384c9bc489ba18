package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.Func.Arg.ANY;
import static io.oort.engine.core.internal.template.Func.Arg.FLOAT64;
import static io.oort.engine.core.internal.template.Func.Arg.INT;
import static io.oort.engine.core.internal.template.Func.Arg.STRING;

import io.oort.engine.core.internal.template.Func.FuncError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BinaryOperator;

/** Sprig's math and conversion functions (int64 arithmetic, decimal float arithmetic). */
final class SprigNumbers {

    private SprigNumbers() {
    }

    static void register(Map<String, Func> m) {
        put(m, Func.varargs("add", a -> {
            long s = 0;
            for (Object o : a) {
                s += Funcs.toInt64(o);
            }
            return s;
        }, ANY));
        put(m, Func.of("add1", a -> Funcs.toInt64(a[0]) + 1, ANY));
        put(m, Func.of("sub", a -> Funcs.toInt64(a[0]) - Funcs.toInt64(a[1]), ANY, ANY));
        put(m, Func.of("div", a -> Funcs.toInt64(a[0]) / Funcs.toInt64(a[1]), ANY, ANY));
        put(m, Func.of("mod", a -> Funcs.toInt64(a[0]) % Funcs.toInt64(a[1]), ANY, ANY));
        put(m, Func.varargs("mul", a -> {
            long v = Funcs.toInt64(a[0]);
            for (int i = 1; i < a.length; i++) {
                v *= Funcs.toInt64(a[i]);
            }
            return v;
        }, ANY, ANY));
        Func max = Func.varargs("max", a -> {
            long v = Funcs.toInt64(a[0]);
            for (int i = 1; i < a.length; i++) {
                v = Math.max(v, Funcs.toInt64(a[i]));
            }
            return v;
        }, ANY, ANY);
        put(m, max);
        put(m, max.named("biggest"));
        put(m, Func.varargs("min", a -> {
            long v = Funcs.toInt64(a[0]);
            for (int i = 1; i < a.length; i++) {
                v = Math.min(v, Funcs.toInt64(a[i]));
            }
            return v;
        }, ANY, ANY));
        put(m, Func.varargs("maxf", a -> {
            double v = Funcs.toFloat64(a[0]);
            for (int i = 1; i < a.length; i++) {
                v = Math.max(v, Funcs.toFloat64(a[i]));
            }
            return v;
        }, ANY, ANY));
        put(m, Func.varargs("minf", a -> {
            double v = Funcs.toFloat64(a[0]);
            for (int i = 1; i < a.length; i++) {
                v = Math.min(v, Funcs.toFloat64(a[i]));
            }
            return v;
        }, ANY, ANY));
        put(m, Func.of("floor", a -> Math.floor(Funcs.toFloat64(a[0])), ANY));
        put(m, Func.of("ceil", a -> Math.ceil(Funcs.toFloat64(a[0])), ANY));
        put(m, Func.varargs("round", SprigNumbers::round, FLOAT64, ANY, INT));
        put(m, Func.varargs("addf", a -> decimalOp(0.0, a, 0, BigDecimal::add), ANY));
        put(m, Func.of("add1f", a -> decimalOp(a[0], new Object[] {1L}, 0, BigDecimal::add), ANY));
        put(m, Func.varargs("subf", a -> decimalOp(a[0], a, 1, BigDecimal::subtract), ANY, ANY));
        put(m, Func.varargs("mulf", a -> decimalOp(a[0], a, 1, BigDecimal::multiply), ANY, ANY));
        put(m, Func.varargs("divf", a -> decimalOp(a[0], a, 1, SprigNumbers::divide), ANY, ANY));
        put(m, Func.of("int64", a -> Funcs.toInt64(a[0]), ANY));
        put(m, Func.of("int", a -> Funcs.toInt(a[0]), ANY));
        put(m, Func.of("float64", a -> Funcs.toFloat64(a[0]), ANY));
        put(m, Func.of("atoi", a -> atoi((String) a[0]), STRING));
        put(m, Func.of("toDecimal", a -> toDecimal(a[0]), ANY));
        put(m, Func.of("until", a -> {
            int c = ((Number) a[0]).intValue();
            return untilStep(0, c, c < 0 ? -1 : 1);
        }, INT));
        put(m, Func.of("untilStep", a -> untilStep(((Number) a[0]).intValue(), ((Number) a[1]).intValue(),
                ((Number) a[2]).intValue()), INT, INT, INT));
        put(m, Func.varargs("seq", SprigNumbers::seq, INT));
        put(m, Func.of("randInt", a -> {
            long lo = ((Number) a[0]).longValue();
            long n = ((Number) a[1]).longValue() - lo;
            if (n <= 0) {
                throw new FuncError("invalid argument to Intn");
            }
            return Exec.goInt(ThreadLocalRandom.current().nextLong(n) + lo);
        }, INT, INT));
    }

    private static void put(Map<String, Func> m, Func f) {
        m.put(f.name, f);
    }

    /** round(value, places, roundOn=.5): sprig's rounding on the float value. */
    private static Object round(Object[] a) {
        double roundOn = a.length > 2 ? (Double) a[2] : 0.5;
        double val = Funcs.toFloat64(a[0]);
        double pow = Math.pow(10, ((Number) a[1]).intValue());
        double digit = pow * val;
        double frac = digit % 1.0;
        double r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
        return r / pow;
    }

    /** shopspring/decimal arithmetic on the shortest decimal form of each float. */
    private static Object decimalOp(Object first, Object[] rest, int from, BinaryOperator<BigDecimal> op) {
        BigDecimal acc = decimal(Funcs.toFloat64(first));
        for (int i = from; i < rest.length; i++) {
            acc = op.apply(acc, decimal(Funcs.toFloat64(rest[i])));
        }
        return Double.parseDouble(acc.toPlainString());
    }

    private static BigDecimal decimal(double f) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new FuncError("Cannot create a Decimal from " + GoFloat.formatV(f));
        }
        return new BigDecimal(GoFloat.format(f, 'f', -1));
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw new FuncError("decimal division by 0");
        }
        return a.divide(b, 16, RoundingMode.HALF_UP);
    }

    private static Object atoi(String s) {
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        BigInteger v = new BigInteger(s.startsWith("+") ? t : s);
        if (v.bitLength() >= 64) {
            return v.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return Exec.goInt(v.longValue());
    }

    private static Object toDecimal(Object v) {
        String s = GoFmt.toStr(v);
        try {
            String t = s.startsWith("+") ? s.substring(1) : s;
            return Long.parseLong(t, 8);
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    static List<Object> untilStep(int start, int stop, int step) {
        List<Object> v = TypedList.ints();
        if (stop < start) {
            if (step >= 0) {
                return v;
            }
            for (int i = start; i > stop; i += step) {
                v.add(i);
            }
            return v;
        }
        if (step <= 0) {
            return v;
        }
        for (int i = start; i < stop; i += step) {
            v.add(i);
        }
        return v;
    }

    private static Object seq(Object[] a) {
        int[] p = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            p[i] = ((Number) a[i]).intValue();
        }
        List<Object> r;
        switch (p.length) {
            case 0:
                return "";
            case 1: {
                int inc = p[0] < 1 ? -1 : 1;
                r = untilStep(1, p[0] + inc, inc);
                break;
            }
            case 2: {
                int step = p[1] < p[0] ? -1 : 1;
                r = untilStep(p[0], p[1] + step, step);
                break;
            }
            case 3: {
                int inc = 1;
                if (p[2] < p[0]) {
                    inc = -1;
                    if (p[1] > 0) {
                        return "";
                    }
                }
                r = untilStep(p[0], p[2] + inc, p[1]);
                break;
            }
            default:
                return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Object o : r) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(o);
        }
        return sb.toString();
    }
}
