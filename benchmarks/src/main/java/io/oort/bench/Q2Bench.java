package io.oort.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.oort.engine.core.embed.Oort;
import io.oort.engine.core.embed.ResultListener;
import io.oort.engine.core.embed.RuleHandle;

/**
 * Q2: {@code SELECT deviceId, window_start() AS ws, avg(temperature) AS avgT, count(*) AS cnt FROM demo GROUP BY
 * deviceId, TUMBLINGWINDOW(ss, 1)}, event time, epoch-aligned 1 s windows, 100 devices round robin, ts +1 ms per
 * event (so 1,000 events and 100 result rows per window). Target: about 10 M events/s (twice Siddhi).
 *
 * <p>Each event is a fresh {@code Object[]{deviceId, temperature, humidity, ts}} with a boxed ts: window
 * operators keep references to their input rows, so rows cannot be recycled. Both engines get the same allocation.
 * {@code lateTolerance} is eKuiper's default (1 s) and 0 (Siddhi's externalTimeBatch has no lateness allowance and
 * fires on the first event past the window end; with 0 Oort fires at the same point).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
public class Q2Bench {

    private Double[] temps;
    private Double hum = 50.0;
    private Oort oort;
    private RuleHandle rule;
    private Oort oort0;
    private RuleHandle rule0;
    private Queries.Siddhi siddhi;
    private Blackhole bh;
    private long ts = BenchData.T0;
    private long ts0 = BenchData.T0;
    private long tsSiddhi = BenchData.T0;

    @Setup
    public void setup() {
        temps = BenchData.temperatures(BenchData.BATCH, 11);
        ResultListener l = new ResultListener() {
            @Override
            public void onResult(List<Map<String, Object>> r) {
                bh.consume(r);
            }

            @Override
            public void onError(String message) {
                throw new IllegalStateException(message);
            }
        };
        oort = Queries.oort(Queries.Q2_STREAM);
        rule = Queries.rule(oort, Queries.Q2, Map.of("isEventTime", true), l);
        oort0 = Queries.oort(Queries.Q2_STREAM);
        rule0 = Queries.rule(oort0, Queries.Q2, Map.of("isEventTime", true, "lateTolerance", 0), l);
        siddhi = new Queries.Siddhi(Queries.Q2_SIDDHI, events -> bh.consume(events));
    }

    @TearDown
    public void tearDown() {
        siddhi.close();
        oort.close();
        oort0.close();
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BATCH)
    public void oortRule(Blackhole bh) {
        this.bh = bh;
        RuleHandle r = rule;
        Double[] tp = temps;
        String[] dev = BenchData.DEVICE_IDS;
        long t = ts;
        for (int i = 0; i < tp.length; i++) {
            r.push("demo", new Object[] {dev[(int) (t % BenchData.DEVICES)], tp[i], hum, t}, t);
            t++;
        }
        ts = t;
    }

    /** The same with {@code lateTolerance: 0}. */
    @Benchmark
    @OperationsPerInvocation(BenchData.BATCH)
    public void oortRuleLateTolerance0(Blackhole bh) {
        this.bh = bh;
        RuleHandle r = rule0;
        Double[] tp = temps;
        String[] dev = BenchData.DEVICE_IDS;
        long t = ts0;
        for (int i = 0; i < tp.length; i++) {
            r.push("demo", new Object[] {dev[(int) (t % BenchData.DEVICES)], tp[i], hum, t}, t);
            t++;
        }
        ts0 = t;
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BATCH)
    public void siddhi(Blackhole bh) {
        this.bh = bh;
        io.siddhi.core.stream.input.InputHandler h = siddhi.input;
        Double[] tp = temps;
        String[] dev = BenchData.DEVICE_IDS;
        long t = tsSiddhi;
        for (int i = 0; i < tp.length; i++) {
            Queries.send(h, t, new Object[] {dev[(int) (t % BenchData.DEVICES)], tp[i], hum, t});
            t++;
        }
        tsSiddhi = t;
    }
}
