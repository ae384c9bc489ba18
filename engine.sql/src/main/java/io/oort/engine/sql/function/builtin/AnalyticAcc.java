package io.oort.engine.sql.function.builtin;

import io.oort.engine.sql.function.StateCell;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;

/**
 * The accumulating functions acc_sum, acc_min, acc_max, acc_avg, acc_count (eKuiper's {@code funcs_acc.go}):
 * {@code acc_x(expr)} accumulates over the partition's valid rows for the rule's lifetime; {@code acc_x(expr, begin,
 * reset)} accumulates only between a row where {@code begin} is true and a row where {@code reset} is true (both
 * included), and reports the reset value outside.
 *
 * <p>Results: acc_count an integer; the others floats, 0 before any value. acc_count counts non-null values of any
 * type; acc_sum skips nulls; acc_min/acc_max/acc_avg reject nulls like other non-numbers ("the value should be
 * number"). acc_min/acc_max start from the float of Go's MaxInt64/MinInt64, as eKuiper does.
 */
final class AnalyticAcc {

    enum Kind {
        SUM("acc_sum"), MIN("acc_min"), MAX("acc_max"), AVG("acc_avg"), COUNT("acc_count");

        final String fname;

        Kind(String fname) {
            this.fname = fname;
        }
    }

    private static final double MAX_INT64 = (double) Long.MAX_VALUE;
    private static final double MIN_INT64 = (double) Long.MIN_VALUE;

    /** The state of one call site and partition; mutated in place like eKuiper's stored pointer. */
    static final class Status {
        boolean hasValue; // eKuiper's Value != nil
        long count; // acc_count's value; acc_avg's count
        double value; // acc_sum's sum; acc_min/acc_max's extreme; acc_avg's sum
        double avg;
        boolean hasBegin;
    }

    private AnalyticAcc() {
    }

    static Object apply(Kind kind, Object[] args, boolean valid, StateCell state) {
        Status status = state.value instanceof Status s ? s : new Status();
        if (!status.hasValue) {
            reset(kind, status);
        }
        if (args.length == 1) {
            String err = exec(kind, args[0], valid, status);
            state.value = status;
            if (err != null) {
                throw new EvalException(err);
            }
            return value(kind, status);
        }
        if (args.length == 3) {
            if (!(args[1] instanceof Boolean onBegin)) {
                throw new EvalException("onBegin should be boolean");
            }
            if (!(args[2] instanceof Boolean onReset)) {
                throw new EvalException("onReset should be boolean");
            }
            if (!status.hasBegin) {
                reset(kind, status);
            }
            if (onBegin && !status.hasBegin) {
                status.hasBegin = true;
            }
            if (status.hasBegin) {
                String err = exec(kind, args[0], valid, status);
                if (err != null) {
                    // eKuiper returns before saving: a status that was never stored is dropped
                    throw new EvalException(err);
                }
            }
            if (onReset && status.hasBegin) {
                status.hasBegin = false;
            }
            state.value = status;
            return value(kind, status);
        }
        throw new EvalException("wrong args length");
    }

    private static void reset(Kind kind, Status s) {
        switch (kind) {
            case COUNT, SUM -> {
                s.hasValue = true;
                s.count = 0;
                s.value = 0;
            }
            default -> s.hasValue = false;
        }
    }

    /** One row; returns eKuiper's error text or null. */
    private static String exec(Kind kind, Object v, boolean valid, Status s) {
        if (!valid) {
            return null;
        }
        switch (kind) {
            case COUNT:
                if (v != null) {
                    s.count++;
                }
                return null;
            case SUM:
                if (v == null) {
                    return null;
                }
                if (!Cast.isNumber(v)) {
                    return "the value should be number";
                }
                s.value += ((Number) v).doubleValue();
                return null;
            default:
                if (!Cast.isNumber(v)) {
                    return "the value should be number";
                }
                double d = ((Number) v).doubleValue();
                if (kind == Kind.AVG) {
                    if (!s.hasValue) {
                        s.value = 0;
                        s.count = 0;
                    }
                    s.value += d;
                    s.count++;
                    s.avg = s.value / s.count;
                } else {
                    double cur = s.hasValue ? s.value : (kind == Kind.MIN ? MAX_INT64 : MIN_INT64);
                    s.value = kind == Kind.MIN ? (cur < d ? cur : d) : (cur > d ? cur : d);
                }
                s.hasValue = true;
                return null;
        }
    }

    private static Object value(Kind kind, Status s) {
        switch (kind) {
            case COUNT:
                return s.count;
            case SUM:
                return s.value;
            case AVG:
                return s.hasValue ? s.avg : 0.0;
            default:
                return s.hasValue ? s.value : 0.0;
        }
    }
}
