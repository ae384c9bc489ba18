package io.oort.engine.sql.function.builtin;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.UnaryExpr;
import io.oort.engine.sql.function.AnalyticImpl;
import io.oort.engine.sql.function.ArgValidator;
import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.StateCell;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.Strictness;

/**
 * Analytic (stateful per-row) functions: lag, latest, changed_col, had_changed (eKuiper's {@code funcs_analytic.go}),
 * acc_sum, acc_min, acc_max, acc_avg, acc_count ({@code funcs_acc.go}), and the multi-column changed_cols
 * ({@code funcs_cols.go}).
 *
 * <p>The analytic functions receive the call's own arguments only; eKuiper's trailing WHEN flag and partition key
 * are the {@code valid} parameter and the {@link StateCell} of the call site and partition. An argument written
 * {@code *} (e.g. {@code had_changed(true, *)}) must be passed as the row's {@code Map<String,Object>}, one argument,
 * as eKuiper evaluates it.
 *
 * <h2>changed_cols (kind COLS, a {@link io.oort.engine.sql.function.ScalarImpl})</h2>
 * It is not analytic in eKuiper: it runs where SELECT is evaluated (after WHERE; per window result in a window
 * query), with no OVER clause, and its state is per call site, keyed by column name, for the rule's lifetime. The
 * runtime must call it with:
 * <pre>
 *   args[0]          prefix value (expected String)
 *   args[1]          ignoreNull value (expected Boolean)
 *   args[2 .. n+1]   the monitored values, in argument order; an argument written * (or t.*) contributes one value
 *                    per column of the row, in any order
 *   args[n+2]        List&lt;String&gt;: the column names, one per value of args[0 .. n+1] (so n+2 names; names of
 *                    the first two are not used) — eKuiper's ColFuncField names, or the column names of a * row.
 *                    A list of just the n monitored names is accepted too.
 *   args[n+3]        the StateCell of the call site (one per rule and call site, never partitioned)
 * </pre>
 * It returns a {@code Map<String,Object>} of the output columns, {@code prefix + name -> value}, for each
 * monitored value that changed (by Go's DeepEqual) since the last emitted value of that column name; null values
 * are skipped when ignoreNull, otherwise a change to null yields a null-valued column. The map is empty when nothing
 * changed (eKuiper returns a nil map, which adds no column).
 */
public final class AnalyticFunctions {

