package io.oort.engine.sql.function.builtin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Wildcard;
import io.oort.engine.sql.function.Accumulator;
import io.oort.engine.sql.function.ArgValidator;
import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * Aggregate functions (eKuiper's {@code internal/binder/function/funcs_agg.go}): avg count max min sum collect
 * merge_agg deduplicate median stddev stddevs var vars percentile_cont percentile_disc last_value.
 *
 * <p>eKuiper calls an aggregate once with each argument as the list of its values over the group; here an
 * {@link Accumulator} sees the rows one by one, in arrival order, and its result equals what eKuiper returns for that
 * list. Common to all: a group with no row gives null (eKuiper skips the call on an empty list). Errors surface from
 * {@link Accumulator#result} as {@link EvalException} with eKuiper's message.
 *
 * <p>Argument conventions the runtime must follow, per row:
 * <ul>
 * <li>{@code count(*)}: any non-null value as the argument (the row map, or a marker).</li>
 * <li>{@code collect(*)}, {@code merge_agg(*)}, {@code last_value(*, b)}: the row as a {@code Map<String,Object>}
 * (eKuiper evaluates {@code *} to the row's map).</li>
 * <li>{@code deduplicate(col, isAll)}: THREE values {@code [row as Map, col value, isAll value]}. eKuiper's parser
 * prepends a wildcard to the user's two arguments; the validator accepts both the user's two arguments and the
 * three with a leading {@link Wildcard}.</li>
 * <li>Constant arguments (percentile fraction, isAll, ignoreNull) are passed on every row like any argument; as in
 * eKuiper the first non-null one decides.</li>
 * </ul>
 *
 * <p>eKuiper's {@code inc_*} functions ({@code funcs_inc_agg.go}) are not registered: they are the planner's rewrite
 * for the {@code enableIncrementalWindow} option, not documented SQL. {@link #incremental(String)} gives their
 * semantics as aggregates for a runtime that implements that option.
 */
public final class AggregateFunctions {

    private AggregateFunctions() {
    }

    static final ArgValidator BOOL_SECOND = args -> {
        String e = Args.len(2, args);
        if (e != null) {
            return e;
        }
        return Args.isBooleanArg(args.get(1)) ? null : Args.typeError(1, "bool");
    };

    /** deduplicate: the user's (col, isAll), or the same after the wildcard eKuiper's parser prepends. */
    static final ArgValidator DEDUPLICATE = args -> {
        List<Expr> a = args;
        if (a.size() == 3 && a.get(0) instanceof Wildcard) {
            a = a.subList(1, 3);
        }
        return BOOL_SECOND.validate(a);
    };

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.aggregate("avg", Args.ONE_NUMBER, () -> new SumAvg(true)));
        r.register(FunctionDef.aggregate("sum", Args.ONE_NUMBER, () -> new SumAvg(false)));
        r.register(FunctionDef.aggregate("count", Args.ONE_ARG, Count::new));
        r.register(FunctionDef.aggregate("max", Args.ONE_NUMBER, () -> new Extreme(true)));
        r.register(FunctionDef.aggregate("min", Args.ONE_NUMBER, () -> new Extreme(false)));
        r.register(FunctionDef.aggregate("collect", Args.ONE_ARG, Collect::new));
        r.register(FunctionDef.aggregate("merge_agg", Args.ONE_ARG, MergeAgg::new));
        r.register(FunctionDef.aggregate("deduplicate", DEDUPLICATE, Deduplicate::new));
        r.register(FunctionDef.aggregate("last_value", BOOL_SECOND, LastValue::new));
        r.register(FunctionDef.aggregate("median", Args.ONE_NUMBER, () -> new AggStats(AggStats.Kind.MEDIAN)));
        r.register(FunctionDef.aggregate("stddev", Args.ONE_NUMBER, () -> new AggStats(AggStats.Kind.STDDEV)));
        r.register(FunctionDef.aggregate("stddevs", Args.ONE_NUMBER, () -> new AggStats(AggStats.Kind.STDDEVS)));
        r.register(FunctionDef.aggregate("var", Args.ONE_NUMBER, () -> new AggStats(AggStats.Kind.VAR)));
        r.register(FunctionDef.aggregate("vars", Args.ONE_NUMBER, () -> new AggStats(AggStats.Kind.VARS)));
        r.register(FunctionDef.aggregate("percentile_cont", Args.TWO_NUMBERS,
                () -> new AggStats(AggStats.Kind.PERCENTILE_CONT)));
        r.register(FunctionDef.aggregate("percentile_disc", Args.TWO_NUMBERS,
                () -> new AggStats(AggStats.Kind.PERCENTILE_DISC)));
    }

    /**
     * The incremental variant ({@code inc_count}, {@code inc_avg}, ...) of an aggregate, as eKuiper's planner uses
     * with {@code planOptimizeStrategy.enableIncrementalWindow}; null when the aggregate has none. Not registered.
     *
     * @param aggName count, avg, max, min, sum, merge_agg, collect or last_value
     */
    public static FunctionDef incremental(String aggName) {
        return AggIncremental.def(aggName);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** count: the non-null values; null for an empty group. */
    static final class Count implements Accumulator {
        private long rows;
        private long count;

        @Override
        public void add(Object[] args) {
            rows++;
            if (args[0] != null) {
                count++;
            }
        }

        @Override
        public Object result(FnContext ctx) {
            return rows == 0 ? null : (Object) count;
        }
    }

    private static final int NONE = 0;
    private static final int INT = 1;
    private static final int FLOAT = 2;
    private static final int STRING = 3;

    /**
     * sum and avg. The first non-null value picks integer or float arithmetic: integer sums truncate later floats,
     * float sums reject integers; avg divides by the count of non-null values (integer division for integers).
     */
    static final class SumAvg implements Accumulator {
        private final boolean avg;
        private int mode = NONE;
        private long isum;
        private double fsum;
        private long count;
        private String error;

        SumAvg(boolean avg) {
            this.avg = avg;
        }

        @Override
        public void add(Object[] args) {
            Object v = args[0];
            if (v == null) {
                return;
            }
            count++;
            if (error != null) {
                return;
            }
            switch (mode) {
                case NONE:
                    if (Cast.isInteger(v)) {
                        mode = INT;
                        isum += ((Number) v).longValue();
                    } else if (Cast.isFloat(v)) {
                        mode = FLOAT;
                        fsum += ((Number) v).doubleValue();
                    } else {
                        error = "run " + (avg ? "avg" : "sum") + " function error: found invalid arg "
                                + GoFormat.typed(v);
                    }
                    break;
                case INT:
                    if (Cast.isInteger(v)) {
                        isum += ((Number) v).longValue();
                    } else if (Cast.isFloat(v)) {
                        isum += (long) ((Number) v).doubleValue();
                    } else {
                        error = "requires int but found " + GoFormat.typed(v);
                    }
                    break;
                default:
                    if (Cast.isFloat(v)) {
                        fsum += ((Number) v).doubleValue();
                    } else {
                        error = "requires float64 but found " + GoFormat.typed(v);
                    }
            }
        }

        @Override
        public Object result(FnContext ctx) {
            if (count == 0) {
                return null;
            }
            if (error != null) {
                throw new EvalException(error);
            }
            if (mode == INT) {
                return avg ? isum / count : isum;
            }
            return avg ? fsum / count : fsum;
        }
    }

    /**
     * max and min over integers, floats or strings; the first non-null value picks the kind. Integers accept (and
     * truncate) floats; floats and strings accept only their own kind. Strings compare by code point (Go's byte
     * order of UTF-8).
     */
    static final class Extreme implements Accumulator {
        private final boolean max;
        private int mode = NONE;
        private long iv;
        private double fv;
        private String sv;
        private String error;

        Extreme(boolean max) {
            this.max = max;
        }

        @Override
        public void add(Object[] args) {
            Object v = args[0];
            if (v == null || error != null) {
                return;
            }
            switch (mode) {
                case NONE:
                    if (Cast.isInteger(v)) {
                        mode = INT;
                        iv = ((Number) v).longValue();
                    } else if (Cast.isFloat(v)) {
                        mode = FLOAT;
                        fv = ((Number) v).doubleValue();
                    } else if (v instanceof String s) {
                        mode = STRING;
                        sv = s;
                    } else {
                        error = "found invalid arg " + GoFormat.typed(v);
                    }
                    break;
                case INT: {
                    long l;
                    if (Cast.isInteger(v)) {
                        l = ((Number) v).longValue();
                    } else if (Cast.isFloat(v)) {
                        l = (long) ((Number) v).doubleValue();
                    } else {
                        error = "requires int64 but found " + GoFormat.typed(v);
                        return;
                    }
                    if (max ? l > iv : l < iv) {
                        iv = l;
                    }
                    break;
                }
                case FLOAT: {
                    if (!Cast.isFloat(v)) {
                        error = "requires float64 but found " + GoFormat.typed(v);
                        return;
                    }
                    double d = ((Number) v).doubleValue();
                    if (max ? fv < d : fv > d) {
                        fv = d;
                    }
                    break;
                }
                default: {
                    if (!(v instanceof String s)) {
                        error = "requires string but found " + GoFormat.typed(v);
                        return;
                    }
                    int c = compareCodePoints(s, sv);
                    if (max ? c > 0 : c < 0) {
                        sv = s;
                    }
                }
            }
        }

        @Override
        public Object result(FnContext ctx) {
            if (error != null) {
                throw new EvalException(error);
            }
            switch (mode) {
                case INT:
                    return iv;
                case FLOAT:
                    return fv;
                case STRING:
                    return sv;
                default:
                    return null;
            }
        }
    }

    /** Compares as Go compares strings (bytes of UTF-8, i.e. code points), not by UTF-16 units. */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1; // a supplementary code point is above every BMP one
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** collect: every value, nulls included, in arrival order. */
    static final class Collect implements Accumulator {
        private final ArrayList<Object> values = new ArrayList<>();

        @Override
        public void add(Object[] args) {
            values.add(args[0]);
        }

        @Override
        public Object result(FnContext ctx) {
            return values.isEmpty() ? null : new ArrayList<>(values);
        }
    }

    /** merge_agg: the union of the map values' top-level keys, later rows winning; non-maps ignored; null if empty. */
    static final class MergeAgg implements Accumulator {
        private final LinkedHashMap<String, Object> merged = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        @Override
        public void add(Object[] args) {
            if (args[0] instanceof Map<?, ?> m) {
                merged.putAll((Map<String, Object>) m);
            }
        }

        @Override
        public Object result(FnContext ctx) {
            return merged.isEmpty() ? null : new LinkedHashMap<>(merged);
        }
    }

    /**
     * deduplicate: per row {@code [row, col, isAll]}. Keys are the {@code %v} text of col. isAll: the rows whose key
     * was first seen, in order; otherwise the last row if its key had not been seen before it, else null.
     */
    static final class Deduplicate implements Accumulator {
        private final HashSet<String> keys = new HashSet<>();
        private final ArrayList<Object> firstSeen = new ArrayList<>();
        private long rows;
        private Object lastRow;
        private boolean lastNew;
        private Object isAll;

        @Override
        public void add(Object[] args) {
            if (args.length != 3) {
                throw new IllegalStateException("deduplicate expects [row, col, isAll] per row, got "
                        + args.length + " values");
            }
            rows++;
            if (isAll == null) {
                isAll = args[2];
            }
            lastRow = args[0];
            lastNew = keys.add(GoFormat.v(args[1]));
            if (lastNew) {
                firstSeen.add(args[0]);
            }
        }

        @Override
        public Object result(FnContext ctx) {
            if (rows == 0) {
                return null;
            }
            if (!(isAll instanceof Boolean all)) {
                throw new EvalException("Invalid argument type found.");
            }
            if (all) {
                return new ArrayList<>(firstSeen);
            }
            return lastNew ? lastRow : null;
        }
    }

    /** last_value(x, ignoreNull): the last value, or the last non-null one when ignoreNull. */
    static final class LastValue implements Accumulator {
        private long rows;
        private Object last;
        private Object lastNonNull;
        private Object ignoreNull;

        @Override
        public void add(Object[] args) {
            rows++;
            last = args[0];
            if (last != null) {
                lastNonNull = last;
            }
            if (ignoreNull == null && args.length > 1) {
                ignoreNull = args[1];
            }
        }

        @Override
        public Object result(FnContext ctx) {
            if (rows == 0) {
                return null;
            }
            if (!(ignoreNull instanceof Boolean b)) {
                throw new EvalException("the second parameter requires bool but found " + GoFormat.typed(ignoreNull));
            }
            return b ? lastNonNull : last;
        }
    }
}
