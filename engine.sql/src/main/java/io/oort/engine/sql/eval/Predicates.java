package io.oort.engine.sql.eval;

import java.util.List;

import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.LikeMatcher;
import io.oort.engine.sql.value.Ops;

/** IN, BETWEEN, LIKE and CASE. */
final class Predicates {

    private Predicates() {
    }

    /** [NOT] IN (list) or [NOT] IN arrayExpr. */
    static final class In extends Evaluator {
        final Evaluator lhs;
        final List<Evaluator> values; // null when the set is an array expression
        final Evaluator array;
        final boolean not;

        In(Evaluator lhs, List<Evaluator> values, Evaluator array, boolean not) {
            this.lhs = lhs;
            this.values = values;
            this.array = array;
            this.not = not;
        }

        @Override
        public Object eval(EvalContext c) {
            Object l = lhs.eval(c);
            List<?> set;
            if (values != null) {
                set = Leaves.evalAll(values, c);
            } else {
                Object a = array.eval(c);
                set = a instanceof List<?> list ? list : null;
            }
            if (set == null) {
                return not;
            }
            if (l == null) {
                return Boolean.FALSE;
            }
            for (Object v : set) {
                boolean eq;
                try {
                    eq = Ops.eq(l, v);
                } catch (EvalException e) {
                    throw new EvalException("evaluate in expression error: " + e.getMessage());
                }
                if (eq) {
                    return !not;
                }
            }
            return not;
        }
    }

    /** [NOT] BETWEEN low AND high, inclusive; a null anywhere gives false. */
    static final class Between extends Evaluator {
        final Evaluator lhs;
        final Evaluator low;
        final Evaluator high;
        final boolean not;

        Between(Evaluator lhs, Evaluator low, Evaluator high, boolean not) {
            this.lhs = lhs;
            this.low = low;
            this.high = high;
            this.not = not;
        }

        @Override
        public Object eval(EvalContext c) {
            Object l = lhs.eval(c);
            Object lo = low.eval(c);
            Object hi = high.eval(c);
            if (l == null || lo == null || hi == null) {
                return Boolean.FALSE;
            }
            boolean ge;
            boolean le;
            try {
                ge = (Boolean) Ops.simple(BinaryOp.GTE, l, lo);
            } catch (EvalException e) {
                throw new EvalException("between operator cannot compare " + GoFormat.typed(l) + " and "
                        + GoFormat.typed(lo));
            }
            try {
                le = (Boolean) Ops.simple(BinaryOp.LTE, l, hi);
            } catch (EvalException e) {
                throw new EvalException("between operator cannot compare " + GoFormat.typed(l) + " and "
                        + GoFormat.typed(hi));
            }
            boolean in = ge && le;
            return not ? !in : in;
        }
    }

    /** [NOT] LIKE pattern. */
    static final class Like extends Evaluator {
        final Evaluator lhs;
        final LikeMatcher compiled;
        final Evaluator pattern;
        final boolean not;
        /** The last pattern compiled from a non-constant right side (patterns repeat from row to row). */
        private LikeMatcher last;

        Like(Evaluator lhs, LikeMatcher compiled, Evaluator pattern, boolean not) {
            this.lhs = lhs;
            this.compiled = compiled;
            this.pattern = pattern;
            this.not = not;
        }

        @Override
        public Object eval(EvalContext c) {
            Object l = lhs.eval(c);
            LikeMatcher p = compiled;
            if (p == null) {
                Object pv = pattern.eval(c);
                if (!(pv instanceof String ps)) {
                    throw new EvalException("invalid LIKE pattern, must be a string but got " + GoFormat.v(pv));
                }
                p = last;
                if (p == null || !p.pattern().equals(ps)) {
                    p = LikeMatcher.compile(ps);
                    last = p; // immutable: a racing reader sees either matcher, both valid
                }
            }
            if (!(l instanceof String s)) {
                throw new EvalException("LIKE operator left operand expects string, but found " + GoFormat.v(l));
            }
            boolean m = p.matches(s);
            return not ? !m : m;
        }
    }

    /** CASE: simple (value compared with each WHEN) or searched (first true WHEN). */
    static final class Case extends Evaluator {
        final Evaluator value;
        final Evaluator[] whens;
        final Evaluator[] results;
        final Evaluator otherwise;

        Case(Evaluator value, Evaluator[] whens, Evaluator[] results, Evaluator otherwise) {
            this.value = value;
            this.whens = whens;
            this.results = results;
            this.otherwise = otherwise;
        }

        @Override
        public Object eval(EvalContext c) {
            if (value != null) {
                Object v = value.eval(c);
                for (int i = 0; i < whens.length; i++) {
                    Object w = whens[i].eval(c);
                    boolean eq;
                    try {
                        eq = Ops.eq(v, w);
                    } catch (EvalException e) {
                        throw new EvalException("evaluate case expression error: " + e.getMessage());
                    }
                    if (eq) {
                        return results[i].eval(c);
                    }
                }
            } else {
                for (int i = 0; i < whens.length; i++) {
                    if (whens[i].eval(c) instanceof Boolean b && b) {
                        return results[i].eval(c);
                    }
                }
            }
            return otherwise == null ? null : otherwise.eval(c);
        }
    }
}
