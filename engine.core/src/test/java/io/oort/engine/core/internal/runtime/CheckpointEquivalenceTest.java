package io.oort.engine.core.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.oort.engine.sql.eval.EvalContext;

/**
 * A rule stopped at any point and restored from its checkpoint into a new pipeline produces exactly what the
 * uninterrupted rule produces: every window type, event and processing time, analytic functions with and without
 * partitions, rule-level hit state, events still waiting for the watermark, schema and schemaless streams.
 */
class CheckpointEquivalenceTest {

    private static final String TYPED = DemoStream.TYPED;
    private static final String SCHEMALESS = DemoStream.SCHEMALESS;

    private static final String[] QUERIES = {
        "SELECT deviceId, window_start() AS ws, avg(temperature) AS a, count(*) AS c FROM demo "
                + "GROUP BY deviceId, TUMBLINGWINDOW(ss, 1)",
        "SELECT count(*) AS c, window_start() AS ws, window_end() AS we FROM demo GROUP BY HOPPINGWINDOW(ss, 2, 1)",
        "SELECT count(*) AS c, collect(deviceId) AS d FROM demo GROUP BY SLIDINGWINDOW(ms, 500) "
                + "OVER (WHEN temperature > 30)",
        "SELECT count(*) AS c, max(humidity) AS m FROM demo GROUP BY SLIDINGWINDOW(ms, 400, 200)",
        "SELECT count(*) AS c, window_start() AS ws, window_end() AS we FROM demo GROUP BY SESSIONWINDOW(ms, 2000, 150)",
        "SELECT collect(temperature) AS t FROM demo GROUP BY COUNTWINDOW(5, 2)",
        "SELECT deviceId, count(*) AS c, window_start() AS ws FROM demo "
                + "GROUP BY STATEWINDOW(temperature > 30, temperature < 10) OVER (PARTITION BY deviceId)",
        "SELECT deviceId, lag(temperature, 2) AS p, acc_sum(humidity) OVER (PARTITION BY deviceId) AS s, "
                + "acc_avg(temperature) AS av, latest(temperature) AS l, had_changed(true, deviceId) AS ch FROM demo",
        "SELECT deviceId, last_hit_count() AS n, last_hit_time() AS t FROM demo WHERE temperature > 20",
        "SELECT deviceId, lag(humidity) AS p, count(*) AS c FROM demo GROUP BY deviceId, TUMBLINGWINDOW(ms, 700)",
    };

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aRestoredRuleContinuesAsTheUninterruptedOne(int seed) throws Exception {
        int compared = 0;
        for (String ddl : new String[] {TYPED, SCHEMALESS}) {
            for (String sql : QUERIES) {
                for (boolean eventTime : new boolean[] {true, false}) {
                    Random r = new Random(seed * 17L + sql.hashCode());
                    List<List<Object>> in = inputs(r, ddl == SCHEMALESS);
                    List<String> whole = new Run(ddl, sql, eventTime).feed(in, 0, in.size()).finish(in);
                    int cut = 1 + r.nextInt(in.size() - 2);
                    Run first = new Run(ddl, sql, eventTime).feed(in, 0, cut);
                    byte[] checkpoint = first.snapshot();
                    Run second = new Run(ddl, sql, eventTime, first.clock.get()).restore(checkpoint);
                    second.feed(in, cut, in.size()).finish(in);
                    List<String> resumed = new ArrayList<>(first.out);
                    resumed.addAll(second.out);
                    assertEquals(whole, resumed, "seed " + seed + ", cut at " + cut + ", event time " + eventTime
                            + ", " + ddl + "\n" + sql);
                    assertTrue(whole.size() > 0, "the query produced nothing: " + sql);
                    compared++;
                }
            }
        }
        assertEquals(QUERIES.length * 4, compared);
    }

    @Test
    void aCheckpointOfAnotherRuleIsRefused() throws Exception {
        List<List<Object>> in = inputs(new Random(7), false);
        byte[] windowed = new Run(TYPED, QUERIES[0], true).feed(in, 0, 50).snapshot();
        assertThrows(IOException.class, () -> new Run(TYPED, QUERIES[7], true).restore(windowed));
    }

