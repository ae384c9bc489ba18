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

    /**
     * A column or expression compared with a numeric constant: one class per operator (no switch per row), the
     * column of a single-source row read directly, and {@link #test} without boxing the result. Values that are not
     * Double/Long take the general comparison (eKuiper's rules and errors).
     */
    abstract static sealed class CompareConst extends Evaluator {
        final BinaryOp op;
        final Evaluator l;
        /** The slot of the only source's column when {@code l} reads one ({@link Leaves.Slot0}), else -1. */
        final int slot;
        final double k;
        final long kl;
        final boolean longConstant;
        final Object constant;

        CompareConst(BinaryOp op, Evaluator l, Object constant) {
            this.op = op;
            this.l = l;
            this.slot = l instanceof Leaves.Slot0 s ? s.slot : -1;
            this.constant = constant;
            this.k = ((Number) constant).doubleValue();
            this.longConstant = constant instanceof Long;
            this.kl = ((Number) constant).longValue();
        }

        static CompareConst of(BinaryOp op, Evaluator l, Object constant) {
            return switch (op) {
                case GT -> new Gt(l, constant);
                case GTE -> new Gte(l, constant);
                case LT -> new Lt(l, constant);
                case LTE -> new Lte(l, constant);
                case EQ -> new Eq(l, constant);
                case NEQ -> new Neq(l, constant);
                default -> throw new IllegalArgumentException("not a comparison: " + op);
            };
        }

        abstract boolean cmp(double x);

        abstract boolean cmp(long x);

        private Object value(EvalContext c) {
            if (slot >= 0) {
                io.oort.engine.sql.eval.Tuple t = c.row[0];
                return t == null ? null : t.values[slot];
            }
            return l.eval(c);
        }

        @Override
        public final Object eval(EvalContext c) {
            Object v = value(c);
            if (v instanceof Double d) {
                return cmp(d.doubleValue()) ? Boolean.TRUE : Boolean.FALSE;
            }
            if (v instanceof Long n && longConstant) {
                return cmp(n.longValue()) ? Boolean.TRUE : Boolean.FALSE;
            }
            return Ops.simple(op, v, constant);
        }

        @Override
        public final boolean test(EvalContext c) {
            Object v = value(c);
            if (v instanceof Double d) {
                return cmp(d.doubleValue());
            }
            if (v instanceof Long n && longConstant) {
                return cmp(n.longValue());
            }
            return Ops.simple(op, v, constant) instanceof Boolean b && b;
        }

        @Override
        public final boolean alwaysBoolean() {
            return true;
        }
    }

    static final class Gt extends CompareConst {
        Gt(Evaluator l, Object k) {
            super(BinaryOp.GT, l, k);
        }

        @Override
        boolean cmp(double x) {
            return x > k;
        }

        @Override
        boolean cmp(long x) {
            return x > kl;
        }
    }

    static final class Gte extends CompareConst {
        Gte(Evaluator l, Object k) {
            super(BinaryOp.GTE, l, k);
        }

        @Override
        boolean cmp(double x) {
            return x >= k;
        }

        @Override
        boolean cmp(long x) {
            return x >= kl;
        }
    }

    static final class Lt extends CompareConst {
        Lt(Evaluator l, Object k) {
            super(BinaryOp.LT, l, k);
        }

        @Override
        boolean cmp(double x) {
            return x < k;
        }

        @Override
        boolean cmp(long x) {
            return x < kl;
        }
    }

    static final class Lte extends CompareConst {
        Lte(Evaluator l, Object k) {
            super(BinaryOp.LTE, l, k);
        }

        @Override
        boolean cmp(double x) {
            return x <= k;
        }

        @Override
        boolean cmp(long x) {
            return x <= kl;
        }
    }

    static final class Eq extends CompareConst {
        Eq(Evaluator l, Object k) {
            super(BinaryOp.EQ, l, k);
        }

        @Override
        boolean cmp(double x) {
            return x == k;
        }

        @Override
        boolean cmp(long x) {
            return x == kl;
        }
    }

    static final class Neq extends CompareConst {
        Neq(Evaluator l, Object k) {
            super(BinaryOp.NEQ, l, k);
        }

        @Override
        boolean cmp(double x) {
            return x != k;
        }

        @Override
        boolean cmp(long x) {
            return x != kl;
        }
    }

    /**
     * AND with eKuiper's rules: a false left side short-circuits; otherwise both sides must be booleans, and a
     * null on either side makes the result false.
     */
    static final class And extends Evaluator {
        final Evaluator l;
        final Evaluator r;

        /** Whether both sides always give a Boolean (or throw). */
        final boolean booleans;

        And(Evaluator l, Evaluator r) {
            this.l = l;
            this.r = r;
            this.booleans = l.alwaysBoolean() && r.alwaysBoolean();
        }

        @Override
        public boolean alwaysBoolean() {
            return booleans;
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
            if (booleans) {
                return l.test(c) && r.test(c); // both give a Boolean or throw: the same result, unboxed
            }
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
