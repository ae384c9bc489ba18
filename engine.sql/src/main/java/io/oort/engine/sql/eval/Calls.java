package io.oort.engine.sql.eval;

import io.oort.engine.sql.function.ScalarImpl;
import io.oort.engine.sql.value.Cast;

/** Scalar function calls. */
final class Calls {

    private Calls() {
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
}
