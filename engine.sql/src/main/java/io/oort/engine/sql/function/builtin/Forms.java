package io.oort.engine.sql.function.builtin;

import java.util.List;
import java.util.function.Function;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.ParenExpr;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.function.ScalarImpl;
import io.oort.engine.sql.function.SpecializedScalar;

/**
 * Built-in bodies with fixed-arity forms ({@link SpecializedScalar}) for the functions on hot paths. A call through
 * {@code apply} with as many arguments as a form takes runs that form too, so the function tests, which call
 * {@code apply}, cover the forms the compiled calls use.
 */
final class Forms {

    private Forms() {
    }

    private static final class Specializing implements SpecializedScalar {
        private final ScalarImpl generic;
        private final Unary unary;
        private final Binary binary;
        private final Ternary ternary;
        private final Function<List<Expr>, Form> specializer;

        Specializing(ScalarImpl generic, Form[] forms, Function<List<Expr>, Form> specializer) {
            Unary u = null;
            Binary b = null;
            Ternary t = null;
            for (Form f : forms) {
                if (f instanceof Unary x) {
                    u = x;
                } else if (f instanceof Binary x) {
                    b = x;
                } else {
                    t = (Ternary) f;
                }
            }
            this.generic = generic;
            this.unary = u;
            this.binary = b;
            this.ternary = t;
            this.specializer = specializer;
        }

        @Override
        public Object apply(FnContext ctx, Object[] a) {
            if (a.length == 1 && unary != null) {
                return unary.apply(ctx, a[0]);
            }
            if (a.length == 2 && binary != null) {
                return binary.apply(ctx, a[0], a[1]);
            }
            if (a.length == 3 && ternary != null) {
                return ternary.apply(ctx, a[0], a[1], a[2]);
            }
            return generic.apply(ctx, a);
        }

        @Override
        public Form specialize(List<Expr> args) {
            Form f = specializer == null ? null : specializer.apply(args);
            if (f != null) {
                return f;
            }
            return switch (args.size()) {
                case 1 -> unary;
                case 2 -> binary;
                case 3 -> ternary;
                default -> null;
            };
        }
    }

    /**
     * A function of one argument with eKuiper's {@code returnNilIfHasAnyNil}: {@code body} returns null for a
     * nil-like argument itself; called with more arguments (only through {@code apply}: the validator refuses
     * them) the result is null when any is nil-like, else {@code body} of the first.
     */
    static ScalarImpl nilOrOne(SpecializedScalar.Unary body) {
        return new Specializing((ctx, a) -> MiscSupport.anyNil(a) ? null : body.apply(ctx, a[0]),
                new SpecializedScalar.Form[] {body}, null);
    }

    /** The forms for the calls with their arities (at most one per arity), {@code generic} for the others. */
    static ScalarImpl withForms(ScalarImpl generic, SpecializedScalar.Form... forms) {
        return new Specializing(generic, forms, null);
    }

    /**
     * As {@link #withForms}, and {@code specializer} may pick a form from a call's arguments (say, a constant
     * one) first; it returns null to leave the choice to the arity.
     */
    static ScalarImpl specializing(ScalarImpl generic, Function<List<Expr>, SpecializedScalar.Form> specializer,
            SpecializedScalar.Form... forms) {
        return new Specializing(generic, forms, specializer);
    }

    /** The value of a literal argument (parentheses allowed), or null when the argument is not a literal. */
    static Object constant(Expr e) {
        Expr x = e;
        while (x instanceof ParenExpr p) {
            x = p.expr();
        }
        return x instanceof Literal l ? l.value() : null;
    }
}
