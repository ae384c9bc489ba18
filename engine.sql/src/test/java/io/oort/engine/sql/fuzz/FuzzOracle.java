package io.oort.engine.sql.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.analyzer.AnalysisException;
import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.AnalyzedQuery.AggregateCall;
import io.oort.engine.sql.analyzer.AnalyzedQuery.AnalyticCall;
import io.oort.engine.sql.analyzer.Analyzer;
import io.oort.engine.sql.analyzer.SourceInfo;
import io.oort.engine.sql.ast.SelectStatement;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.function.Accumulator;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.StateCell;
import io.oort.engine.sql.parser.ParseException;
import io.oort.engine.sql.parser.SqlParser;
import io.oort.engine.sql.value.EvalException;

/**
 * The properties the fuzz tests check, shared by the Jazzer targets and the bounded random test:
 * <ul>
 * <li>{@link SqlParser#parse} returns a statement or throws {@link ParseException}, nothing else;
 * <li>{@link Analyzer#analyze} returns a query or throws {@link AnalysisException}, nothing else;
 * <li>evaluating every compiled expression of an analyzed query (per row, analytic calls, aggregates over the
 * rows, then HAVING / ORDER BY / SELECT per group) throws nothing but {@link EvalException}.
 * </ul>
 * Anything else propagates out of {@link #parse} / {@link #analyzeAndEvaluate} and fails the test.
 */
final class FuzzOracle {

    /** A small fixed catalog: a stream with every type, a schemaless stream and a table. */
    static final String[] DDL = {
        "CREATE STREAM demo (deviceId STRING, temperature FLOAT, humidity FLOAT, ts BIGINT, ok BOOLEAN, "
                + "raw BYTEA, at DATETIME, tags ARRAY(STRING), nums ARRAY(BIGINT), "
                + "payload STRUCT(name STRING, level BIGINT, sub STRUCT(x FLOAT))) "
                + "WITH (DATASOURCE=\"demo\", FORMAT=\"JSON\", TIMESTAMP=\"ts\")",
        "CREATE STREAM sl () WITH (DATASOURCE=\"sl\", FORMAT=\"JSON\")",
        "CREATE TABLE t1 (id BIGINT, name STRING, score FLOAT) WITH (DATASOURCE=\"t1\", TYPE=\"file\")",
    };

    private static final Map<String, StreamStatement> CATALOG = new HashMap<>();
    private static final FunctionRegistry FUNCTIONS = FunctionRegistry.withBuiltins();
    private static final long NOW = 1_700_000_000_000L;

    static {
        for (String d : DDL) {
            try {
                StreamStatement s = SqlParser.parseStream(d);
                CATALOG.put(s.name(), s);
            } catch (ParseException e) {
                throw new IllegalStateException(d + ": " + e.getMessage(), e);
            }
        }
    }

    private FuzzOracle() {
    }

    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Parses; ParseException is an accepted outcome. */
    static void parse(String sql) {
        try {
            SqlParser.parse(sql);
        } catch (ParseException e) {
            if (e.getMessage() == null) {
                throw new AssertionError("ParseException without a message for " + sql);
            }
        }
    }

    /**
     * Parses, analyzes (both ignore-case settings) and evaluates; the declared errors are accepted outcomes.
     *
     * @return how far the input got: 0 parse error, 1 analysis error, 2 analyzed and evaluated
     */
    static int analyzeAndEvaluate(String sql) {
        SelectStatement s;
        try {
            s = SqlParser.parseSelect(sql);
        } catch (ParseException e) {
            return 0;
        }
        int reached = 1;
        for (boolean ignoreCase : new boolean[] {false, true}) {
            AnalyzedQuery q;
            try {
                q = new Analyzer(CATALOG::get, FUNCTIONS, ignoreCase).analyze(s);
            } catch (AnalysisException e) {
                if (e.getMessage() == null) {
                    throw new AssertionError("AnalysisException without a message for " + sql);
                }
                continue;
            }
            reached = 2;
            try {
                evaluate(q);
            } catch (RuntimeException e) {
                if (!knownOpen(e)) {
                    throw e;
                }
            }
        }
        return reached;
    }

