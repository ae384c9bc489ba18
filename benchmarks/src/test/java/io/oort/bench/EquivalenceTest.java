package io.oort.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.oort.engine.core.embed.Oort;
import io.oort.engine.core.embed.RuleHandle;
import io.siddhi.core.event.Event;

/** The benchmarked engines compute the same results on a sample of the benchmark input. */
class EquivalenceTest {

    private static final String[] Q1_COLS = {"deviceId", "temperature", "humidity"};
    private static final String[] P6_COLS = {"r", "u", "c", "a", "t", "n"};
    private static final String[] Q2_COLS = {"deviceId", "ws", "avgT", "cnt"};

    @Test
    void q1SameRows() {
        Object[][] rows = BenchData.q1Rows(20_000, 42);
        List<List<Object>> oort = new ArrayList<>();
        List<List<Object>> siddhi = new ArrayList<>();
        Queries.Forward f = new Queries.Forward();
        f.to = r -> r.forEach(m -> oort.add(values(m, Q1_COLS)));
        try (Oort o = Queries.oort(Queries.Q1_STREAM);
                Queries.Siddhi s = new Queries.Siddhi(Queries.Q1_SIDDHI, ev -> add(siddhi, ev))) {
            RuleHandle r = Queries.rule(o, Queries.Q1, Map.of(), f);
            for (Object[] row : rows) {
                r.push("demo", row, BenchData.T0);
                Queries.send(s.input, BenchData.T0, row);
            }
        }
        assertEquals(0, f.errors, f.lastError);
        double selectivity = (double) oort.size() / rows.length;
        System.out.printf("Q1 selectivity %.3f%n", selectivity);
        assertTrue(selectivity > 0.2 && selectivity < 0.5);
        assertEquals(siddhi, oort);
    }

    @Test
    void projectionSameRows() {
        Object[][] rows = BenchData.projectionRows(5_000, 7);
        List<List<Object>> oort = new ArrayList<>();
        List<List<Object>> siddhi = new ArrayList<>();
        Queries.Forward f = new Queries.Forward();
        f.to = r -> r.forEach(m -> oort.add(values(m, P6_COLS)));
        try (Oort o = Queries.oort(Queries.P6_STREAM);
                Queries.Siddhi s = new Queries.Siddhi(Queries.P6_SIDDHI, ev -> add(siddhi, ev))) {
            RuleHandle r = Queries.rule(o, Queries.P6, Map.of(), f);
            for (Object[] row : rows) {
                r.push("demo", row, BenchData.T0);
                Queries.send(s.input, BenchData.T0, row);
            }
        }
        assertEquals(0, f.errors, f.lastError);
        System.out.println("6-function sample: oort " + oort.get(0) + " siddhi " + siddhi.get(0));
        assertEquals(rows.length, oort.size());
        assertEquals(normalize(siddhi), normalize(oort));
    }

    @Test
    void q2SameWindows() {
        for (Object lateTolerance : new Object[] {"1s", 0}) {
            Double[] temps = BenchData.temperatures(10_500, 11);
            List<List<Object>> oort = new ArrayList<>();
            List<List<Object>> siddhi = new ArrayList<>();
            Queries.Forward f = new Queries.Forward();
            f.to = r -> r.forEach(m -> oort.add(values(m, Q2_COLS)));
            try (Oort o = Queries.oort(Queries.Q2_STREAM);
                    Queries.Siddhi s = new Queries.Siddhi(Queries.Q2_SIDDHI, ev -> add(siddhi, ev))) {
                RuleHandle r = Queries.rule(o, Queries.Q2, Map.of("isEventTime", true, "lateTolerance", lateTolerance),
                        f);
                long t = BenchData.T0;
                for (Double temp : temps) {
                    Object[] a = {BenchData.DEVICE_IDS[(int) (t % BenchData.DEVICES)], temp, 50.0, t};
                    r.push("demo", a, t);
                    Queries.send(s.input, t, a.clone());
                    t++;
                }
            }
            assertEquals(0, f.errors, f.lastError);
            // Oort holds back windows until the watermark (max ts - lateTolerance) passes their end
            int windows = "1s".equals(lateTolerance) ? 9 : 10;
            assertEquals(windows * 100, oort.size(), "lateTolerance " + lateTolerance);
            assertEquals(1000, siddhi.size());
            System.out.println("Q2 first row: oort " + oort.get(0) + " siddhi " + siddhi.get(0));
            assertEquals(byWindowAndDevice(siddhi.subList(0, oort.size())), byWindowAndDevice(oort));
        }
    }

    @Test
    void jsonMessagesAboutHundredBytes() {
        double avg = JsonBench.averageSize();
        System.out.printf("JSON message average size %.1f bytes%n", avg);
        assertTrue(avg > 90 && avg < 120);
    }

    private static List<Object> values(Map<String, Object> m, String[] cols) {
        List<Object> l = new ArrayList<>();
        for (String c : cols) {
            l.add(m.get(c));
        }
        return l;
    }

    private static void add(List<List<Object>> to, Event[] events) {
        for (Event e : events) {
            to.add(Arrays.asList(e.getData()));
        }
    }

    /** Numbers compared by value (Oort's round gives a float as eKuiper's; Siddhi's extension a double). */
    private static List<List<Object>> normalize(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            List<Object> n = new ArrayList<>();
            for (Object v : r) {
                n.add(v instanceof Double d && d == Math.rint(d) && !(d == 0 && 1 / d < 0) ? (Object) d.longValue()
                        : v instanceof Double d2 ? d2 : v);
            }
            out.add(n);
        }
        return out;
    }

    /** Window start -> device -> [avgT, cnt]; average compared to 1e-9 relative (summation order may differ). */
    private static Map<Long, Map<String, List<Object>>> byWindowAndDevice(List<List<Object>> rows) {
        Map<Long, Map<String, List<Object>>> m = new TreeMap<>();
        for (List<Object> r : rows) {
            double avg = ((Number) r.get(2)).doubleValue();
            m.computeIfAbsent(((Number) r.get(1)).longValue(), k -> new TreeMap<>()).put((String) r.get(0),
                    List.of(Math.round(avg * 1e9) / 1e9, ((Number) r.get(3)).longValue()));
        }
        return m;
    }
}
