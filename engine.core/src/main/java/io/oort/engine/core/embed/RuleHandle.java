package io.oort.engine.core.embed;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.oort.engine.core.internal.format.DecodeException;
import io.oort.engine.core.internal.format.Decoder;
import io.oort.engine.core.internal.format.Formats;
import io.oort.engine.core.internal.rule.RuleOptions;
import io.oort.engine.core.internal.runtime.EventTimes;
import io.oort.engine.core.internal.runtime.Pipeline;
import io.oort.engine.core.internal.runtime.RuleOutput;
import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.SourceInfo;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.value.EvalException;

/**
 * A running embedded rule. Push rows of its streams and tables; results arrive on the listener synchronously.
 * Not thread-safe: drive one rule from one thread at a time.
 */
public final class RuleHandle implements AutoCloseable {

    private final String id;
    private final AnalyzedQuery query;
    private final Pipeline pipeline;
    private final ResultListener listener;
    private final AtomicLong clock;
    /** The distinct stream names the rule reads, and for each the source indexes reading it (self-joins: more). */
    private final String[] streamNames;
    private final int[][] streamSources;
    /** Per source: delivery of decoded tuples (JSON payloads read the event time; maps carry it). */
    private final java.util.function.Consumer<Tuple>[] fromJson;
    private final java.util.function.Consumer<Tuple>[] fromMap;
    private final Decoder[] decoders;
    private final EventTimes[] eventTimes;
    private final String[][] columns;
    private final boolean eventTime;
    private boolean closed;

    RuleHandle(String id, AnalyzedQuery q, RuleOptions opts, ResultListener listener, AtomicLong clock, ZoneId zone)
            throws OortException {
        this.id = id;
        this.query = q;
        this.listener = listener;
        this.clock = clock;
        this.eventTime = opts.isEventTime();
        int n = q.sources().size();
        decoders = new Decoder[n];
        eventTimes = new EventTimes[n];
        columns = new String[n][];
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (SourceInfo s : q.sources()) {
            byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s.index());
            decoders[s.index()] = Formats.decoder(s.stream(), zone);
            columns[s.index()] = s.columns();
            if (eventTime && !s.isTable()) {
                eventTimes[s.index()] = EventTimes.of(s, zone);
                if (eventTimes[s.index()] == null) {
                    throw new OortException("rule " + id + " is set to event time but stream " + s.name()
                            + " has no TIMESTAMP option");
                }
            }
        }
        @SuppressWarnings("unchecked")
        java.util.function.Consumer<Tuple>[] j = new java.util.function.Consumer[n];
        @SuppressWarnings("unchecked")
        java.util.function.Consumer<Tuple>[] m = new java.util.function.Consumer[n];
        for (int i = 0; i < n; i++) {
            int src = i;
            j[i] = t -> deliver(src, t, true);
            m[i] = t -> deliver(src, t, false);
        }
        fromJson = j;
        fromMap = m;
        streamNames = byName.keySet().stream().map(String::intern).toArray(String[]::new);
        streamSources = byName.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        EvalContext ctx = new EvalContext(id, clock::get, zone);
        RuleOutput out = new RuleOutput() {
            @Override
            public void emit(List<Map<String, Object>> rows) {
                listener.onResult(rows);
            }

            @Override
            public void error(String message) {
                listener.onError(message);
            }
        };
        this.pipeline = new Pipeline(q, new Pipeline.Options(eventTime, opts.lateTolerance().toMillis(), true,
                opts.sendMetaToSink(), opts.sendNilField()), out, ctx, clock::get, zone);
    }

    public String id() {
        return id;
    }

    private int[] sources(String stream) {
        if (closed) {
            throw new IllegalStateException("rule " + id + " is closed");
        }
        String[] names = streamNames;
        for (int i = 0; i < names.length; i++) {
            if (names[i] == stream || names[i].equals(stream)) {
                return streamSources[i];
            }
        }
        throw new IllegalArgumentException("rule " + id + " does not read " + stream);
    }

    /**
     * Pushes a row of a stream with a schema, values in schema order, already of the engine's types (Long,
     * Double, String, Boolean, byte[], List, Map). {@code timestamp} is the event time (event-time rules) or the
     * arrival time.
     */
    public void push(String stream, Object[] values, long timestamp) {
        for (int src : sources(stream)) {
            String[] names = columns[src];
            if (names == null) {
                throw new IllegalArgumentException(stream + " is schemaless: push a map");
            }
            deliver(src, Tuple.ofValues(stream, names, values, Map.of(), timestamp), false);
        }
    }

    /** Pushes a row as a map; with a schema, declared columns are converted to their types. */
    public void push(String stream, Map<String, Object> row, long timestamp) {
        for (int src : sources(stream)) {
            try {
                decoders[src].decodeMap(row, Map.of(), timestamp, fromMap[src]);
            } catch (DecodeException e) {
                listener.onError(e.getMessage());
            }
        }
    }

    /**
     * Pushes a payload as a connector would deliver it, decoded with the stream's FORMAT (JSON unless the stream
     * says otherwise) and STRICT_VALIDATION; in event-time rules its timestamp is read from the stream's TIMESTAMP
     * field (with TIMESTAMP_FORMAT).
     */
    public void pushJson(String stream, String json, long arrival) {
        pushJson(stream, json, arrival, Map.of());
    }

    /** As {@link #pushJson(String, String, long)} with metadata readable through {@code meta(key)}. */
    public void pushJson(String stream, String json, long arrival, Map<String, Object> meta) {
        pushJson(stream, json.getBytes(StandardCharsets.UTF_8), arrival, meta);
    }

    /** As {@link #pushJson(String, String, long)} with the payload's UTF-8 bytes, as connectors receive them. */
    public void pushJson(String stream, byte[] json, long arrival) {
        pushJson(stream, json, arrival, Map.of());
    }

    /** As {@link #pushJson(String, byte[], long)} with metadata readable through {@code meta(key)}. */
    public void pushJson(String stream, byte[] json, long arrival, Map<String, Object> meta) {
        for (int src : sources(stream)) {
            try {
                decoders[src].decode(json, meta, arrival, fromJson[src]);
            } catch (DecodeException e) {
                listener.onError(e.getMessage());
            }
        }
    }

    private void deliver(int src, Tuple t, boolean readEventTime) {
        Tuple in = t;
        if (readEventTime && eventTimes[src] != null) {
            try {
                in = eventTimes[src].apply(t);
            } catch (EvalException e) {
                listener.onError(e.getMessage());
                return;
            }
        }
        pipeline.onTuple(src, in);
    }

    /** Moves processing time to {@code now} (epoch ms), firing due windows. */
    public void advanceTime(long now) {
        clock.set(now);
        pipeline.advanceTime(now);
    }

    /** When the rule next needs {@link #advanceTime} (processing-time windows), or Long.MAX_VALUE. */
    public long nextDeadline() {
        return pipeline.nextDeadline();
    }

    /** Counters: records in, late events dropped, results out, errors. */
    public Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records_in_total", pipeline.recordsIn());
        m.put("late_dropped_total", pipeline.lateDropped());
        m.put("records_out_total", pipeline.resultsOut());
        m.put("exceptions_total", pipeline.errors());
        if (pipeline.lastError() != null) {
            m.put("last_exception", pipeline.lastError());
        }
        return m;
    }

    /** The analyzed query (for diagnostics). */
    public String sql() {
        return query.statement().toString();
    }

    @Override
    public void close() {
        closed = true;
    }
}
