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
import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.eval.Tuple;

/**
 * The 6-function scalar projection of issue 3 (round, upper, concat, abs, cast, ->) over pre-decoded rows, no
 * filter: every row produces a result. Target: at least 5 M rows/s. Siddhi runs the same projection with
 * one-line function extensions ({@link SiddhiFunctions}) and its built-in {@code convert}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
public class ProjectionBench {

    private Object[][] rows;
    private Tuple[] tuples;
    private Oort oort;
    private RuleHandle rule;
    private Queries.Siddhi siddhi;
    private Blackhole bh;
    private long ts = BenchData.T0;
    private EvalContext ctx;
    private Evaluator[] select;

    @Setup
    public void setup() throws Exception {
        rows = BenchData.projectionRows(BenchData.BATCH, 7);
        oort = Queries.oort(Queries.P6_STREAM);
        rule = Queries.rule(oort, Queries.P6, Map.of(), new ResultListener() {
            @Override
            public void onResult(List<Map<String, Object>> r) {
                bh.consume(r);
            }

            @Override
            public void onError(String message) {
                throw new IllegalStateException(message);
            }
        });
        siddhi = new Queries.Siddhi(Queries.P6_SIDDHI, events -> bh.consume(events));
        AnalyzedQuery q = Analyzed.of(Queries.P6_STREAM, Queries.P6);
        String[] names = q.sources().get(0).columns();
        tuples = new Tuple[rows.length];
        for (int i = 0; i < rows.length; i++) {
            tuples[i] = Tuple.ofValues("demo", names, rows[i], Map.of(), BenchData.T0);
        }
        ctx = Analyzed.context();
        select = q.fields().stream().map(AnalyzedQuery.OutputField::value).toArray(Evaluator[]::new);
    }

    @TearDown
    public void tearDown() {
        siddhi.close();
        oort.close();
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BATCH)
    public void oortRule(Blackhole bh) {
        this.bh = bh;
        RuleHandle r = rule;
        Object[][] in = rows;
        long t = ts;
        for (int i = 0; i < in.length; i++) {
            r.push("demo", in[i], t++);
        }
        ts = t;
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BATCH)
    public void oortExpressions(Blackhole bh) {
        EvalContext c = ctx;
        Evaluator[] sel = select;
        Tuple[] in = tuples;
        Tuple[] row = c.row;
        for (int i = 0; i < in.length; i++) {
            row[0] = in[i];
            Object[] out = new Object[sel.length];
            for (int f = 0; f < sel.length; f++) {
                out[f] = sel[f].eval(c);
            }
            bh.consume(out);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BATCH)
    public void siddhi(Blackhole bh) {
        this.bh = bh;
        io.siddhi.core.stream.input.InputHandler h = siddhi.input;
        Object[][] in = rows;
        long t = ts;
        for (int i = 0; i < in.length; i++) {
            Queries.send(h, t++, in[i]);
        }
        ts = t;
    }
}
