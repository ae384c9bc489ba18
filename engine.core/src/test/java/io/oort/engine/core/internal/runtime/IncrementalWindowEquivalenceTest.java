package io.oort.engine.core.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.eval.EvalContext;

/**
 * Tumbling windows aggregated as rows arrive give exactly what the buffering window and the collection processor
 * give: the same results, errors and empty windows, in the same order, over random streams (event time with late
 * and out-of-order rows, processing time with a moving clock), including nulls, type errors and timestamps <= 0.
 */
class IncrementalWindowEquivalenceTest {

    private static final String TYPED = DemoStream.TYPED;
    private static final String SCHEMALESS = DemoStream.SCHEMALESS;

    private static final String[] QUERIES = {
        "SELECT deviceId, window_start() AS ws, window_end() AS we, avg(temperature) AS avgT, count(*) AS cnt "
                + "FROM demo GROUP BY deviceId, TUMBLINGWINDOW(ss, 1)",
        "SELECT count(*) AS c, sum(temperature) AS s, max(humidity) AS m FROM demo GROUP BY TUMBLINGWINDOW(ms, 700)",
        "SELECT deviceId, min(temperature), collect(humidity) AS h FROM demo WHERE humidity > 30 "
                + "GROUP BY deviceId, TUMBLINGWINDOW(ss, 2)",
        "SELECT deviceId, count(*) AS c FROM demo WHERE temperature > 20 GROUP BY deviceId, TUMBLINGWINDOW(ss, 1) "
                + "HAVING count(*) > 1 ORDER BY c DESC, deviceId LIMIT 2",
        "SELECT deviceId, humidity, temperature, avg(temperature) AS a FROM demo GROUP BY deviceId, humidity > 50, "
                + "TUMBLINGWINDOW(ss, 1)",
        "SELECT sum(temperature) AS s, deviceId FROM demo GROUP BY TUMBLINGWINDOW(ss, 1) FILTER (WHERE humidity < 90)",
        "SELECT deviceId, stddev(temperature) AS sd, median(humidity) AS md, last_value(temperature, true) AS lv "
                + "FROM demo GROUP BY deviceId, TUMBLINGWINDOW(ms, 1500)",
        "SELECT avg(temperature) AS a FROM demo WHERE deviceId = \"d1\" GROUP BY TUMBLINGWINDOW(ss, 1)",
        "SELECT deviceId, sum(temperature + humidity) AS x FROM demo GROUP BY deviceId, TUMBLINGWINDOW(ss, 1) "
                + "HAVING sum(temperature) > 100",
        "SELECT deviceId, count(*) AS c, lag(temperature) AS prev FROM demo GROUP BY deviceId, TUMBLINGWINDOW(ss, 1)",
    };

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void incrementalAndBufferedWindowsAgree(int seed) throws Exception {
        int checked = 0;
        for (String ddl : new String[] {TYPED, SCHEMALESS}) {
            for (String sql : QUERIES) {
                for (boolean eventTime : new boolean[] {true, false}) {
                    AnalyzedQuery probe = analyze(ddl, sql);
                    List<List<Object>> in = inputs(new Random(seed * 31L + sql.hashCode()), ddl == SCHEMALESS);
                    List<String> fast = run(ddl, sql, eventTime, true, in);
                    List<String> slow = run(ddl, sql, eventTime, false, in);
                    assertEquals(slow, fast, "seed " + seed + ", event time " + eventTime + ", " + ddl + "\n" + sql);
                    if (IncrementalTumbling.applies(probe, false)) {
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 30, "most queries run incrementally: " + checked);
    }

    private static AnalyzedQuery analyze(String ddl, String sql) throws Exception {
        return DemoStream.analyze(ddl, sql);
    }

    /** Rows [deviceId, temperature, humidity, ts, arrival]. */
    private static List<List<Object>> inputs(Random r, boolean schemaless) {
        return DemoStream.rows(r, schemaless, 400, 40, 3000, 4, true);
    }

    private static List<String> run(String ddl, String sql, boolean eventTime, boolean incremental,
            List<List<Object>> in) throws Exception {
        AnalyzedQuery q = analyze(ddl, sql);
        List<String> out = new ArrayList<>();
        AtomicLong clock = new AtomicLong(1_000_000L);
        EvalContext ctx = new EvalContext("eq", clock::get, ZoneOffset.UTC);
        Pipeline p = new Pipeline(q, new Pipeline.Options(eventTime, 500, incremental), new RuleOutput() {
            @Override
            public void emit(List<Map<String, Object>> rows) {
                out.add(String.valueOf(rows));
            }

            @Override
            public void error(String message) {
                out.add("error: " + message);
            }
        }, ctx, clock::get, ZoneOffset.UTC);
        boolean schemaless = ddl == SCHEMALESS;
        for (List<Object> row : in) {
            long arrival = (Long) row.get(4);
            long ts = eventTime ? (Long) row.get(3) : arrival;
            if (!eventTime) {
                while (p.nextDeadline() <= arrival) {
                    clock.set(p.nextDeadline());
                    p.advanceTime(p.nextDeadline());
                }
                clock.set(arrival);
            }
            p.onTuple(0, DemoStream.tuple(row, schemaless, ts));
        }
        if (!eventTime) {
            long end = (Long) in.get(in.size() - 1).get(4) + 5000;
            while (p.nextDeadline() <= end) {
                clock.set(p.nextDeadline());
                p.advanceTime(p.nextDeadline());
            }
        }
        return out;
    }
}