    /**
     * Bugs found by fuzzing that are reported and not fixed yet (outside the parser); each has a disabled
     * reproducer in {@link FuzzReproducersTest}. Remove the entry when the bug is fixed.
     */
    static boolean knownOpen(Throwable e) {
        return false; // none open
    }

    /** Runs every evaluator of the query over sample rows the way the runtime does. */
    static void evaluate(AnalyzedQuery q) {
        EvalContext c = new EvalContext("fuzz", () -> NOW, ZoneOffset.UTC);
        c.setRuleStart(NOW);
        int width = q.sources().size();
        int aggSlots = q.aggregates().size() + q.whereAggregates().size();
        List<Tuple[]> rows = new ArrayList<>();
        for (int variant = 0; variant < SAMPLES; variant++) {
            Tuple[] row = new Tuple[width];
            for (SourceInfo src : q.sources()) {
                // the last variant leaves the right side of joins unmatched (null tuples)
                row[src.index()] = variant == SAMPLES - 1 && src.index() > 0 ? null : sample(src, variant);
            }
            rows.add(row);
        }
        List<AnalyticCall> analytics = q.analytics();
        StateCell[] cells = new StateCell[analytics.size()];
        Arrays.setAll(cells, i -> new StateCell());
        List<Object[]> analyticResults = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Tuple[] row = rows.get(r);
            position(c, row, null, new Object[aggSlots], NOW + r);
            Object[] an = new Object[analytics.size()];
            c.analytics = an;
            for (int i = 0; i < analytics.size(); i++) {
                AnalyticCall call = analytics.get(i);
                Object[] args = new Object[call.args().length];
                boolean ok = true;
                for (int a = 0; a < args.length && ok; a++) {
                    ok = tryEval(call.args()[a], c);
                    args[a] = ok ? call.args()[a].eval(c) : null;
                }
                boolean valid = true;
                if (call.when() != null && tryEval(call.when(), c)) {
                    Object w = call.when().eval(c);
                    valid = !(w instanceof Boolean b) || b;
                }
                for (Evaluator p : call.partition()) {
                    tryEval(p, c);
                }
                if (ok) {
                    try {
                        an[i] = call.function().analytic().apply(c, args, valid, cells[i]);
                    } catch (EvalException e) {
                        // a declared runtime error
                    }
                }
            }
            analyticResults.add(an);
            tryTest(q.where(), c);
            for (Evaluator e : q.joinConditions()) {
                tryTest(e, c);
            }
            for (Evaluator e : q.groupBy()) {
                tryEval(e, c);
            }
            if (q.window() != null) {
                tryTest(q.window().filter(), c);
                tryTest(q.window().trigger(), c);
                tryTest(q.window().begin(), c);
                tryTest(q.window().emit(), c);
                tryTest(q.window().single(), c);
                for (Evaluator e : q.window().partition()) {
                    tryEval(e, c);
                }
            }
            evalOutputs(q, c);
        }
        Object[] aggs = new Object[aggSlots];
        accumulate(q.aggregates(), rows, analyticResults, c, aggs);
        accumulate(q.whereAggregates(), rows, analyticResults, c, aggs);
        position(c, rows.get(0), analyticResults.get(0), aggs, NOW + rows.size());
        c.windowStart = NOW - 1000;
        c.windowEnd = NOW;
        tryTest(q.having(), c);
        tryTest(q.where(), c);
        evalOutputs(q, c);
    }

    private static void evalOutputs(AnalyzedQuery q, EvalContext c) {
        for (AnalyzedQuery.OutputField f : q.fields()) {
            tryEval(f.value(), c);
        }
        for (AnalyzedQuery.Sort sort : q.orderBy()) {
            tryEval(sort.key(), c);
        }
    }

    private static void accumulate(List<AggregateCall> calls, List<Tuple[]> rows, List<Object[]> analytics,
            EvalContext c, Object[] into) {
        for (AggregateCall call : calls) {
            Accumulator acc = call.function().aggregate().create();
            try {
                for (int r = 0; r < rows.size(); r++) {
                    position(c, rows.get(r), analytics.get(r), new Object[into.length], NOW + r);
                    Object[] args = new Object[call.args().length];
                    for (int a = 0; a < args.length; a++) {
                        args[a] = call.args()[a].eval(c);
                    }
                    acc.add(args);
                }
                into[call.slot()] = acc.result(c);
            } catch (EvalException e) {
                // a declared runtime error (the runtime fails the window)
            }
        }
    }

    private static void position(EvalContext c, Tuple[] row, Object[] analytics, Object[] aggs, long ts) {
        c.row = row;
        c.analytics = analytics;
        c.aggregates = aggs;
        c.eventTime = ts;
        c.rowNumber = 1;
        c.windowStart = Long.MIN_VALUE;
        c.windowEnd = Long.MIN_VALUE;
    }

    private static boolean tryEval(Evaluator e, EvalContext c) {
        if (e == null) {
            return true;
        }
        try {
            e.eval(c);
            return true;
        } catch (EvalException ex) {
            return false;
        }
    }

    private static void tryTest(Evaluator e, EvalContext c) {
        if (e == null) {
            return;
        }
        try {
            e.test(c);
        } catch (EvalException ex) {
            // a declared runtime error
        }
    }

    private static final int SAMPLES = 4;

    /** Sample tuples: typical values, edge values (zero, negatives, extremes, empty), and missing columns. */
    private static Tuple sample(SourceInfo src, int variant) {
        StreamStatement st = src.stream();
        long ts = NOW + variant;
        if (st.schemaless()) {
            Map<String, Object> m = new LinkedHashMap<>();
            switch (variant) {
                case 0 -> {
                    m.put("a", 1.0);
                    m.put("b", "x");
                    m.put("c", List.of(1.0, 2.0));
                    m.put("d", Map.of("e", 2.5));
                    m.put("deviceId", "d1");
                    m.put("temperature", 21.5);
                }
                case 1 -> {
                    m.put("a", -0.0);
                    m.put("b", "");
                    m.put("c", List.of());
                    m.put("d", Map.of());
                    m.put("temperature", Double.NaN);
                }
                case 2 -> {
                    m.put("a", Double.MAX_VALUE);
                    m.put("b", null);
                    m.put("temperature", Double.NEGATIVE_INFINITY);
                }
                default -> {
                }
            }
            return Tuple.ofMap(st.name(), m, Map.of("topic", "t/" + variant), ts);
        }
        String[] names = src.columns();
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = value(names[i], variant);
        }
        return Tuple.ofValues(st.name(), names, values, Map.of("topic", "t/" + variant), ts);
    }

    private static Object value(String column, int variant) {
        if (variant == 3) {
            return null;
        }
        return switch (column) {
            case "deviceId", "name" -> new String[] {"device-1", "", "ÄÖü\u0000\uD83D\uDE00"}[variant];
            case "temperature", "humidity", "score" -> new Object[] {21.5, -0.0, Double.MAX_VALUE}[variant];
            case "ts", "id" -> new Object[] {NOW, 0L, Long.MIN_VALUE}[variant];
            case "ok" -> variant == 0;
            case "raw" -> new byte[variant];
            // the JSON decoder leaves DATETIME columns as the string or number it read; functions give instants
            case "at" -> new Object[] {java.time.Instant.ofEpochMilli(NOW), "2023-11-14T22:13:20Z", -1.5}[variant];
            case "tags" -> variant == 0 ? List.of("a", "b") : variant == 1 ? List.of() : Arrays.asList("x", null);
            case "nums" -> variant == 0 ? List.of(1L, 2L, 3L) : variant == 1 ? List.of() : List.of(Long.MAX_VALUE);
            case "payload" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                if (variant == 0) {
                    m.put("name", "n");
                    m.put("level", 3L);
                    m.put("sub", Map.of("x", 1.5));
                } else if (variant == 2) {
                    m.put("level", -1L);
                }
                yield m;
            }
            default -> null;
        };
    }
}