    @Test
    void aProcessingTimeWindowRestoredAfterALongStopFiresItsRowsOnceThenFollowsTheClock() throws Exception {
        String sql = "SELECT count(*) AS c, window_start() AS ws, window_end() AS we FROM demo "
                + "GROUP BY TUMBLINGWINDOW(ss, 1)";
        List<List<Object>> in = List.of(java.util.Arrays.asList("d1", 21.0, 50.0, 0L, 1_000_100L),
                java.util.Arrays.asList("d1", 22.0, 50.0, 0L, 1_000_200L));
        Run first = new Run(TYPED, sql, false).feed(in, 0, 2); // both rows in the window ending at 1,001,000
        byte[] checkpoint = first.snapshot();
        long hourLater = 1_000_200L + 3_600_000L;
        Run second = new Run(TYPED, sql, false, hourLater).restore(checkpoint);
        second.clock.set(hourLater + 50);
        second.p.advanceTime(hourLater + 50);
        assertEquals(List.of("[{c=2, ws=1000000, we=1001000}]"), second.out,
                "the interrupted window fires with its rows, once; the hour of empty windows does not");
        long next = second.p.nextDeadline();
        assertTrue(next > hourLater + 50 && next <= hourLater + 1050, "the next window ends on the clock's grid");
        second.feed(List.of(java.util.Arrays.asList("d2", 30.0, 50.0, 0L, hourLater + 100)), 0, 1);
        second.clock.set(next);
        second.p.advanceTime(next);
        assertEquals(2, second.out.size());
        assertTrue(second.out.get(1).startsWith("[{c=1, "), second.out.get(1));
    }

    /** Rows [deviceId, temperature, humidity, ts, arrival]. */
    private static List<List<Object>> inputs(Random r, boolean schemaless) {
        return DemoStream.rows(r, schemaless, 300, 60, 1500, 3, false);
    }

    /** One pipeline as a checkpointed rule runs it (no incremental windows), on a manual clock. */
    private static final class Run {
        final List<String> out = new ArrayList<>();
        final AtomicLong clock;
        final Pipeline p;
        final boolean eventTime;
        final boolean schemaless;

        Run(String ddl, String sql, boolean eventTime) throws Exception {
            this(ddl, sql, eventTime, 1_000_000L);
        }

        Run(String ddl, String sql, boolean eventTime, long now) throws Exception {
            this.eventTime = eventTime;
            this.schemaless = ddl == SCHEMALESS;
            this.clock = new AtomicLong(now);
            EvalContext ctx = new EvalContext("ckpt", clock::get, ZoneOffset.UTC);
            p = new Pipeline(DemoStream.analyze(ddl, sql), new Pipeline.Options(eventTime, 300, false), new RuleOutput() {
                @Override
                public void emit(List<Map<String, Object>> rows) {
                    out.add(String.valueOf(rows));
                }

                @Override
                public void error(String message) {
                    out.add("error: " + message);
                }
            }, ctx, clock::get, ZoneOffset.UTC);
        }

        Run feed(List<List<Object>> in, int from, int to) {
            for (List<Object> row : in.subList(from, to)) {
                long arrival = (Long) row.get(4);
                long ts = eventTime ? (Long) row.get(3) : arrival;
                if (!eventTime) {
                    advanceTo(arrival);
                }
                p.onTuple(0, DemoStream.tuple(row, schemaless, ts));
            }
            return this;
        }

        private void advanceTo(long time) {
            while (p.nextDeadline() <= time) {
                clock.set(p.nextDeadline());
                p.advanceTime(p.nextDeadline());
            }
            clock.set(time);
        }

        List<String> finish(List<List<Object>> in) {
            if (!eventTime) {
                advanceTo((Long) in.get(in.size() - 1).get(4) + 5000);
            }
            return out;
        }

        byte[] snapshot() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(bytes)) {
                p.snapshot(d);
            }
            return bytes.toByteArray();
        }

        Run restore(byte[] checkpoint) throws IOException {
            p.restore(new DataInputStream(new ByteArrayInputStream(checkpoint)));
            return this;
        }
    }
}
