package io.oort.engine.sql.function.builtin;

import static io.oort.engine.sql.function.builtin.MiscSupport.anyNil;
import static io.oort.engine.sql.function.builtin.MiscSupport.callError;
import static io.oort.engine.sql.function.builtin.MiscSupport.isNilLike;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.ScalarImpl;
import io.oort.engine.sql.function.SpecializedScalar;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * Mathematical functions (eKuiper internal/binder/function/funcs_math.go). All return null when an argument is
 * null (or an empty array/object). Integers stay integers only in abs, sign and the bit functions; the others
 * return floats. Results that are NaN become null for the trigonometric/exponential functions, an error for
 * ln/log/sqrt; ceil, floor, mod, power and round return NaN as is.
 */
public final class MathFunctions {

    private MathFunctions() {
    }

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("abs", Args.ONE_NUMBER, Forms.nilOrOne(MathFunctions::abs)));
        unaryNanNil(r, "acos", StrictMath::acos);
        unaryNanNil(r, "asin", StrictMath::asin);
        unaryNanNil(r, "atan", StrictMath::atan);
        r.register(FunctionDef.scalar("atan2", Args.TWO_NUMBERS, binaryNanNil("atan2", StrictMath::atan2)));
        bit(r, "bitand", (a, b) -> a & b);
        bit(r, "bitor", (a, b) -> a | b);
        bit(r, "bitxor", (a, b) -> a ^ b);
        r.register(FunctionDef.scalar("bitnot", MathFunctions::validateOneInt, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            if (!MiscSupport.isStrictInt(a[0])) {
                throw callError("bitnot", "Expect int type for operand but got " + MiscSupport.v(a[0]));
            }
            return ~MiscSupport.toIntStrict(a[0]);
        }));
        ScalarImpl ceil = unary("ceiling", Math::ceil);
        r.register(FunctionDef.scalar("ceiling", Args.ONE_NUMBER, ceil));
        r.register(FunctionDef.scalar("ceil", Args.ONE_NUMBER, ceil));
        unaryNanNil(r, "cos", StrictMath::cos);
        unaryNanNil(r, "cosh", StrictMath::cosh);
        unaryNanNil(r, "exp", StrictMath::exp);
        r.register(FunctionDef.scalar("floor", Args.ONE_NUMBER, unary("floor", Math::floor)));
        r.register(FunctionDef.scalar("ln", Args.ONE_NUMBER, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            double v = toFloat("ln", a[0]);
            double res = StrictMath.log(v);
            if (Double.isNaN(res)) {
                throw new EvalException("The argument must be a strictly positive number but got " + GoFormat.v(v));
            }
            return res;
        }));
        r.register(FunctionDef.scalar("log", MathFunctions::validateLog, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            double v = toFloat("log", a[0]);
            double res;
            if (a.length == 1) {
                res = MathGo.log10(v);
            } else {
                double x = toFloat("log", a[1]);
                res = StrictMath.log(x) / StrictMath.log(v);
            }
            if (Double.isNaN(res)) {
                throw new EvalException("The argument must be a strictly positive number but got " + GoFormat.v(v));
            }
            return res;
        }));
        r.register(FunctionDef.scalar("mod", Args.TWO_NUMBERS, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            double v = toFloat("mod", a[0]);
            // eKuiper checks the first conversion's error twice: a non-number divisor reads as 0 (NaN result)
            double d = MiscSupport.isNumber(a[1]) ? MiscSupport.toFloatSameKind(a[1]) : 0;
            return v % d;
        }));
        r.register(FunctionDef.scalar("pi", Args.NO_ARG, (ctx, a) -> Math.PI));
        ScalarImpl power = binary("power", MathGo::pow);
        r.register(FunctionDef.scalar("power", Args.TWO_NUMBERS, power));
        r.register(FunctionDef.scalar("pow", Args.TWO_NUMBERS, power));
        r.register(FunctionDef.scalar("rand", Args.NO_ARG, (ctx, a) -> ThreadLocalRandom.current().nextDouble()));
        r.register(FunctionDef.scalar("round", MathFunctions::validateRound, Forms.withForms((ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            long precision = 0;
            if (a.length > 1) {
                try {
                    precision = MiscSupport.toIntSameKind(a[1]);
                } catch (EvalException e) {
                    throw callError("round", "The second argument must be an integer: " + e.getMessage());
                }
            }
            double v = toFloat("round", a[0]);
            return MathGo.roundTo(v, precision);
        },
                // one argument: roundTo(v, 0) is round(v * 1) / 1
                (SpecializedScalar.Unary) (ctx, x) -> isNilLike(x) ? null : MathGo.round(toFloat("round", x)))));
        r.register(FunctionDef.scalar("sign", Args.ONE_NUMBER, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            double v = toFloat("sign", a[0]);
            return v > 0 ? 1L : v < 0 ? -1L : 0L;
        }));
        unaryNanNil(r, "sin", StrictMath::sin);
        unaryNanNil(r, "sinh", StrictMath::sinh);
        r.register(FunctionDef.scalar("sqrt", Args.ONE_NUMBER, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            double v = toFloat("sqrt", a[0]);
            double res = Math.sqrt(v);
            if (Double.isNaN(res)) {
                throw new EvalException("The argument must be a positive number but got " + GoFormat.v(v));
            }
            return res;
        }));
        unaryNanNil(r, "tan", StrictMath::tan);
        unaryNanNil(r, "tanh", StrictMath::tanh);
        r.register(FunctionDef.scalar("cot", Args.ONE_NUMBER, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            double res = MathGo.cot(toFloat("cot", a[0]));
            if (Double.isNaN(res)) {
                return null;
            }
            if (Double.isInfinite(res)) {
                throw callError("cot", "out-of-range error");
            }
            return res;
        }));
        unaryNanNil(r, "radians", v -> v * MathGo.DEG_TO_RAD);
        unaryNanNil(r, "degrees", v -> v * MathGo.RAD_TO_DEG);
        r.register(FunctionDef.scalar("conv", MathFunctions::validateConv, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            String s = MiscSupport.str(ctx, a[0]);
            long from = Cast.isNumber(a[1]) ? MiscSupport.toIntSameKind(a[1]) : 0;
            long to = Cast.isNumber(a[2]) ? MiscSupport.toIntSameKind(a[2]) : 0;
            return MathGo.conv(s, from, to);
        }));
    }

    private static double toFloat(String fn, Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        try {
            return MiscSupport.toFloatSameKind(v);
        } catch (EvalException e) {
            throw callError(fn, e.getMessage());
        }
    }

    private static Object abs(FnContext ctx, Object x) {
        if (isNilLike(x)) {
            return null;
        }
        Object v = Cast.normalize(x);
        if (v instanceof Double d) {
            return Math.abs(d);
        }
        if (v instanceof Long l) {
            // Go: int64(math.Abs(float64(v)))
            return MiscSupport.goFloatToLong(Math.abs((double) l));
        }
        throw callError("abs", "only float64 & int type are supported");
    }

    private static ScalarImpl unary(String fn, DoubleUnaryOperator op) {
        return Forms.nilOrOne((ctx, x) -> isNilLike(x) ? null : op.applyAsDouble(toFloat(fn, x)));
    }

    private static void unaryNanNil(FunctionRegistry r, String fn, DoubleUnaryOperator op) {
        r.register(FunctionDef.scalar(fn, Args.ONE_NUMBER, Forms.nilOrOne((ctx, x) -> {
            if (isNilLike(x)) {
                return null;
            }
            double res = op.applyAsDouble(toFloat(fn, x));
            return Double.isNaN(res) ? null : res;
        })));
    }

    private static ScalarImpl binary(String fn, DoubleBinaryOperator op) {
        return (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            double x = toFloat(fn, a[0]);
            double y = toFloat(fn, a[1]);
            return op.applyAsDouble(x, y);
        };
    }

    private static ScalarImpl binaryNanNil(String fn, DoubleBinaryOperator op) {
        ScalarImpl b = binary(fn, op);
        return (ctx, a) -> {
            Object res = b.apply(ctx, a);
            return res instanceof Double d && Double.isNaN(d) ? null : res;
        };
    }

    private interface LongOp {
        long apply(long a, long b);
    }

    private static void bit(FunctionRegistry r, String fn, LongOp op) {
        r.register(FunctionDef.scalar(fn, Args.TWO_INTS, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            if (!MiscSupport.isStrictInt(a[0])) {
                throw callError(fn, "Expect int type for the first operand but got " + MiscSupport.v(a[0]));
            }
            if (!MiscSupport.isStrictInt(a[1])) {
                throw callError(fn, "Expect int type for the second operand but got " + MiscSupport.v(a[1]));
            }
            return op.apply(MiscSupport.toIntStrict(a[0]), MiscSupport.toIntStrict(a[1]));
        }));
    }

    private static String validateOneInt(java.util.List<Expr> args) {
        String e = Args.len(1, args);
        if (e != null) {
            return e;
        }
        Expr x = args.get(0);
        if (Args.isFloatArg(x) || Args.isStringArg(x) || Args.isTimeArg(x) || Args.isBooleanArg(x)) {
            return Args.typeError(0, "int");
        }
        return null;
    }

    private static String validateLog(java.util.List<Expr> args) {
        if (args.size() != 1 && args.size() != 2) {
            return "Expect 1 or 2 arguments only";
        }
        return Args.notNumber(args.get(0)) ? Args.typeError(0, "number - float or int") : null;
    }

    private static String validateRound(java.util.List<Expr> args) {
        if (args.size() != 1 && args.size() != 2) {
            return "Expect 1 or 2 arguments only";
        }
        for (int i = 0; i < args.size(); i++) {
            if (Args.notNumber(args.get(i))) {
                return Args.typeError(i, "number - float or int");
            }
        }
        return null;
    }

    private static String validateConv(java.util.List<Expr> args) {
        String e = Args.len(3, args);
        if (e != null) {
            return e;
        }
        if (!Args.isIntegerArg(args.get(1))) {
            return Args.typeError(1, "integer");
        }
        if (!Args.isIntegerArg(args.get(2))) {
            return Args.typeError(2, "integer");
        }
        return null;
    }
}
