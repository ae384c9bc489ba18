package io.oort.engine.sql.eval;

import java.util.List;
import java.util.Map;

import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.Ops;
import io.oort.engine.sql.value.Strictness;

/** {@code a->b}, {@code a[i]} and {@code a[i:j]} with eKuiper's rules and errors. */
final class Access {

    private Access() {
    }

    /** {@code lhs->key}: a field of an object; null stays null; anything else is an invalid operation. */
    static final class Arrow extends Evaluator {
        final Evaluator lhs;
        final String key;

        Arrow(Evaluator lhs, String key) {
            this.lhs = lhs;
            this.key = key;
        }

        @Override
        public Object eval(EvalContext c) {
            Object v = lhs.eval(c);
            if (v instanceof Map<?, ?> m) {
                return m.get(key);
            }
            if (v == null) {
                return null;
            }
            if (v instanceof List) {
                throw new EvalException("the result " + GoFormat.v(v) + " is not a type of map[string]interface{}");
            }
            throw Ops.invalid(v, BinaryOp.ARROW, null);
        }
    }

    /** {@code lhs[index]}; negative counts from the end. */
    static final class Index extends Evaluator {
        final Evaluator lhs;
        final Evaluator index;

        Index(Evaluator lhs, Evaluator index) {
            this.lhs = lhs;
            this.index = index;
        }

        @Override
        public Object eval(EvalContext c) {
            Object v = lhs.eval(c);
            Object iv = index.eval(c);
            if (v == null) {
                return null;
            }
            if (v instanceof Map<?, ?> m && iv instanceof String key) {
                return m.get(key);
            }
            if (!(v instanceof List<?> list)) {
                throw new EvalException("[] is an invalid operation for " + GoFormat.type(v));
            }
            int i = toIndex(iv, "index");
            int n = list.size();
            if (i < 0) {
                if (i + n < 0) {
                    throw new EvalException("out of index: " + i + " of " + n);
                }
                i += n;
            } else if (i >= n) {
                throw new EvalException("out of index: " + i + " of " + n);
            }
            return list.get(i);
        }
    }

    /** {@code lhs[start:end]}, end exclusive; a missing end means to the end. */
    static final class Slice extends Evaluator {
        final Evaluator lhs;
        final Evaluator start;
        final Evaluator end;

        Slice(Evaluator lhs, Evaluator start, Evaluator end) {
            this.lhs = lhs;
            this.start = start;
            this.end = end;
        }

        @Override
        public Object eval(EvalContext c) {
            Object v = lhs.eval(c);
            int s = toIndex(start.eval(c), "colon start");
            Integer e = end == null ? null : toIndex(end.eval(c), "colon end");
            if (v == null) {
                return null;
            }
            if (!(v instanceof List<?> list)) {
                throw new EvalException("[] is an invalid operation for " + GoFormat.type(v));
            }
            int n = list.size();
            if (s < 0) {
                if (s + n < 0) {
                    throw new EvalException("out of index: " + s + " of " + n);
                }
                s += n;
            } else if (s >= n) {
                throw new EvalException("start value is out of index: " + s + " of " + n);
            }
            int to;
            if (e == null) {
                to = n;
            } else if (e < 0) {
                if (e + n < 0) {
                    throw new EvalException("out of index: " + e + " of " + n);
                }
                to = e + n;
            } else if (e > n) {
                throw new EvalException("end value is out of index: " + e + " of " + n);
            } else {
                to = e;
            }
            if (s >= to) {
                throw new EvalException("start cannot be greater than end. start:" + s + "  end:" + to);
            }
            return new java.util.ArrayList<Object>(list.subList(s, to));
        }
    }

    static int toIndex(Object v, String what) {
        try {
            return Cast.toInt(v, Strictness.CONVERT_SAMEKIND);
        } catch (EvalException e) {
            throw new EvalException(what + " " + GoFormat.v(v) + " is not int: " + e.getMessage());
        }
    }
}
