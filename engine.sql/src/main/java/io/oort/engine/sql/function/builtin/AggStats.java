package io.oort.engine.sql.function.builtin;

import java.util.ArrayList;
import java.util.Arrays;

import io.oort.engine.sql.function.Accumulator;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * The aggregates that need every value of the group: median, stddev, stddevs, var, vars, percentile_cont and
 * percentile_disc. They keep the raw argument values (including nulls, which eKuiper prints in its error messages and
 * which median's integer path rejects) and compute at {@link #result}, with the arithmetic of eKuiper's
 * {@code funcs_agg.go} and of the statistics library it uses (two-pass variance, mean of the two neighbours for a
 * fractional percentile index, nearest rank for percentile_disc).
 */
final class AggStats implements Accumulator {

    enum Kind {
        MEDIAN, STDDEV, STDDEVS, VAR, VARS, PERCENTILE_CONT, PERCENTILE_DISC
    }

    private static final String BOUNDS = "Input is outside of range.";

    private final Kind kind;
    private final ArrayList<Object> values = new ArrayList<>();
    private final AggColumn fraction; // second argument of the percentiles

    AggStats(Kind kind) {
        this.kind = kind;
        this.fraction = kind == Kind.PERCENTILE_CONT || kind == Kind.PERCENTILE_DISC ? new AggColumn() : null;
    }

    @Override
    public void add(Object[] args) {
        values.add(args[0]);
        if (fraction != null) {
            fraction.add(args.length > 1 ? args[1] : null);
        }
    }

    @Override
    public Object result(FnContext ctx) {
        if (values.isEmpty()) {
            return null; // eKuiper's nil check on an empty group
        }
        switch (kind) {
            case MEDIAN:
                return median();
            case STDDEV:
            case STDDEVS:
            case VAR:
            case VARS: {
                double[] d = floats();
                if (d.length == 0) {
                    return null;
                }
                boolean sample = kind == Kind.STDDEVS || kind == Kind.VARS;
                double var = variance(d, sample);
                return kind == Kind.STDDEV || kind == Kind.STDDEVS ? Math.sqrt(var) : var;
            }
            default:
                return percentile();
        }
    }

    private Object percentile() {
        double p = 1;
        if (fraction.size() > 0) {
            Object v1 = fraction.firstNonNull();
            if (Cast.isNumber(v1)) {
                p = ((Number) v1).doubleValue();
            } else {
                throw new EvalException(
                        "the second parameter requires float64 but found " + GoFormat.typed(fraction.toList()));
            }
        }
        double[] d = floats();
        if (d.length == 0) {
            return null;
        }
        double percent = p * 100;
        return kind == Kind.PERCENTILE_CONT ? percentileCont(d, percent) : percentileDisc(d, percent);
    }

    /** Continuous percentile: the value at (percent/100)*n (1-based), or the mean of the two neighbours. */
    private static double percentileCont(double[] input, double percent) {
        if (input.length == 1) {
            return input[0];
        }
        if (percent <= 0 || percent > 100) {
            throw new EvalException("percentile exec with error: " + BOUNDS);
        }
        double[] c = sortedCopy(input);
        double index = (percent / 100) * c.length;
        if (index == (double) (long) index) {
            int i = (int) index;
            if (i < 1) {
                throw new EvalException("percentile exec with error: " + BOUNDS);
            }
            return c[i - 1];
        } else if (index > 1) {
            int i = (int) index;
            double sum = 0;
            sum += c[i - 1];
            sum += c[i];
            return sum / 2;
        }
        throw new EvalException("percentile exec with error: " + BOUNDS);
    }

    /** Nearest-rank percentile. */
    private static double percentileDisc(double[] input, double percent) {
        if (percent < 0 || percent > 100) {
            // eKuiper's message really says PopulationVariance here
            throw new EvalException("PopulationVariance exec with error: " + BOUNDS);
        }
        double[] c = sortedCopy(input);
        int il = c.length;
        if (percent == 100.0) {
            return c[il - 1];
        }
        int or = (int) Math.ceil(il * percent / 100);
        if (or <= 0) {
            return c[0];
        }
        return c[Math.min(or, il) - 1];
    }

    /** Two-pass variance: the mean first, then the sum of squared differences over n (population) or n-1. */
    private static double variance(double[] d, boolean sample) {
        double sum = 0;
        for (double x : d) {
            sum += x;
        }
        double m = sum / d.length;
        double v = 0;
        for (double x : d) {
            v += (x - m) * (x - m);
        }
        return v / (d.length - (sample ? 1 : 0));
    }

    /** The non-null values as doubles (integers widen); anything else is eKuiper's "requires float64 slice" error. */
    private double[] floats() {
        double[] out = new double[values.size()];
        int n = 0;
        for (Object v : values) {
            if (v == null) {
                continue;
            }
            if (Cast.isNumber(v)) {
                out[n++] = ((Number) v).doubleValue();
            } else {
                throw new EvalException("requires float64 slice but found " + GoFormat.typed(values));
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * eKuiper's median: the type of the FIRST value (null included) picks the path. Floats: nulls skipped, integers
     * widened. Integers: every value must convert to an integer (floats truncate, a null is an error).
     */
    private Object median() {
        Object f0 = values.get(0);
        int n = values.size();
        if (Cast.isFloat(f0)) {
            double[] d = new double[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                Object v = values.get(i);
                if (v == null) {
                    continue;
                }
                if (!Cast.isNumber(v)) {
                    throw new EvalException("cannot convert " + GoFormat.typed(values) + " to float slice for the " + i
                            + " element: cannot convert " + GoFormat.typed(v) + " to float64");
                }
                d[k++] = ((Number) v).doubleValue();
            }
            d = Arrays.copyOf(d, k);
            goSort(d);
            if (k % 2 == 1) {
                return d[k / 2];
            }
            return (d[k / 2 - 1] + d[k / 2]) / 2;
        }
        if (Cast.isInteger(f0)) {
            long[] l = new long[n];
            for (int i = 0; i < n; i++) {
                Object v = values.get(i);
                if (Cast.isInteger(v)) {
                    l[i] = ((Number) v).longValue();
                } else if (Cast.isFloat(v)) {
                    l[i] = (long) ((Number) v).doubleValue();
                } else {
                    throw new EvalException("cannot convert " + GoFormat.typed(values) + " to int slice for the " + i
                            + " element: cannot convert " + GoFormat.typed(v) + " to int64");
                }
            }
            Arrays.sort(l);
            if (n % 2 == 1) {
                return l[n / 2];
            }
            return (double) (l[n / 2 - 1] + l[n / 2]) / 2;
        }
        throw new EvalException(GoFormat.v(f0) + " should be number");
    }

    private static double[] sortedCopy(double[] d) {
        double[] c = d.clone();
        goSort(c);
        return c;
    }

    /** Sorts ascending with NaNs first, as Go's sort.Float64s (Java's sort puts them last). */
    static void goSort(double[] d) {
        Arrays.sort(d);
        int nan = 0;
        for (int i = d.length - 1; i >= 0 && Double.isNaN(d[i]); i--) {
            nan++;
        }
        if (nan > 0 && nan < d.length) {
            System.arraycopy(d, 0, d, nan, d.length - nan);
            Arrays.fill(d, 0, nan, Double.NaN);
        }
    }
}
