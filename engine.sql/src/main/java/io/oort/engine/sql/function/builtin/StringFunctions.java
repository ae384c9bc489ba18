package io.oort.engine.sql.function.builtin;

import static io.oort.engine.sql.function.builtin.MiscSupport.anyNil;
import static io.oort.engine.sql.function.builtin.MiscSupport.callError;
import static io.oort.engine.sql.function.builtin.MiscSupport.isNilLike;
import static io.oort.engine.sql.function.builtin.MiscSupport.str;

import java.util.List;
import java.util.Map;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.SpecializedScalar;
import io.oort.engine.sql.value.EvalException;

/**
 * String functions (eKuiper internal/binder/function/funcs_str.go). Arguments are read as Go's {@code %v} of the
 * value. Go strings are UTF-8 bytes: length() counts runes, but numbytes(), indexof() and substring() count
 * bytes. Regular expressions follow RE2 (see {@link StrRegex}).
 */
public final class StringFunctions {

    private StringFunctions() {
    }

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("concat", StringFunctions::validateConcat, Forms.withForms((ctx, a) -> {
            StringBuilder sb = new StringBuilder();
            for (Object o : a) {
                sb.append(str(ctx, o));
            }
            return sb.toString();
        }, (SpecializedScalar.Unary) (ctx, x) -> str(ctx, x),
                (SpecializedScalar.Binary) (ctx, x, y) -> str(ctx, x).concat(str(ctx, y)),
                (SpecializedScalar.Ternary) (ctx, x, y, z) -> str(ctx, x) + str(ctx, y) + str(ctx, z))));
        r.register(FunctionDef.scalar("endswith", Args.TWO_STRINGS, (ctx, a) -> {
            if (anyNil(a)) {
                return false;
            }
            return str(ctx, a[0]).endsWith(str(ctx, a[1]));
        }));
        r.register(FunctionDef.scalar("startswith", Args.TWO_STRINGS, (ctx, a) -> {
            if (anyNil(a)) {
                return false;
            }
            return str(ctx, a[0]).startsWith(str(ctx, a[1]));
        }));
        r.register(FunctionDef.scalar("indexof", Args.TWO_STRINGS, (ctx, a) -> {
            if (a[0] == null || a[1] == null) {
                return -1L;
            }
            return (long) StrGo.index(str(ctx, a[0]), str(ctx, a[1]));
        }));
        r.register(FunctionDef.scalar("length", Args.ONE_ARG, (ctx, a) -> {
            Object v = a[0];
            if (v instanceof List<?> l) {
                return (long) l.size();
            }
            if (v instanceof Map<?, ?> m) {
                return (long) m.size();
            }
            if (v == null) {
                return 0L;
            }
            return (long) StrGo.runeCount(str(ctx, v));
        }));
        r.register(FunctionDef.scalar("numbytes", Args.ONE_STRING, (ctx, a) -> {
            if (anyNil(a)) {
                return 0L;
            }
            return (long) StrGo.utf8Len(str(ctx, a[0]));
        }));
        // one lambda each rather than a shared one around a UnaryOperator: each call site stays monomorphic
        oneString(r, "lower", (ctx, x) -> isNilLike(x) ? null : StrGo.toLower(str(ctx, x)));
        oneString(r, "upper", (ctx, x) -> isNilLike(x) ? null : StrGo.toUpper(str(ctx, x)));
        oneString(r, "trim", (ctx, x) -> isNilLike(x) ? null : StrGo.trimSpace(str(ctx, x)));
        oneString(r, "ltrim", (ctx, x) -> isNilLike(x) ? null : StrGo.trimLeft(str(ctx, x)));
        oneString(r, "rtrim", (ctx, x) -> isNilLike(x) ? null : StrGo.trimRight(str(ctx, x)));
        oneString(r, "reverse", (ctx, x) -> isNilLike(x) ? null
                : new StringBuilder(str(ctx, x)).reverse().toString());
        r.register(FunctionDef.scalar("lpad", Args.ONE_STRING_ONE_INT, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            String s = str(ctx, a[0]);
            return pad("lpad", a[1]).concat(s);
        }));
        r.register(FunctionDef.scalar("rpad", Args.ONE_STRING_ONE_INT, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            String s = str(ctx, a[0]);
            return s.concat(pad("rpad", a[1]));
        }));
        r.register(FunctionDef.scalar("regexp_matches", Args.TWO_STRINGS, (ctx, a) -> {
            if (anyNil(a)) {
                return false;
            }
            StrRegex.Compiled re = regex("regexp_matches", str(ctx, a[1]));
            try {
                return re.pattern().matcher(StrRegex.budgeted(str(ctx, a[0]))).find();
            } catch (StrRegex.TooExpensive e) {
                throw callError("regexp_matches", e.getMessage());
            }
        }));
        r.register(FunctionDef.scalar("regexp_replace", StringFunctions::validateThreeStrings, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            StrRegex.Compiled re = regex("regexp_replace", str(ctx, a[1]));
            try {
                return StrRegex.replaceAll(re, str(ctx, a[0]), str(ctx, a[2]));
            } catch (StrRegex.TooExpensive e) {
                throw callError("regexp_replace", e.getMessage());
            }
        }));
        r.register(FunctionDef.scalar("regexp_substr", Args.TWO_STRINGS, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            StrRegex.Compiled re = regex("regexp_substr", str(ctx, a[1]));
            java.util.regex.Matcher m = re.pattern().matcher(StrRegex.budgeted(str(ctx, a[0])));
            try {
                return m.find() ? m.group() : "";
            } catch (StrRegex.TooExpensive e) {
                throw callError("regexp_substr", e.getMessage());
            }
        }));
        r.register(FunctionDef.scalar("substring", StringFunctions::validateSubstring, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            String s = str(ctx, a[0]);
            long start = intArg("substring", a[1]);
            if (start < 0) {
                throw callError("substring", "start index must be a positive number");
            }
            int len = StrGo.utf8Len(s);
            if (a.length > 2) {
                long end = intArg("substring", a[2]);
                if (end < 0) {
                    throw callError("substring", "end index must be a positive number");
                }
                if (start > end) {
                    throw callError("substring", "start index must be smaller than end index");
                }
                if (start > len) {
                    return "";
                }
                if (end > len) {
                    return StrGo.byteSlice(s, (int) start, len);
                }
                return StrGo.byteSlice(s, (int) start, (int) end);
            }
            if (start > len) {
                return "";
            }
            return StrGo.byteSlice(s, (int) start, len);
        }));
        r.register(FunctionDef.scalar("split_value", StringFunctions::validateSplitValue, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            List<String> parts = StrGo.split(str(ctx, a[0]), str(ctx, a[1]));
            // eKuiper ignores the conversion error of the index: it reads as 0
            long v = MiscSupport.isStrictInt(a[2]) ? MiscSupport.toIntStrict(a[2]) : 0;
            int size = parts.size();
            if (v > size - 1 || v < -size) {
                throw callError("split_value", v + " out of index array (size = " + size + ")");
            }
            return v >= 0 ? parts.get((int) v) : parts.get((int) (size + v));
        }));
        r.register(FunctionDef.scalar("format", StringFunctions::validateFormat, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            // eKuiper ignores the conversion errors: a non-number reads as 0
            double x = MiscSupport.isNumber(a[0]) ? MiscSupport.toFloatSameKind(a[0]) : 0;
            long d = MiscSupport.isStrictInt(a[1]) ? MiscSupport.toIntStrict(a[1]) : 0;
            if (d < 0) {
                throw callError("format", "the decimal places must greater or equal than 0");
            }
            int scale = (int) Math.min(d, 10_000);
            if (a.length == 3) {
                try {
                    return StrFormat.localized(x, scale, str(ctx, a[2]));
                } catch (IllegalArgumentException e) {
                    throw callError("format", e.getMessage());
                }
            }
            return StrFormat.plain(x, scale);
        }));
    }

    private static void oneString(FunctionRegistry r, String fn, SpecializedScalar.Unary body) {
        r.register(FunctionDef.scalar(fn, Args.ONE_STRING, Forms.nilOrOne(body)));
    }

    private static StrRegex.Compiled regex(String fn, String pattern) {
        try {
            return StrRegex.compile(pattern);
        } catch (StrRegex.RegexError e) {
            throw callError(fn, e.getMessage());
        }
    }

    /** cast.ToInt(v, STRICT) with the error as the call's error. */
    private static long intArg(String fn, Object v) {
        try {
            return MiscSupport.toIntStrict(v);
        } catch (EvalException e) {
            throw callError(fn, e.getMessage());
        }
    }

    private static String pad(String fn, Object n) {
        long count = intArg(fn, n);
        return StrGo.spaces(count);
    }

    private static boolean notStringLiteral(Expr e) {
        return Args.notString(e);
    }

    private static boolean notIntLiteral(Expr e) {
        return Args.isFloatArg(e) || Args.isTimeArg(e) || Args.isBooleanArg(e) || Args.isStringArg(e);
    }

    private static String validateConcat(List<Expr> args) {
        if (args.isEmpty()) {
            return "The arguments should be at least one.";
        }
        for (int i = 0; i < args.size(); i++) {
            if (notStringLiteral(args.get(i))) {
                return Args.typeError(i, "string");
            }
        }
        return null;
    }

    private static String validateThreeStrings(List<Expr> args) {
        String e = Args.len(3, args);
        if (e != null) {
            return e;
        }
        for (int i = 0; i < 3; i++) {
            if (notStringLiteral(args.get(i))) {
                return Args.typeError(i, "string");
            }
        }
        return null;
    }

    private static String validateSubstring(List<Expr> args) {
        int l = args.size();
        if (l != 2 && l != 3) {
            return "the arguments for substring should be 2 or 3";
        }
        if (notStringLiteral(args.get(0))) {
            return Args.typeError(0, "string");
        }
        for (int i = 1; i < l; i++) {
            if (notIntLiteral(args.get(i))) {
                return Args.typeError(i, "int");
            }
        }
        if (args.get(1) instanceof Literal s && s.isInteger()) {
            long sv = (Long) s.value();
            if (sv < 0) {
                return "The start index should not be a nagtive integer.";
            }
            if (l == 3 && args.get(2) instanceof Literal e && e.isInteger() && (Long) e.value() < sv) {
                return "The end index should be larger than start index.";
            }
        }
        return null;
    }

    private static String validateSplitValue(List<Expr> args) {
        if (args.size() != 3) {
            return "the arguments for split_value should be 3";
        }
        if (notStringLiteral(args.get(0))) {
            return Args.typeError(0, "string");
        }
        if (notStringLiteral(args.get(1))) {
            return Args.typeError(1, "string");
        }
        if (notIntLiteral(args.get(2))) {
            return Args.typeError(2, "int");
        }
        if (args.get(2) instanceof Literal s && s.isInteger() && (Long) s.value() < 0) {
            return "The index should not be a nagtive integer.";
        }
        return null;
    }

    private static String validateFormat(List<Expr> args) {
        String e = Args.atLeast(2, args);
        if (e != null) {
            return e;
        }
        if (!Args.isIntegerArg(args.get(1))) {
            return Args.typeError(1, "integer");
        }
        if (args.size() == 3 && !Args.isStringArg(args.get(2))) {
            return Args.typeError(2, "string");
        }
        return null;
    }
}
