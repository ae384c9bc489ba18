package io.oort.engine.sql.function.builtin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.function.Accumulator;
import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.ArgValidator;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.Strictness;

/**
 * eKuiper's incremental aggregates ({@code funcs_inc_agg.go}: inc_count inc_avg inc_max inc_min inc_sum
 * inc_merge_agg inc_collect inc_last_value), which its planner substitutes for the plain aggregates when
 * {@code enableIncrementalWindow} is set. eKuiper evaluates them once per row and the window emits the value of the
 * group's LAST row, which differs from the plain aggregates in visible ways reproduced here: a row whose argument is
 * null (or an empty list/map) makes that row's value null, so a group ending with such a row yields null; inc_sum
 * and inc_avg convert with CONVERT_ALL and return floats; inc_last_value ignores its flag (null rows give null).
 */
final class AggIncremental implements Accumulator {

    enum Kind {
        COUNT, AVG, MAX, MIN, SUM, MERGE_AGG, COLLECT, LAST_VALUE
    }

    static FunctionDef def(String aggName) {
        if (aggName == null) {
            return null;
        }
        Kind k;
        ArgValidator v;
        switch (aggName) {
            case "count" -> {
                k = Kind.COUNT;
                v = Args.ONE_ARG;
            }
            case "avg" -> {
                k = Kind.AVG;
                v = Args.ONE_NUMBER;
            }
            case "max" -> {
                k = Kind.MAX;
                v = Args.ONE_NUMBER;
            }
            case "min" -> {
                k = Kind.MIN;
                v = Args.ONE_NUMBER;
            }
            case "sum" -> {
                k = Kind.SUM;
                v = Args.ONE_NUMBER;
            }
            case "merge_agg" -> {
                k = Kind.MERGE_AGG;
                v = Args.ONE_NUMBER;
            }
            case "collect" -> {
                k = Kind.COLLECT;
                v = Args.ONE_NUMBER;
            }
            case "last_value" -> {
                k = Kind.LAST_VALUE;
                v = Args.TWO_NUMBERS;
            }
            default -> {
                return null;
            }
        }
        final Kind kind = k;
        return FunctionDef.aggregate("inc_" + aggName, v, () -> new AggIncremental(kind));
    }

    private static final int NIL = 0;
    private static final int VALUE = 1;
    private static final int ERROR = 2;

    private final Kind kind;
    private int outcome = NIL; // of the last row
    private String error;
    private long count;
    private double sum;
    private boolean hasSum;
    private Object extreme;
    private LinkedHashMap<String, Object> merged;
    private ArrayList<Object> collected;
    private Object last;

    AggIncremental(Kind kind) {
        this.kind = kind;
    }

    @Override
    public void add(Object[] args) {
        for (Object a : args) {
            if (a == null || (a instanceof List<?> l && l.isEmpty()) || (a instanceof Map<?, ?> m && m.isEmpty())) {
                outcome = NIL;
                return;
            }
        }
        Object x = args[0];
        try {
            switch (kind) {
                case COUNT -> count++;
                case AVG, SUM -> {
                    double d = Cast.toDouble(x, Strictness.CONVERT_ALL);
                    if (kind == Kind.AVG) {
                        count++;
                    }
                    sum = hasSum ? sum + d : d;
                    hasSum = true;
                }
                case MAX, MIN -> {
                    Object r = extremeOf(x, extreme, kind == Kind.MAX);
                    if (r == null) {
                        outcome = NIL;
                        return;
                    }
                    extreme = r;
                }
                case MERGE_AGG -> {
                    if (!(x instanceof Map<?, ?> m)) {
                        throw new EvalException("argument is not a map[string]interface{}");
                    }
                    if (merged == null) {
                        merged = new LinkedHashMap<>();
                    }
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        merged.put(String.valueOf(e.getKey()), e.getValue());
                    }
                }
                case COLLECT -> {
                    if (collected == null) {
                        collected = new ArrayList<>();
                    }
                    collected.add(x);
                }
                default -> {
                    if (!(args.length > 1 && args[1] instanceof Boolean)) {
                        throw new EvalException("second argument is not a bool");
                    }
                    last = x;
                }
            }
            outcome = VALUE;
        } catch (EvalException e) {
            outcome = ERROR;
            error = e.getMessage();
        }
    }

    /** eKuiper's max/min over [x, prev]: x's kind decides; a mismatch gives null (the state is kept). */
    private static Object extremeOf(Object x, Object prev, boolean max) {
        AggregateFunctions.Extreme e = new AggregateFunctions.Extreme(max);
        e.add(new Object[] {x});
        if (prev != null) {
            e.add(new Object[] {prev});
        }
        try {
            return e.result(null);
        } catch (EvalException ex) {
            return null;
        }
    }

    @Override
    public Object result(FnContext ctx) {
        if (outcome == NIL) {
            return null;
        }
        if (outcome == ERROR) {
            throw new EvalException(error);
        }
        return switch (kind) {
            case COUNT -> count;
            case AVG -> sum / count;
            case SUM -> sum;
            case MAX, MIN -> extreme;
            case MERGE_AGG -> new LinkedHashMap<>(merged);
            case COLLECT -> new ArrayList<>(collected);
            case LAST_VALUE -> last;
        };
    }
}
