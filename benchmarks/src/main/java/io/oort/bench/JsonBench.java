package io.oort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.embed.Oort;
import io.oort.engine.core.embed.ResultListener;
import io.oort.engine.core.embed.RuleHandle;
import io.oort.engine.core.internal.format.DecodeException;
import io.oort.engine.core.internal.format.JsonDecoder;
import io.oort.engine.sql.eval.Tuple;

/**
 * JSON decode (schema declared: deviceId, temperature, humidity; the three other fields of each ~100-byte message
 * are skipped) + Q1. Target: at least 3 M msg/s. References: Jackson {@code readValue(String, Map.class)} and
 * Jackson's streaming parser picking the three declared fields (decode only, no query).
 *
 * <ul>
 * <li>{@code oortPushJsonQ1}: {@code RuleHandle.pushJson(stream, String, ts)}: UTF-8 encode + decode + Q1.
 * <li>{@code oortDecodeBytes}: Oort's JsonDecoder alone over pre-encoded UTF-8 bytes (what a connector hands in).
 * <li>{@code jacksonMap}, {@code jacksonStreaming}: the references, from the same Strings.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
public class JsonBench {

    private String[] messages;
    private byte[][] bytes;
    private Oort oort;
    private RuleHandle rule;
    private JsonDecoder decoder;
    private Blackhole bh;
    private Consumer<Tuple> toBlackhole;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory factory = new JsonFactory();

    @Setup
    public void setup() {
        messages = BenchData.jsonMessages(BenchData.BATCH, 5);
        bytes = new byte[messages.length][];
        for (int i = 0; i < messages.length; i++) {
            bytes[i] = messages[i].getBytes(StandardCharsets.UTF_8);
        }
        oort = Queries.oort(Queries.Q1_STREAM);
        rule = Queries.rule(oort, Queries.Q1, Map.of(), new ResultListener() {
            @Override
            public void onResult(List<Map<String, Object>> r) {
                bh.consume(r);
            }

            @Override
            public void onError(String message) {
                throw new IllegalStateException(message);
            }
        });
        decoder = new JsonDecoder(oort.stream("demo"));
        toBlackhole = t -> bh.consume(t);
    }

    @TearDown
    public void tearDown() {
        oort.close();
    }

    /** Average message size in bytes (printed by the sanity test). */
    public static double averageSize() {
        long n = 0;
        String[] m = BenchData.jsonMessages(BenchData.BATCH, 5);
        for (String s : m) {
            n += s.getBytes(StandardCharsets.UTF_8).length;
        }
        return (double) n / m.length;
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BATCH)
    public void oortPushJsonQ1(Blackhole bh) {
        this.bh = bh;
        RuleHandle r = rule;
        String[] in = messages;
        for (int i = 0; i < in.length; i++) {
            r.pushJson("demo", in[i], BenchData.T0);
        }
    }

    /** As connectors hand payloads in: UTF-8 bytes ({@code RuleHandle.pushJson(stream, byte[], ts)}). */
    @Benchmark
    @OperationsPerInvocation(BenchData.BATCH)
    public void oortPushJsonBytesQ1(Blackhole bh) {
        this.bh = bh;
        RuleHandle r = rule;
        byte[][] in = bytes;
        for (int i = 0; i < in.length; i++) {
            r.pushJson("demo", in[i], BenchData.T0);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BATCH)
    public void oortDecodeBytes(Blackhole bh) throws DecodeException {
        this.bh = bh;
        JsonDecoder d = decoder;
        Consumer<Tuple> out = toBlackhole;
        Map<String, Object> meta = Map.of();
        byte[][] in = bytes;
        for (int i = 0; i < in.length; i++) {
            d.decode(in[i], meta, BenchData.T0, out);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BATCH)
    public void jacksonMap(Blackhole bh) throws IOException {
        ObjectMapper m = mapper;
        String[] in = messages;
        for (int i = 0; i < in.length; i++) {
            bh.consume(m.readValue(in[i], Map.class));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BATCH)
    public void jacksonStreaming(Blackhole bh) throws IOException {
        JsonFactory f = factory;
        String[] in = messages;
        for (int i = 0; i < in.length; i++) {
            Object[] row = new Object[3];
            try (JsonParser p = f.createParser(in[i])) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "deviceId" -> row[0] = p.getText();
                        case "temperature" -> row[1] = p.getDoubleValue();
                        case "humidity" -> row[2] = p.getDoubleValue();
                        default -> {
                            if (t.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                    }
                }
            }
            bh.consume(row);
        }
    }
}
