package io.oort.engine.sql.function.builtin;

import static io.oort.engine.sql.function.builtin.MiscSupport.anyNil;
import static io.oort.engine.sql.function.builtin.MiscSupport.callError;
import static io.oort.engine.sql.function.builtin.MiscSupport.isNilLike;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.SpecializedScalar;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.Strictness;

/**
 * Transform/conversion functions (eKuiper funcs_misc.go, funcs_trans.go and pkg/cast ToType): cast, convert_tz,
 * to_seconds, encode, decode, chr, trunc, hex2dec, dec2hex, compress, decompress.
 */
public final class ConversionFunctions {

    private ConversionFunctions() {
    }

    private static final Set<String> CAST_TYPES = Set.of("bigint", "float", "string", "boolean", "datetime",
            "bytea");

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("cast", ConversionFunctions::validateCast, Forms.specializing((ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            return toType(ctx, "cast", a[0], a[1]);
        }, ConversionFunctions::castForm)));
        r.register(FunctionDef.scalar("convert_tz", ConversionFunctions::validateConvertTz, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            Instant t = time(ctx, "convert_tz", a[0]);
            String zone = MiscSupport.str(ctx, a[1]);
            try {
                ConvTime.loadLocation(zone, ctx.zone());
            } catch (EvalException e) {
                throw callError("convert_tz", e.getMessage());
            }
            // Engine datetimes are instants: the zone is not carried with the value.
            return t;
        }));
        r.register(FunctionDef.scalar("to_seconds", Args.ONE_ARG, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            return time(ctx, "to_seconds", a[0]).getEpochSecond();
        }));
        r.register(FunctionDef.scalar("encode", ConversionFunctions::validateCodec, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            if (!(a[1] instanceof String method)) {
                throw callError("encode", "<nil>");
            }
            if (!method.equalsIgnoreCase("base64")) {
                throw callError("encode", "Only base64 encoding is supported.");
            }
            if (!(a[0] instanceof String s)) {
                throw callError("encode", "Only string type can be encoded.");
            }
            return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }));
        r.register(FunctionDef.scalar("decode", ConversionFunctions::validateCodec, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            if (!(a[1] instanceof String method)) {
                throw callError("decode", "<nil>");
            }
            if (!method.equalsIgnoreCase("base64")) {
                throw callError("decode", "Only base64 decoding is supported.");
            }
            if (!(a[0] instanceof String s)) {
                throw callError("decode", "Only string type can be decoded.");
            }
            try {
                return ConvBase64.decode(s);
            } catch (ConvBase64.CorruptInput e) {
                throw callError("decode", "fail to decode base64 string: " + e.getMessage());
            }
        }));
        r.register(FunctionDef.scalar("chr", ConversionFunctions::validateChr, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            Object v = Cast.normalize(a[0]);
            if (v instanceof Long l) {
                return (long) (int) l.longValue(); // Go rune(v): int32
            }
            if (v instanceof Double d) {
                return (long) (int) MiscSupport.goFloatToLong(d);
            }
            if (v instanceof String s) {
                if (StrGo.utf8Len(s) > 1) {
                    throw callError("chr", "Parameter length cannot larger than 1.");
                }
                if (s.isEmpty()) {
                    throw new EvalException("runtime error: index out of range [0] with length 0");
                }
                return (long) s.codePointAt(0);
            }
            throw callError("chr", "Only bigint, float and string type can be convert to char type.");
        }));
        r.register(FunctionDef.scalar("trunc", ConversionFunctions::validateTrunc, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            double v;
            try {
                v = MiscSupport.toFloatSameKind(a[0]);
            } catch (EvalException e) {
                throw callError("trunc", e.getMessage());
            }
            if (!Cast.isInteger(a[1])) {
                throw callError("trunc", "The 2nd parameter must be int value.");
            }
            return MathGo.toFixed(v, ((Number) a[1]).longValue());
        }));
        r.register(FunctionDef.scalar("hex2dec", Args.ONE_STRING, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            if (!(a[0] instanceof String s)) {
                throw callError("hex2dec", "invalid input type: " + MiscSupport.v(a[0])
                        + " please input hex string");
            }
            String hex = s.startsWith("0x") ? s.substring(2) : s;
            Long v = parseHex(hex);
            if (v == null) {
                throw callError("hex2dec", "invalid hexadecimal value: " + hex);
            }
            return v;
        }));
        r.register(FunctionDef.scalar("dec2hex", Args.ONE_STRING, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            long v;
            try {
                v = MiscSupport.toIntStrict(a[0]);
            } catch (EvalException e) {
                throw callError("dec2hex", e.getMessage());
            }
            return "0x" + Long.toString(v, 16);
        }));
        r.register(FunctionDef.scalar("compress", Args.TWO_STRINGS, (ctx, a) -> {
            if (a[0] == null) {
                return null;
            }
            return ConvCompress.compress(MiscSupport.str(ctx, a[1]), bytes("compress", a[0]));
        }));
        r.register(FunctionDef.scalar("decompress", Args.TWO_STRINGS, (ctx, a) -> {
            if (a[0] == null) {
                return null;
            }
            return ConvCompress.decompress(MiscSupport.str(ctx, a[1]), bytes("decompress", a[0]));
        }));
    }

    private static byte[] bytes(String fn, Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        throw callError(fn, "require string or bytea parameter, but got " + MiscSupport.v(v));
    }

    private static Instant time(FnContext ctx, String fn, Object v) {
        try {
            return ConvTime.toTime(v, ctx.zone(), ctx.nowMillis());
        } catch (EvalException e) {
            throw callError(fn, e.getMessage());
        }
    }

    /** strconv.ParseInt(s, 16, 64): optional sign, ASCII hex digits, in range; else null. */
    private static Long parseHex(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        if (i == s.length()) {
            return null;
        }
        for (int k = i; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
        }
        try {
            return Long.parseLong(s, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** cast(x, "type") with a constant type: the conversion is chosen once. */
    private static SpecializedScalar.Form castForm(List<Expr> args) {
        if (args.size() != 2 || !(Forms.constant(args.get(1)) instanceof String type)) {
            return null;
        }
        SpecializedScalar.Unary to = switch (type) {
            case "bigint" -> (ctx, v) -> toBigint("cast", v);
            case "float" -> (ctx, v) -> toFloat("cast", v);
            case "string" -> ConversionFunctions::toStringType;
            case "boolean" -> (ctx, v) -> toBoolean("cast", v);
            case "datetime" -> (ctx, v) -> time(ctx, "cast", v);
            case "bytea" -> (ctx, v) -> toBytea("cast", v);
            default -> null;
        };
        if (to == null) {
            return null;
        }
        // the type is the constant already read (a non-empty string: never nil); only x decides the nil rule
        return (SpecializedScalar.Binary) (ctx, x, constantType) -> isNilLike(x) ? null
                : to.apply(ctx, Cast.normalize(x));
    }

    /**
     * eKuiper's cast.ToType(value, newType): bigint, float, string, boolean, datetime, bytea. Errors are those of
     * the call {@code fn}.
     */
    static Object toType(FnContext ctx, String fn, Object value, Object newType) {
        if (!(newType instanceof String type)) {
            throw callError(fn, "expect string type for type parameter");
        }
        Object v = Cast.normalize(value);
        return switch (type) {
            case "bigint" -> toBigint(fn, v);
            case "float" -> toFloat(fn, v);
            case "string" -> toStringType(ctx, v);
            case "boolean" -> toBoolean(fn, v);
            case "datetime" -> time(ctx, fn, v);
            case "bytea" -> toBytea(fn, v);
            default -> throw callError(fn, "unknow type, only support bigint, float, string, boolean and datetime");
        };
    }

    // The conversions of toType, for a normalised value.

    private static Long toBigint(String fn, Object v) {
        if (v instanceof Double d) {
            return MiscSupport.goFloatToLong(d);
        }
        try {
            return Cast.toLong(v, Strictness.CONVERT_ALL);
        } catch (EvalException e) {
            throw callError(fn, "not supported type conversion, got error "
                    + MiscSupport.cannot(v, "int").getMessage());
        }
    }

    private static Double toFloat(String fn, Object v) {
        try {
            return Cast.toDouble(v, Strictness.CONVERT_ALL);
        } catch (EvalException e) {
            throw callError(fn, "not supported type conversion, got error " + e.getMessage());
        }
    }

    private static String toStringType(FnContext ctx, Object v) {
        if (v instanceof Instant t) {
            return GoFormat.goTime(t, ctx.zone());
        }
        return Cast.toStr(v, Strictness.CONVERT_ALL);
    }

    private static Boolean toBoolean(String fn, Object v) {
        try {
            return Cast.toBool(v, Strictness.CONVERT_ALL);
        } catch (EvalException e) {
            throw callError(fn, "not supported type conversion, got error " + e.getMessage());
        }
    }

    private static byte[] toBytea(String fn, Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) {
            try {
                return ConvBase64.decode(s);
            } catch (ConvBase64.CorruptInput e) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
        }
        throw callError(fn, MiscSupport.cannot(v, "bytea").getMessage());
    }

    private static String validateCast(List<Expr> args) {
        String e = Args.len(2, args);
        if (e != null) {
            return e;
        }
        Expr t = args.get(1);
        if (Args.notString(t)) {
            // sic: eKuiper names parameter 1
            return Args.typeError(0, "string");
        }
        if (t instanceof Literal l && l.value() instanceof String s && !CAST_TYPES.contains(s)) {
            return "Expect one of following value for the 2nd parameter: bigint, float, string, boolean, datetime, "
                    + "bytea.";
        }
        return null;
    }

    private static String validateConvertTz(List<Expr> args) {
        String e = Args.len(2, args);
        if (e != null) {
            return e;
        }
        Expr t = args.get(0);
        if (Args.isNumericArg(t) || Args.isStringArg(t) || Args.isBooleanArg(t)) {
            return Args.typeError(0, "datetime");
        }
        if (Args.notString(args.get(1))) {
            return Args.typeError(1, "string");
        }
        return null;
    }

    private static String validateCodec(List<Expr> args) {
        String e = Args.len(2, args);
        if (e != null) {
            return e;
        }
        if (Args.notString(args.get(0))) {
            return Args.typeError(0, "string");
        }
        Expr m = args.get(1);
        if (!Args.isStringArg(m)) {
            return Args.typeError(1, "string");
        }
        if (!"base64".equals(((Literal) m).value())) {
            return "Only base64 is supported for the 2nd parameter.";
        }
        return null;
    }

    private static String validateChr(List<Expr> args) {
        String e = Args.len(1, args);
        if (e != null) {
            return e;
        }
        Expr x = args.get(0);
        if (Args.isFloatArg(x) || Args.isTimeArg(x) || Args.isBooleanArg(x)) {
            return Args.typeError(0, "int");
        }
        return null;
    }

    private static String validateTrunc(List<Expr> args) {
        String e = Args.len(2, args);
        if (e != null) {
            return e;
        }
        if (Args.notNumber(args.get(0))) {
            return Args.typeError(0, "number - float or int");
        }
        Expr p = args.get(1);
        if (Args.isFloatArg(p) || Args.isTimeArg(p) || Args.isBooleanArg(p) || Args.isStringArg(p)) {
            return Args.typeError(1, "int");
        }
        return null;
    }
}
