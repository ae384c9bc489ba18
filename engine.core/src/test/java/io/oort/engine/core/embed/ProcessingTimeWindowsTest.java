package io.oort.engine.core.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Processing-time windows driven by the engine clock (no wall clock, no sleeps): windows align to natural time,
 * fire when time reaches their end, and report eKuiper's window bounds.
 */
class ProcessingTimeWindowsTest {

    private static final long T0 = LocalDateTime.of(2024, 1, 1, 12, 0, 3).toInstant(ZoneOffset.UTC).toEpochMilli();
    private Oort oort;
    private final List<List<Map<String, Object>>> out = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() throws OortException {
        oort = Oort.create().zone(ZoneOffset.UTC);
        oort.setTime(T0);
        oort.execute("CREATE STREAM s (id BIGINT, v FLOAT) WITH (TYPE=\"memory\", DATASOURCE=\"s\")");
    }

    private RuleHandle rule(String sql) throws OortException {
        return oort.rule("r", sql, Map.of(), new ResultListener() {
            @Override
            public void onResult(List<Map<String, Object>> rows) {
                out.add(rows);
            }

            @Override
            public void onError(String message) {
                errors.add(message);
            }
        });
    }

    private static long at(double secondsAfterT0) {
        return T0 + Math.round(secondsAfterT0 * 1000);
    }

    private static void push(RuleHandle r, long id, double v, long ts) {
        r.advanceTime(ts);
        r.push("s", new Object[] {id, v}, ts);
    }

    @Test
    void tumblingWindowsAlignToTheClockAndStartAtTheRuleStart() throws OortException {
        RuleHandle r = rule("SELECT count(*) AS n, collect(id) AS ids, window_start() AS ws, window_end() AS we "
                + "FROM s GROUP BY TUMBLINGWINDOW(ss, 10)");
        assertEquals(at(7), r.nextDeadline(), "first end at 12:00:10");
        push(r, 1, 1, at(1));
        push(r, 2, 2, at(5));
        r.advanceTime(at(6.999));
        assertEquals(0, out.size());
        r.advanceTime(at(7));
        push(r, 3, 3, at(8));
        r.advanceTime(at(17));
        assertEquals(List.of(
                List.of(Map.of("n", 2L, "ids", List.of(1L, 2L), "ws", T0, "we", at(7))),
                List.of(Map.of("n", 1L, "ids", List.of(3L), "ws", at(7), "we", at(17)))), out);
        r.advanceTime(at(27));
        assertEquals(List.of(Map.of("ws", at(17), "we", at(27))), out.get(2),
                "an empty window still fires; its aggregates are null (omitted)");
    }

    @Test
    void hoppingWindowsOverlap() throws OortException {
        RuleHandle r = rule("SELECT collect(id) AS ids FROM s GROUP BY HOPPINGWINDOW(ss, 10, 5)");
        push(r, 1, 1, at(0.5));   // 12:00:03.5
        r.advanceTime(at(2));     // 12:00:05: window (11:59:55, 12:00:05]
        push(r, 2, 2, at(4));     // 12:00:07
        r.advanceTime(at(7));     // 12:00:10: [12:00:00, 12:00:10)
        push(r, 3, 3, at(9));     // 12:00:12
        r.advanceTime(at(12));    // 12:00:15: [12:00:05, 12:00:15)
        assertEquals(List.of(List.of(Map.of("ids", List.of(1L))), List.of(Map.of("ids", List.of(1L, 2L))),
                List.of(Map.of("ids", List.of(2L, 3L)))), out);
    }

    @Test
    void sessionWindowClosesAfterTheTimeout() throws OortException {
        RuleHandle r = rule("SELECT collect(id) AS ids, window_start() AS ws, window_end() AS we FROM s "
                + "GROUP BY SESSIONWINDOW(ss, 60, 2)");
        push(r, 1, 1, at(1));
        push(r, 2, 2, at(2.5));
        r.advanceTime(at(4.4));
        assertEquals(0, out.size(), "gap still below the timeout");
        r.advanceTime(at(4.5));
        assertEquals(List.of(List.of(Map.of("ids", List.of(1L, 2L), "ws", at(1), "we", at(4.5)))), out);
        push(r, 3, 3, at(10));
        r.advanceTime(at(12));
        assertEquals(List.of(Map.of("ids", List.of(3L), "ws", at(10), "we", at(12))), out.get(1));
    }

    @Test
    void slidingWindowWithDelayFiresAfterTheDelayWithLaterEvents() throws OortException {
        RuleHandle r = rule("SELECT collect(id) AS ids FROM s GROUP BY SLIDINGWINDOW(ss, 5, 1)");
        push(r, 1, 1, at(1));
        push(r, 2, 2, at(1.5));
        assertEquals(0, out.size());
        r.advanceTime(at(2));     // the window of event 1 (t=1) closes at t+1 and holds (t-5, t+1)
        assertEquals(List.of(List.of(Map.of("ids", List.of(1L, 2L)))), out);
        r.advanceTime(at(2.5));
        assertEquals(List.of(Map.of("ids", List.of(1L, 2L))), out.get(1));
    }

    @Test
    void countWindowAndWhereAfterTheWindow() throws OortException {
        RuleHandle r = rule("SELECT id FROM s WHERE v > 1 GROUP BY COUNTWINDOW(2)");
        push(r, 1, 1, at(1));
        push(r, 2, 2, at(2));
        push(r, 3, 0, at(3));
        push(r, 4, 0, at(4));
        assertEquals(List.of(List.of(Map.of("id", 2L))), out, "the second window is all filtered: nothing sent");
    }

    @Test
    void whereRunsBeforeATumblingWindowInProcessingTime() throws OortException {
        RuleHandle r = rule("SELECT count(*) AS n FROM s WHERE v > 1 GROUP BY TUMBLINGWINDOW(ss, 10)");
        push(r, 1, 0, at(1));
        r.advanceTime(at(7));
        assertEquals(List.of(List.of(Map.of())), out,
                "WHERE was applied before the window: the window is empty but fires, count is null");
    }
}
