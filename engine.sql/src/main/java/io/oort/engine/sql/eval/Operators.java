package io.oort.engine.sql.eval;

import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.Ops;

/** Arithmetic, comparison and logical operators, with fast paths for the common numeric cases. */
final class Operators {

    private Operators() {
    }

    /** Any binary operator through the generic semantics. */
    static final class Binary extends Evaluator {
        final BinaryOp op;
        final Evaluator l;
        final Evaluator r;

        Binary(BinaryOp op, Evaluator l, Evaluator r) {
            this.op = op;
            this.l = l;
            this.r = r;
        }

        @Override
        public Object eval(EvalContext c) {
            Object lv = l.eval(c);
            if (lv instanceof java.util.Map || lv instanceof java.util.List) {
                throw Ops.invalid(lv, op, r.eval(c));
            }
            return Ops.simple(op, lv, r.eval(c));
        }
    }

    /** column/expression compared with a numeric constant: no boxing on the float path. */
    static final class CompareConst extends Evaluator {
        final BinaryOp op;
        final Evaluator l;
        final double k;
        final Object constant;

        CompareConst(BinaryOp op, Evaluator l, Object constant) {
            this.op = op;
            this.l = l;
            this.constant = constant;
            this.k = ((Number) constant).doubleValue();
        }

        @Override
        public Object eval(EvalContext c) {
            Object v = l.eval(c);
            if (v instanceof Double d) {
                double x = d;
                boolean res = switch (op) {
                    case GT -> x > k;
                    case GTE -> x >= k;
                    case LT -> x < k;
                    case LTE -> x <= k;
                    case EQ -> x == k;
                    default -> x != k;
                };
                return res ? Boolean.TRUE : Boolean.FALSE;
            }
            if (v instanceof Long n && constant instanceof Long kl) {
                long x = n;
                long y = kl;
                boolean res = switch (op) {
                    case GT -> x > y;
                    case GTE -> x >= y;
                    case LT -> x < y;
                    case LTE -> x <= y;
                    case EQ -> x == y;
                    default -> x != y;
                };
                return res ? Boolean.TRUE : Boolean.FALSE;
            }
            return Ops.simple(op, v, constant);
        }

        @Override
        public boolean test(EvalContext c) {
            Object v = eval(c);
            return v == Boolean.TRUE || (v instanceof Boolean b && b);
        }
    }

    /**
     * AND with eKuiper's rules: a false left side short-circuits; otherwise both sides must be booleans, and a
     * null on either side makes the result false.
     */
    static final class And extends Evaluator {
        final Evaluator l;
        final Evaluator r;

        And(Evaluator l, Evaluator r) {
            this.l = l;
            this.r = r;
        }

        @Override
        public Object eval(EvalContext c) {
            Object lv = l.eval(c);
            if (lv == Boolean.FALSE || (lv instanceof Boolean b && !b)) {
                return Boolean.FALSE;
            }
            return Ops.simple(BinaryOp.AND, lv, r.eval(c));
        }

        @Override
        public boolean test(EvalContext c) {
            Object lv = l.eval(c);
            if (lv == Boolean.FALSE) {
                return false;
            }
            Object rv = r.eval(c);
            if (lv == Boolean.TRUE && rv == Boolean.TRUE) {
                return true;
            }
            return (Boolean) Ops.simple(BinaryOp.AND, lv, rv);
        }
    }

    /** OR: a true left side short-circuits; a null on either side makes it false (eKuiper quirk). */
    static final class Or extends Evaluator {
        final Evaluator l;
        final Evaluator r;

        Or(Evaluator l, Evaluator r) {
            this.l = l;
            this.r = r;
        }

        @Override
        public Object eval(EvalContext c) {
            Object lv = l.eval(c);
            if (lv == Boolean.TRUE || (lv instanceof Boolean b && b)) {
                return Boolean.TRUE;
            }
            return Ops.simple(BinaryOp.OR, lv, r.eval(c));
        }
    }

    /** NOT expr (Oort extension). */
    static final class Not extends Evaluator {
        final Evaluator e;

        Not(Evaluator e) {
            this.e = e;
        }

        @Override
        public Object eval(EvalContext c) {
            Object v = e.eval(c);
            if (v == null) {
                return null;
            }
            if (v instanceof Boolean b) {
                return !b;
            }
            throw new EvalException("NOT expects a boolean but found " + GoFormat.typed(v));
        }
    }

    /** -expr (Oort extension). */
    static final class Neg extends Evaluator {
        final Evaluator e;

        Neg(Evaluator e) {
            this.e = e;
        }

        @Override
        public Object eval(EvalContext c) {
            Object v = e.eval(c);
            if (v == null) {
                return null;
            }
            if (v instanceof Long l) {
                return -l;
            }
            if (v instanceof Double d) {
                return -d;
            }
            throw new EvalException("invalid operation -" + GoFormat.typed(v));
        }
    }
}
