package io.oort.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Pre-generated, deterministic input shared by all benchmarks, so that each engine sees exactly the same rows and
 * no generation cost is measured.
 */
public final class BenchData {

    /** Rows per benchmark invocation (each @Benchmark call pushes all of them: OperationsPerInvocation). */
    public static final int BATCH = 1 << 16;
    public static final int DEVICES = 100;
    /** An epoch-aligned start time (a multiple of 1 s), so eKuiper's first window_start equals the aligned start. */
    public static final long T0 = 1_700_000_000_000L;

    public static final String[] DEVICE_IDS = new String[DEVICES];

    static {
        for (int i = 0; i < DEVICES; i++) {
            DEVICE_IDS[i] = String.format("device-%03d", i);
        }
    }

    private BenchData() {
    }

    /**
     * Q1 rows {deviceId, temperature, humidity}: temperature uniform in [0, 40), humidity in [40, 100), so
     * {@code temperature > 20 AND humidity < 80} passes about one row in three (0.5 x 0.667).
     */
    public static Object[][] q1Rows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new Object[] {DEVICE_IDS[r.nextInt(DEVICES)], round2(r.nextDouble() * 40),
                    round2(40 + r.nextDouble() * 60)};
        }
        return rows;
    }

    /** Rows of the 6-function projection: {deviceId, temperature, humidity, status, payload{name, level}}. */
    public static Object[][] projectionRows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Object>[] payloads = payloads();
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new Object[] {DEVICE_IDS[r.nextInt(DEVICES)], round2(r.nextDouble() * 80 - 20),
                    round2(r.nextDouble() * 120 - 20), r.nextInt(10) == 0 ? "warn" : "ok",
                    payloads[r.nextInt(payloads.length)]};
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] payloads() {
        Map<String, Object>[] p = new Map[16];
        for (int i = 0; i < p.length; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "sensor-" + i);
            m.put("level", (long) i);
            p[i] = m;
        }
        return p;
    }

    /** Temperatures (boxed once, as a decoder would have produced them) for the windowed query Q2. */
    public static Double[] temperatures(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Double[] t = new Double[n];
        for (int i = 0; i < n; i++) {
            t[i] = round2(r.nextDouble() * 40);
        }
        return t;
    }

    /**
     * JSON messages of about 100 bytes: the three declared fields plus three undeclared ones that a schema-aware
     * decoder must skip.
     */
    public static String[] jsonMessages(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = "{\"deviceId\":\"" + DEVICE_IDS[r.nextInt(DEVICES)] + "\",\"temperature\":"
                    + round2(r.nextDouble() * 40) + ",\"humidity\":" + round2(40 + r.nextDouble() * 60)
                    + ",\"status\":\"" + (r.nextInt(10) == 0 ? "warn" : "ok") + "\",\"seq\":" + (100000 + i)
                    + ",\"ts\":" + (T0 + i) + "}";
        }
        return out;
    }

    static Double round2(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
