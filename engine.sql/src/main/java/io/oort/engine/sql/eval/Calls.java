package io.oort.engine.sql.eval;

import io.oort.engine.sql.function.ScalarImpl;
import io.oort.engine.sql.function.SpecializedScalar;
import io.oort.engine.sql.value.Cast;

/**
 * Scalar function calls. A function that offers a fixed-arity form for the call ({@link SpecializedScalar}) is
 * called with its arguments in locals and its result taken as is; any other gets an argument array per call and
 * its result normalised.
 */
final class Calls {

    private Calls() {
    }

    /** The call node for a specialised form, or null when the form does not fit the arguments. */
    static Evaluator specialized(SpecializedScalar.Form form, Evaluator[] args) {
        if (form instanceof SpecializedScalar.Unary u && args.length == 1) {
            return new Call1(u, args[0]);
        }
        if (form instanceof SpecializedScalar.Binary b && args.length == 2) {
            return new Call2(b, args[0], args[1]);
        }
        if (form instanceof SpecializedScalar.Ternary t && args.length == 3) {
            return new Call3(t, args[0], args[1], args[2]);
        }
        return null;
    }

    static final class Scalar extends Evaluator {
        final String name;
        final ScalarImpl impl;
        final Evaluator[] args;

        Scalar(String name, ScalarImpl impl, Evaluator[] args) {
            this.name = name;
            this.impl = impl;
            this.args = args;
        }

        @Override
        public Object eval(EvalContext c) {
            Object[] a = new Object[args.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = args[i].eval(c);
            }
            return Cast.normalize(impl.apply(c, a));
        }
    }

    static final class Scalar1 extends Evaluator {
        final ScalarImpl impl;
        final Evaluator arg;

        Scalar1(ScalarImpl impl, Evaluator arg) {
            this.impl = impl;
            this.arg = arg;
        }

        @Override
        public Object eval(EvalContext c) {
            return Cast.normalize(impl.apply(c, new Object[] {arg.eval(c)}));
        }
    }

    static final class Call1 extends Evaluator {
        final SpecializedScalar.Unary fn;
        final Evaluator a;

        Call1(SpecializedScalar.Unary fn, Evaluator a) {
            this.fn = fn;
            this.a = a;
        }

        @Override
        public Object eval(EvalContext c) {
            return fn.apply(c, a.eval(c));
        }
    }

    static final class Call2 extends Evaluator {
        final SpecializedScalar.Binary fn;
        final Evaluator a;
        final Evaluator b;

        Call2(SpecializedScalar.Binary fn, Evaluator a, Evaluator b) {
            this.fn = fn;
            this.a = a;
            this.b = b;
        }

        @Override
        public Object eval(EvalContext c) {
            Object x = a.eval(c);
            return fn.apply(c, x, b.eval(c));
        }
    }

    static final class Call3 extends Evaluator {
        final SpecializedScalar.Ternary fn;
        final Evaluator a;
        final Evaluator b;
        final Evaluator c3;

        Call3(SpecializedScalar.Ternary fn, Evaluator a, Evaluator b, Evaluator c3) {
            this.fn = fn;
            this.a = a;
            this.b = b;
            this.c3 = c3;
        }

        @Override
        public Object eval(EvalContext c) {
            Object x = a.eval(c);
            Object y = b.eval(c);
            return fn.apply(c, x, y, c3.eval(c));
        }
    }
}
