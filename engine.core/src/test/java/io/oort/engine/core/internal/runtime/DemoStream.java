package io.oort.engine.core.internal.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.Analyzer;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.parser.SqlParser;

/**
 * The pipeline tests' stream {@code demo(deviceId, temperature, humidity, ts)}, declared or schemaless, and random
 * rows for it: late and out-of-order event times, nulls, and in schemaless rows the odd string temperature.
 */
final class DemoStream {

    static final String TYPED = "CREATE STREAM demo (deviceId STRING, temperature FLOAT, humidity FLOAT, "
            + "ts BIGINT) WITH (DATASOURCE=\"demo\", TIMESTAMP=\"ts\")";
    static final String SCHEMALESS = "CREATE STREAM demo () WITH (DATASOURCE=\"demo\", TIMESTAMP=\"ts\")";
    private static final FunctionRegistry FUNCTIONS = FunctionRegistry.withBuiltins();
    private static final String[] NAMES = {"deviceId", "temperature", "humidity", "ts"};

    private DemoStream() {
    }

    static AnalyzedQuery analyze(String ddl, String sql) throws Exception {
        StreamStatement st = SqlParser.parseStream(ddl);
        return new Analyzer(Map.of(st.name(), st)::get, FUNCTIONS, false).analyze(SqlParser.parseSelect(sql));
    }

    /**
     * {@code n} rows [deviceId, temperature, humidity, event ts, arrival]: arrivals advance by up to {@code step} ms,
     * one event in 12 is up to {@code lateMs} older, with {@code devices} devices; with {@code nonPositiveStart}
     * some of the first three events have a timestamp <= 0.
     */
    static List<List<Object>> rows(Random r, boolean schemaless, int n, int step, int lateMs, int devices,
            boolean nonPositiveStart) {
        List<List<Object>> rows = new ArrayList<>();
        long ts = 1_000_000L;
        for (int i = 0; i < n; i++) {
            ts += r.nextInt(step);
            long eventTs = r.nextInt(12) == 0 ? ts - r.nextInt(lateMs) : ts; // late / out of order
            if (nonPositiveStart && i < 3 && r.nextBoolean()) {
                eventTs = -r.nextInt(5);
            }
            Object dev = r.nextInt(15) == 0 ? null : "d" + r.nextInt(devices);
            Object t = r.nextInt(20) == 0 ? null : r.nextInt(50) == 0 && schemaless ? "hot" : r.nextDouble() * 40;
            Object h = r.nextInt(20) == 0 ? null : (double) r.nextInt(100);
            rows.add(Arrays.asList(dev, t, h, eventTs, ts));
        }
        return rows;
    }

    /** The tuple of a row, stamped {@code ts}. */
    static Tuple tuple(List<Object> row, boolean schemaless, long ts) {
        if (!schemaless) {
            return Tuple.ofValues("demo", NAMES, row.subList(0, 4).toArray(), Map.of(), ts);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            if (row.get(i) != null) {
                m.put(NAMES[i], row.get(i));
            }
        }
        return Tuple.ofMap("demo", m, Map.of(), ts);
    }
}