    private AnalyticFunctions() {
    }

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.analytic("lag", LAG_VALIDATOR, AnalyticFunctions::lag));
        r.register(FunctionDef.analytic("latest", args -> args.size() != 1 && args.size() != 2
                ? "expect one or two args but got " + args.size() : null, AnalyticFunctions::latest));
        r.register(FunctionDef.analytic("changed_col", CHANGED_COL_VALIDATOR, AnalyticFunctions::changedCol));
        r.register(FunctionDef.analytic("had_changed", HAD_CHANGED_VALIDATOR, AnalyticFunctions::hadChanged));
        for (AnalyticAcc.Kind k : AnalyticAcc.Kind.values()) {
            r.register(FunctionDef.analytic(k.fname, ACC_VALIDATOR, (ctx, args, valid, st) -> AnalyticAcc.apply(k,
                    args, valid, st)));
        }
        r.register(FunctionDef.cols("changed_cols", CHANGED_COLS_VALIDATOR, AnalyticFunctions::changedCols));
    }

    // ------------------------------------------------------------------------------------------------- validators

    /** The value of a literal, looking through a unary minus; null when not a literal. */
    private static Object literal(Expr e) {
        if (e instanceof Literal l) {
            return l.value();
        }
        if (e instanceof UnaryExpr u && u.op() == UnaryExpr.Op.NEG && u.expr() instanceof Literal l) {
            Object v = l.value();
            if (v instanceof Long x) {
                return -x;
            }
            if (v instanceof Double d) {
                return -d;
            }
        }
        return null;
    }

    static final ArgValidator LAG_VALIDATOR = args -> {
        int l = args.size();
        if (l < 1 || l > 4) {
            return "expect one two or three args but got " + l;
        }
        if (l >= 2) {
            Expr a = args.get(1);
            Object lit = literal(a);
            if (lit instanceof Double || Args.isTimeArg(a) || Args.isBooleanArg(a) || Args.isStringArg(a)
                    || Args.isFieldRefArg(a)) {
                return Args.typeError(1, "int");
            }
            if (lit instanceof Long x && x < 0) {
                return "the index should not be a nagtive integer";
            }
        }
        if (l == 4) {
            Expr a = args.get(3);
            if (literal(a) instanceof Number || Args.isTimeArg(a) || Args.isStringArg(a)) {
                return Args.typeError(3, "bool");
            }
        }
        return null;
    };

    static final ArgValidator CHANGED_COL_VALIDATOR = args -> {
        String e = Args.len(2, args);
        if (e != null) {
            return e;
        }
        Expr a = args.get(0);
        return Args.isNumericArg(a) || Args.isTimeArg(a) || Args.isStringArg(a) ? Args.typeError(0, "boolean")
                : null;
    };

    static final ArgValidator HAD_CHANGED_VALIDATOR = args -> {
        if (args.size() <= 1) {
            return "expect more than one arg but got " + args.size();
        }
        Expr a = args.get(0);
        return Args.isNumericArg(a) || Args.isTimeArg(a) || Args.isStringArg(a) ? Args.typeError(0, "bool") : null;
    };

    static final ArgValidator ACC_VALIDATOR = args -> args.size() != 1 && args.size() != 3
            ? "Expect 1/3 arguments but found " + args.size() + "." : null;

    /**
     * As eKuiper's: the literal checks apply to the arguments as given. eKuiper's parser wraps every changed_cols
     * argument in a ColFuncField before validating, so in practice only the count is checked there.
     */
    static final ArgValidator CHANGED_COLS_VALIDATOR = args -> {
        if (args.size() <= 2) {
            return "expect more than two args but got " + args.size();
        }
        Expr a = args.get(0);
        if (Args.isNumericArg(a) || Args.isTimeArg(a) || Args.isBooleanArg(a)) {
            return Args.typeError(0, "string");
        }
        Expr b = args.get(1);
        if (Args.isNumericArg(b) || Args.isTimeArg(b) || Args.isStringArg(b)) {
            return Args.typeError(1, "bool");
        }
        return null;
    };

    // ------------------------------------------------------------------------------------------------------ lag

    /** eKuiper's ring queue of the last {@code size} recorded values, pre-filled with the default. */
    static final class LagRing {
        private final Object[] data;
        private int head;
        private int tail;
        private int len;

        LagRing(int size, Object fill) {
            this(size);
            while (append(fill)) {
                // fill up
            }
        }

        /** An empty ring (a checkpoint's values are appended). */
        LagRing(int size) {
            data = new Object[size];
        }

        int capacity() {
            return data.length;
        }

        /** The recorded values, oldest first. */
        java.util.List<Object> contents() {
            java.util.List<Object> out = new java.util.ArrayList<>(len);
            for (int i = 0; i < len; i++) {
                out.add(data[(head + i) % data.length]);
            }
            return out;
        }

        boolean append(Object v) {
            if (len == data.length) {
                return false;
            }
            data[tail] = v;
            tail = (tail + 1) % data.length;
            len++;
            return true;
        }

        Object peek() {
            return len == 0 ? null : data[head];
        }

        Object fetch() {
            if (len == 0) {
                return null;
            }
            Object r = data[head];
            data[head] = null;
            head = (head + 1) % data.length;
            len--;
            return r;
        }
    }

    /**
     * lag(expr[, offset[, default[, ignoreNull]]]): the value recorded {@code offset} valid rows ago. The history is
     * created on the partition's first row, of the size and filled with the default evaluated on that row. A row
     * is recorded when valid and (not ignoreNull or its value is not null); otherwise the oldest value is returned
     * without consuming it.
     */
    static Object lag(FnContext ctx, Object[] args, boolean valid, StateCell state) {
        int l = args.length;
        if (l < 1 || l > 4) {
            throw new EvalException("expect from 1 to 4 args but got " + l);
        }
        int size = 1;
        if (l >= 2) {
            try {
                size = Cast.toInt(args[1], Strictness.STRICT);
            } catch (EvalException e) {
                throw new EvalException("error converting second arg " + GoFormat.v(args[1]) + " to int: "
                        + e.getMessage());
            }
        }
        Object dft = l >= 3 ? args[2] : null;
        boolean ignoreNull = true;
        if (l >= 4) {
            if (!(args[3] instanceof Boolean b)) {
                // eKuiper prints the first argument here
                throw new EvalException("The fourth arg is not a bool but got " + GoFormat.v(args[0]));
            }
            ignoreNull = b;
        }
        LagRing rq;
        if (state.value instanceof LagRing existing) {
            rq = existing;
        } else {
            if (size < 0) {
                throw new EvalException("the index should not be a nagtive integer");
            }
            rq = new LagRing(size, dft);
            state.value = rq;
        }
        Object rtn = rq.peek();
        if (valid && (!ignoreNull || args[0] != null)) {
            rtn = rq.fetch();
            rq.append(args[0]);
        }
        return rtn;
    }

    // ---------------------------------------------------------------------------------------------------- latest

    /** latest(expr[, default]): the last non-null value of valid rows, else the default (or null). */
    static Object latest(FnContext ctx, Object[] args, boolean valid, StateCell state) {
        if (args.length != 1 && args.length != 2) {
            throw new EvalException("expect one or two args but got " + args.length);
        }
        if (valid && args[0] != null) {
            state.value = args[0];
            return args[0];
        }
        if (state.value == null) {
            return args.length == 2 ? args[1] : null;
        }
        return state.value;
    }

    // -------------------------------------------------------------------------------------------- change detection

    /** changed_col(ignoreNull, expr): the value when it differs from the last recorded one, else null. */
    static Object changedCol(FnContext ctx, Object[] args, boolean valid, StateCell state) {
        if (!(args[0] instanceof Boolean ignoreNull)) {
            throw new EvalException("first arg is not a bool but got " + GoFormat.v(args[0]));
        }
        Object v = args.length > 1 ? args[1] : null;
        if (ignoreNull && v == null) {
            return null;
        }
        if (!valid) {
            return null;
        }
        if (!AnalyticValues.deepEquals(v, state.value)) {
            state.value = v;
            return v;
        }
        return null;
    }

    /** had_changed(ignoreNull, expr...): whether any value differs from the last recorded one of its position. */
    static Object hadChanged(FnContext ctx, Object[] args, boolean valid, StateCell state) {
        int l = args.length;
        if (l <= 1) {
            // eKuiper counts its two trailing internal arguments here
            throw new EvalException("expect more than one arg but got " + (l + 2));
        }
        if (!valid) {
            return false;
        }
        if (!(args[0] instanceof Boolean ignoreNull)) {
            throw new EvalException("first arg is not a bool but got " + GoFormat.v(args[0]));
        }
        Object[] prev;
        if (state.value instanceof Object[] p && p.length >= l - 1) {
            prev = p;
        } else {
            prev = new Object[l - 1];
            if (state.value instanceof Object[] p) {
                System.arraycopy(p, 0, prev, 0, p.length);
            }
            state.value = prev;
        }
        boolean result = false;
        for (int i = 1; i < l; i++) {
            Object v = args[i];
            if (ignoreNull && v == null) {
                continue;
            }
            if (!AnalyticValues.deepEquals(v, prev[i - 1])) {
                result = true;
                prev[i - 1] = v;
            }
        }
        return result;
    }

    /** changed_cols: see the class documentation for the argument layout. */
    static Object changedCols(FnContext ctx, Object[] args) {
        int total = args.length;
        if (total < 2 || !(args[total - 1] instanceof StateCell state)) {
            throw new IllegalStateException("changed_cols expects its call-site StateCell as the last argument");
        }
        Object keysArg = args[total - 2];
        if (!(keysArg instanceof List<?> keys)) {
            throw new EvalException("the last arg is not the key list but got " + GoFormat.v(keysArg));
        }
        int m = total - 2; // prefix, ignoreNull and the values
        if (m <= 2) {
            throw new EvalException("expect more than two args but got " + m);
        }
        if (!(args[0] instanceof String prefix)) {
            throw new EvalException("first arg is not a string but got " + GoFormat.v(args[0]));
        }
        if (!(args[1] instanceof Boolean ignoreNull)) {
            throw new EvalException("second arg is not a bool but got " + GoFormat.v(args[1]));
        }
        int offset;
        if (keys.size() == m) {
            offset = 0;
        } else if (keys.size() == m - 2) {
            offset = 2;
        } else {
            throw new EvalException("the length of keys " + keys.size() + " does not match the args " + (m - 2));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> last = state.value instanceof Map<?, ?> s ? (Map<String, Object>) s : null;
        if (last == null) {
            last = new HashMap<>();
            state.value = last;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 2; i < m; i++) {
            String k = String.valueOf(keys.get(i - offset));
            Object v = args[i];
            if (ignoreNull && v == null) {
                continue;
            }
            if (!AnalyticValues.deepEquals(v, last.get(k))) {
                out.put(prefix + k, v);
                last.put(k, v);
            }
        }
        return out;
    }
}
