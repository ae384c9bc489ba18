package io.oort.engine.sql.function;

import java.util.List;

import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.TimeUnitLiteral;

/**
 * Argument validation helpers with eKuiper's messages ({@code internal/binder/function/validator_funcs.go} and
 * {@code pkg/ast/funcArgsValidator.go}). Literal checks only reject what is certainly wrong: an expression could
 * yield anything, so only literals are type-checked.
 */
public final class Args {

    private Args() {
    }

    /** "Expect N arguments but found M." */
    public static String len(int expected, List<Expr> args) {
        return args.size() != expected ? "Expect " + expected + " arguments but found " + args.size() + "." : null;
    }

    /** "At least has N argument but found M." */
    public static String atLeast(int min, List<Expr> args) {
        return args.size() < min ? "At least has " + min + " argument but found " + args.size() + "." : null;
    }

    /** "Expect TYPE type for parameter N" (index is 0-based, the message 1-based). */
    public static String typeError(int index, String expect) {
        return "Expect " + expect + " type for parameter " + (index + 1);
    }

    public static boolean isNumericArg(Expr e) {
        return e instanceof Literal l && l.isNumber();
    }

    public static boolean isIntegerArg(Expr e) {
        return e instanceof Literal l && l.isInteger();
    }

    public static boolean isFloatArg(Expr e) {
        return e instanceof Literal l && l.value() instanceof Double;
    }

    public static boolean isStringArg(Expr e) {
        return e instanceof Literal l && l.isString();
    }

    public static boolean isTimeArg(Expr e) {
        return e instanceof TimeUnitLiteral;
    }

    public static boolean isFieldRefArg(Expr e) {
        return e instanceof FieldRef;
    }

    /** A boolean literal or an expression whose operator yields a boolean. */
    public static boolean isBooleanArg(Expr e) {
        if (e instanceof Literal l) {
            return l.isBoolean();
        }
        if (e instanceof BinaryExpr b) {
            return switch (b.op()) {
                case AND, OR, EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, NOT_BETWEEN, IN, NOT_IN, LIKE, NOT_LIKE -> true;
                default -> false;
            };
        }
        return false;
    }

    public static final ArgValidator NO_ARG = args -> len(0, args);
    public static final ArgValidator ONE_ARG = args -> len(1, args);
    public static final ArgValidator TWO_ARGS = args -> len(2, args);

    /** One argument that is not a string, time unit or boolean literal. */
    public static final ArgValidator ONE_NUMBER = args -> {
        String e = len(1, args);
        if (e != null) {
            return e;
        }
        return notNumber(args.get(0)) ? typeError(0, "number - float or int") : null;
    };

    public static final ArgValidator TWO_NUMBERS = args -> {
        String e = len(2, args);
        if (e != null) {
            return e;
        }
        for (int i = 0; i < 2; i++) {
            if (notNumber(args.get(i))) {
                return typeError(i, "number - float or int");
            }
        }
        return null;
    };

    public static final ArgValidator TWO_INTS = args -> {
        String e = len(2, args);
        if (e != null) {
            return e;
        }
        for (int i = 0; i < 2; i++) {
            if (isFloatArg(args.get(i)) || notNumber(args.get(i))) {
                return typeError(i, "int");
            }
        }
        return null;
    };

    public static final ArgValidator ONE_STRING = args -> {
        String e = len(1, args);
        if (e != null) {
            return e;
        }
        return notString(args.get(0)) ? typeError(0, "string") : null;
    };

    public static final ArgValidator TWO_STRINGS = args -> {
        String e = len(2, args);
        if (e != null) {
            return e;
        }
        for (int i = 0; i < 2; i++) {
            if (notString(args.get(i))) {
                return typeError(i, "string");
            }
        }
        return null;
    };

    public static final ArgValidator ONE_STRING_ONE_INT = args -> {
        String e = len(2, args);
        if (e != null) {
            return e;
        }
        if (notString(args.get(0))) {
            return typeError(0, "string");
        }
        Expr a = args.get(1);
        if (isFloatArg(a) || isTimeArg(a) || isBooleanArg(a) || isStringArg(a)) {
            return typeError(1, "int");
        }
        return null;
    };

    /** Not a string/time/boolean literal (could be a number). */
    public static boolean notNumber(Expr e) {
        return isStringArg(e) || isTimeArg(e) || isBooleanArg(e);
    }

    /** A numeric/time/boolean literal (certainly not a string). */
    public static boolean notString(Expr e) {
        return isNumericArg(e) || isTimeArg(e) || isBooleanArg(e);
    }

    /** Composes validators: the first error wins. */
    public static ArgValidator all(ArgValidator... vs) {
        return args -> {
            for (ArgValidator v : vs) {
                String e = v.validate(args);
                if (e != null) {
                    return e;
                }
            }
            return null;
        };
    }
}
