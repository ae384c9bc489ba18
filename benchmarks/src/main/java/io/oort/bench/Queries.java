package io.oort.bench;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.oort.engine.core.embed.Oort;
import io.oort.engine.core.embed.OortException;
import io.oort.engine.core.embed.ResultListener;
import io.oort.engine.core.embed.RuleHandle;
import io.siddhi.core.SiddhiAppRuntime;
import io.siddhi.core.SiddhiManager;
import io.siddhi.core.event.Event;
import io.siddhi.core.stream.input.InputHandler;
import io.siddhi.core.stream.output.StreamCallback;

/** The measured queries, in Oort's dialect (eKuiper SQL) and their Siddhi equivalents, and how to start them. */
public final class Queries {

    private Queries() {
    }

    // ---- Q1: filter + 3-column projection
    public static final String Q1_STREAM = "CREATE STREAM demo (deviceId STRING, temperature FLOAT, humidity FLOAT) "
            + "WITH (DATASOURCE=\"demo\", FORMAT=\"JSON\")";
    public static final String Q1 = "SELECT deviceId, temperature, humidity FROM demo "
            + "WHERE temperature > 20 AND humidity < 80";
    public static final String Q1_SIDDHI = "define stream demo (deviceId string, temperature double, humidity double);\n"
            + "@info(name='q1') from demo[temperature > 20 and humidity < 80] "
            + "select deviceId, temperature, humidity insert into out;";

    // ---- 6-function scalar projection
    public static final String P6_STREAM = "CREATE STREAM demo (deviceId STRING, temperature FLOAT, humidity FLOAT, "
            + "status STRING, payload STRUCT(name STRING, level BIGINT)) WITH (DATASOURCE=\"demo\", FORMAT=\"JSON\")";
    public static final String P6 = "SELECT round(temperature) AS r, upper(deviceId) AS u, "
            + "concat(deviceId, \"-\", status) AS c, abs(humidity) AS a, cast(temperature, \"bigint\") AS t, "
            + "payload->name AS n FROM demo";
    public static final String P6_SIDDHI = "define stream demo (deviceId string, temperature double, "
            + "humidity double, status string, payload object);\n"
            + "@info(name='p6') from demo select bench:round(temperature) as r, bench:upper(deviceId) as u, "
            + "bench:concat(deviceId, '-', status) as c, bench:abs(humidity) as a, "
            + "convert(temperature, 'long') as t, bench:get(payload, 'name') as n insert into out;";

    // ---- Q2: per-device 1 s tumbling event-time window
    public static final String Q2_STREAM = "CREATE STREAM demo (deviceId STRING, temperature FLOAT, humidity FLOAT, "
            + "ts BIGINT) WITH (DATASOURCE=\"demo\", FORMAT=\"JSON\", TIMESTAMP=\"ts\")";
    public static final String Q2 = "SELECT deviceId, window_start() AS ws, avg(temperature) AS avgT, "
            + "count(*) AS cnt FROM demo GROUP BY deviceId, TUMBLINGWINDOW(ss, 1)";
    /**
     * externalTimeBatch(ts, 1 sec, 0): batches on the event's own ts attribute, aligned to epoch multiples of 1 s
     * (start.time 0). Siddhi has no window_start(): every row of a batch has ts in [start, start + 1 s), so
     * {@code ts - ts % 1000} of the group's last row is the window start.
     */
    public static final String Q2_SIDDHI = "define stream demo (deviceId string, temperature double, "
            + "humidity double, ts long);\n"
            + "@info(name='q2') from demo#window.externalTimeBatch(ts, 1 sec, 0L) "
            + "select deviceId, ts - (ts % 1000L) as ws, avg(temperature) as avgT, count() as cnt "
            + "group by deviceId insert into out;";

    /** An embedded Oort with one stream; UTC so results do not depend on the machine's zone. */
    public static Oort oort(String streamDdl) {
        Oort o = Oort.create().zone(ZoneOffset.UTC);
        try {
            o.execute(streamDdl);
        } catch (OortException e) {
            throw new IllegalStateException(e);
        }
        return o;
    }

    public static RuleHandle rule(Oort o, String sql, Map<String, Object> options, ResultListener l) {
        try {
            return o.rule("bench", sql, options, l);
        } catch (OortException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A started Siddhi app whose {@code out} stream is delivered to {@code sink}. */
    public static final class Siddhi implements AutoCloseable {
        public final SiddhiManager manager;
        public final SiddhiAppRuntime runtime;
        public final InputHandler input;

        public Siddhi(String app, Consumer<Event[]> sink) {
            manager = new SiddhiManager();
            SiddhiFunctions.register(manager);
            runtime = manager.createSiddhiAppRuntime(app);
            runtime.addCallback("out", new StreamCallback() {
                @Override
                public void receive(Event[] events) {
                    sink.accept(events);
                }
            });
            runtime.start();
            input = runtime.getInputHandler("demo");
        }

        @Override
        public void close() {
            runtime.shutdown();
            manager.shutdown();
        }
    }

    /** Unwraps checked interrupts of Siddhi's send. */
    public static void send(InputHandler in, long ts, Object[] row) {
        try {
            in.send(ts, row);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A listener forwarding to a replaceable consumer (the benchmark's Blackhole). */
    public static final class Forward implements ResultListener {
        public Consumer<List<Map<String, Object>>> to = rows -> {
        };
        public long errors;
        public String lastError;

        @Override
        public void onResult(List<Map<String, Object>> rows) {
            to.accept(rows);
        }

        @Override
        public void onError(String message) {
            errors++;
            lastError = message;
        }
    }
}
