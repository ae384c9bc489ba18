package io.oort.engine.core.internal.rule;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.format.FormatException;
import io.oort.engine.core.api.SourceIngest;
import io.oort.engine.core.api.StatusListener;
import io.oort.engine.core.internal.connector.ContextImpl;
import io.oort.engine.core.internal.format.DecodeException;
import io.oort.engine.core.internal.format.Decoder;
import io.oort.engine.core.internal.format.FormatRegistry;
import io.oort.engine.core.internal.format.Formats;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.runtime.EventTimes;
import io.oort.engine.core.internal.runtime.Pipeline;
import io.oort.engine.core.internal.runtime.RuleOutput;
import io.oort.engine.core.internal.sink.SinkCaches;
import io.oort.engine.core.internal.sink.SinkRuntime;
import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.SourceInfo;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.value.EvalException;

/**
 * One started rule: its source connectors feed a {@link Mailbox}; the mailbox's consumer decodes, runs the
 * {@link Pipeline} and hands results to the sinks, on the shared worker pool. Timers for processing-time windows
 * post ticks into the same mailbox, so everything a rule does happens on one logical thread.
 */
final class RuleRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRuntime.class);
    private static final Object TICK = new Object();
    private static final Object CHECKPOINT = new Object();

    private record Raw(int src, byte[] payload, Map<String, Object> meta, long ts) {
    }

    private record RawMap(int src, Map<String, Object> tuple, Map<String, Object> meta, long ts) {
    }

    private record In(int src, Tuple tuple) {
    }

    private record Err(int src, String message) {
    }

    /** A sink's timer (batch linger, cache resend), run on the rule's thread. */
    private record SinkTask(Runnable task) {
    }

    /** How long a stop waits for the inputs already queued to be processed. */
    private static final long DRAIN_MILLIS = 2000;

    private final RuleDef def;
    private final RuleEnv env;
    private final RuleOptions options;
    private final AnalyzedQuery query;
    private final Mailbox mailbox;
    /** Where the rule's checkpoints go; null for a rule that never checkpoints (one-off shell queries). */
    private final Checkpoints checkpoints;
    /** qos 1 or 2, and a checkpoint store. */
    private final boolean checkpointed;
    /** What this rule's checkpoints are stamped with ({@link Checkpoints#fingerprint}). */
    private final String fingerprint;
    private final Pipeline pipeline;
    private final Decoder[] decoders;
    private final EventTimes[] eventTimes;
    private final OpMetrics[] sourceMetrics;
    private final OpMetrics op;
    private final List<OpMetrics> sinkMetrics = new ArrayList<>();
    private final List<SinkRuntime> sinks = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> openSources = new ArrayList<>();
    private final LookupTables lookups;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> checkpointTimer;
    private long timerAt = Long.MAX_VALUE;
    private volatile boolean stopping;
    /** A plugin format a stream needs that is not installed: start() reports it and the rule waits. */
    private String missingFormat;
    private String formatError;

    RuleRuntime(RuleDef def, AnalyzedQuery query, RuleOptions options, RuleEnv env, Checkpoints checkpoints) {
        this.def = def;
        this.checkpoints = checkpoints;
        this.checkpointed = checkpoints != null && options.qos() > 0;
        this.fingerprint = checkpointed ? Checkpoints.fingerprint(def.sql(), options.isEventTime(),
                options.lateTolerance().toMillis()) : null;
        this.env = env;
        this.options = options;
        this.query = query;
        int n = query.sources().size();
        decoders = new Decoder[n];
        eventTimes = new EventTimes[n];
        sourceMetrics = new OpMetrics[n];
        for (SourceInfo s : query.sources()) {
            if (!s.stream().options().shared()) {
                try {
                    decoders[s.index()] = Formats.decoder(s.stream(), env.connectors().formats(), env.zone());
                } catch (FormatRegistry.Missing e) {
                    missingFormat = e.name();
                } catch (FormatException e) {
                    formatError = "stream " + s.name() + ": " + e.getMessage();
                }
            }
            if (options.isEventTime() && !s.isTable()) {
                eventTimes[s.index()] = EventTimes.of(s, env.zone());
            }
            sourceMetrics[s.index()] = new OpMetrics("source_" + s.name() + "_0", true);
        }
        op = new OpMetrics("op_1_project_0", false);
        this.lookups = new LookupTables(env);
        this.pipeline = restoredPipeline();
        this.mailbox = new Mailbox(options.bufferLength(), options.dropOldestWhenFull(), env.workers(), this::handle);
    }

    private Pipeline newPipeline() {
        EvalContext ctx = new EvalContext(def.id(), env.clock()::millis, env.zone());
        // A checkpointed rule keeps its windows' rows: incremental accumulators are not checkpointable.
        return new Pipeline(query, new Pipeline.Options(options.isEventTime(), options.lateTolerance().toMillis(),
                !checkpointed, options.sendMetaToSink(), options.sendNilField()), new Output(), ctx,
                env.clock()::millis, env.zone(), lookups);
    }

    /** With qos 1 or 2, the pipeline resumes from the rule's last checkpoint when there is one. */
    private Pipeline restoredPipeline() {
        Pipeline p = newPipeline();
        if (!checkpointed) {
            return p;
        }
        byte[] state = checkpoints.load(def.id(), fingerprint);
        if (state == null) {
            return p;
        }
        try {
            p.restore(new DataInputStream(new ByteArrayInputStream(state)));
            LOG.info("rule {} resumes from its checkpoint ({} bytes)", def.id(), state.length);
            return p;
        } catch (IOException | RuntimeException e) {
            LOG.warn("rule {}: its checkpoint cannot be restored ({}); starting empty", def.id(), e.toString());
            return newPipeline();
        }
    }

    /**
     * Takes the pipeline's state as the rule's checkpoint; on the rule's thread or with the rule idle. The file is
     * written in the background, except at the stop ({@code wait}), so that a restart finds it.
     */
    private void checkpoint(boolean wait) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            pipeline.snapshot(out);
        } catch (IOException | RuntimeException e) {
            checkpointFailed(e);
            return;
        }
        if (!wait) {
            checkpoints.saveLater(def.id(), fingerprint, bytes.toByteArray(), this::checkpointFailed);
            return;
        }
        try {
            checkpoints.saveNow(def.id(), fingerprint, bytes.toByteArray());
        } catch (IOException e) {
            checkpointFailed(e);
        }
    }

    private void checkpointFailed(Exception e) {
        op.error("checkpoint failed: " + e.getMessage(), env.clock().millis());
        LOG.warn("rule {}: checkpoint failed: {}", def.id(), e.toString());
    }

    /** Opens sinks then sources; on failure everything opened is closed again. */
    void start() throws ConnectorException, MissingConnectorException {
        if (missingFormat != null) {
            throw MissingConnectorException.format(missingFormat);
        }
        if (formatError != null) {
            throw new ConnectorException(formatError);
        }
        try {
            int i = 0;
            for (RuleDef.Action a : def.actions()) {
                ConnectorRegistry.Entry e = env.connectors().find(ConnectorKind.SINK, a.type());
                if (e == null) {
                    throw new MissingConnectorException(ConnectorKind.SINK, a.type());
                }
                OpMetrics m = new OpMetrics("sink_" + a.type() + "_" + i + "_0", true);
                Map<String, Object> props = new LinkedHashMap<>();
                Object rid = a.props().get("resourceId");
                try {
                    props.putAll(env.confKeys().sinkProps(a.type(), rid == null ? null : String.valueOf(rid)));
                } catch (IllegalArgumentException ex) {
                    throw new ConnectorException(ex.getMessage());
                }
                props.putAll(a.props());
                Object selector = props.get("connectionSelector");
                if (selector != null && !String.valueOf(selector).isEmpty()) {
                    // a shared connection profile: its properties win, as for sources (SourceOpener)
                    Map<String, Object> conn = env.confKeys().connection(String.valueOf(selector));
                    if (conn == null) {
                        throw new ConnectorException("connection " + selector + " is not defined");
                    }
                    props.putAll(conn);
                }
                Object format = props.get("format");
                if (format != null && !String.valueOf(format).isEmpty()
                        && !env.connectors().formats().knows(String.valueOf(format))) {
                    throw MissingConnectorException.format(String.valueOf(format).toLowerCase(java.util.Locale.ROOT));
                }
                String opId = "sink_" + a.type() + "_" + i;
                SinkRuntime s = new SinkRuntime(e, ContextImpl.of(def.id(), opId, env.clock()), props,
                        env.sinkDefaults(), SinkCaches.dir(env.dataDir(), def.id(), opId), sinkTimers(),
                        env.connectors().formats(), new SinkRuntime.Listener() {
                            @Override
                            public void sent(int messages) {
                                m.recordsOut.addAndGet(messages);
                            }

                            @Override
                            public void failed(String message) {
                                m.error(message, env.clock().millis());
                            }
                        });
                s.open(status(m));
                sinks.add(s);
                sinkMetrics.add(m);
                i++;
            }
            for (SourceInfo s : query.sources()) {
                if (s.isLookupTable()) {
                    lookups.open(s, ContextImpl.of(def.id(), "lookup_" + s.name(), env.clock()),
                            status(sourceMetrics[s.index()]));
                    continue;
                }
                openSource(s);
            }
        } catch (ConnectorException | MissingConnectorException | RuntimeException e) {
            stop();
            throw e;
        }
        scheduleTimer();
        if (checkpointed) {
            long every = Math.max(1, options.checkpointInterval().toMillis());
            checkpointTimer = env.timers().scheduleAtFixedRate(() -> mailbox.offerControl(CHECKPOINT), every, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void openSource(SourceInfo s) throws ConnectorException, MissingConnectorException {
        int src = s.index();
        OpMetrics m = sourceMetrics[src];
        if (s.stream().options().shared()) {
            openSources.add(env.shared().subscribe(s.stream(), new SharedSources.Subscriber() {
                @Override
                public void tuple(Tuple t) {
                    offer(new In(src, t));
                }

                @Override
                public void error(String message) {
                    offer(new Err(src, message));
                }

                @Override
                public void status(ConnectionStatus st, String message) {
                    m.status(st, message, env.clock().millis());
                }
            }));
            return;
        }
        SourceOpener.Opened opened = SourceOpener.open(env, s.stream(),
                ContextImpl.of(def.id(), "source_" + s.name(), env.clock()), status(m), new SourceIngest() {
                    @Override
                    public void ingest(byte[] payload, Map<String, Object> meta, long timestamp) {
                        offer(new Raw(src, payload, meta, timestamp));
                    }

                    @Override
                    public void ingestTuple(Map<String, Object> tuple, Map<String, Object> meta, long timestamp) {
                        offer(new RawMap(src, tuple, meta, timestamp));
                    }

                    @Override
                    public void error(Throwable error) {
                        offer(new Err(src, String.valueOf(error.getMessage())));
                    }
                });
        openSources.add(opened::close);
    }

    /** Sink timers post their task into the mailbox, so it runs on the rule's thread like everything else. */
    private SinkRuntime.Timers sinkTimers() {
        return new SinkRuntime.Timers() {
            @Override
            public SinkRuntime.Cancellable once(long delayMillis, Runnable task) {
                ScheduledFuture<?> f = env.timers().schedule(() -> mailbox.offerControl(new SinkTask(task)),
                        Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public SinkRuntime.Cancellable every(long periodMillis, Runnable task) {
                ScheduledFuture<?> f = env.timers().scheduleAtFixedRate(
                        () -> mailbox.offerControl(new SinkTask(task)), periodMillis, periodMillis,
                        TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }
        };
    }

    private StatusListener status(OpMetrics m) {
        return (s, msg) -> m.status(s, msg, env.clock().millis());
    }

    private void offer(Object item) {
        try {
            mailbox.offer(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The mailbox consumer: one item at a time, on a worker thread. */
    private void handle(Object item) {
        long t0 = System.nanoTime();
        try {
            if (item == TICK) {
                timerAt = Long.MAX_VALUE;
                pipeline.advanceTime(env.clock().millis());
            } else if (item == CHECKPOINT) {
                checkpoint(false);
            } else if (item instanceof SinkTask st) {
                st.task.run();
            } else if (item instanceof In in) {
                sourceMetrics[in.src].recordsIn.incrementAndGet(); // decoded once by the shared source
                accept(in.src, in.tuple);
            } else if (item instanceof Raw r) {
                sourceMetrics[r.src].recordsIn.incrementAndGet();
                decoders[r.src].decode(r.payload, r.meta, r.ts, t -> accept(r.src, t));
            } else if (item instanceof RawMap r) {
                sourceMetrics[r.src].recordsIn.incrementAndGet();
                decoders[r.src].decodeMap(r.tuple, r.meta, r.ts, t -> accept(r.src, t));
            } else if (item instanceof Err e) {
                sourceMetrics[e.src].error(e.message, env.clock().millis());
                reportError(e.message);
            }
        } catch (DecodeException e) {
            int src = item instanceof Raw r ? r.src : item instanceof RawMap r ? r.src : 0;
            sourceMetrics[src].error(e.getMessage(), env.clock().millis());
            reportError(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("rule {} failed to process an input", def.id(), e);
            op.error(e.toString(), env.clock().millis());
        } finally {
            op.latencyMicros = (System.nanoTime() - t0) / 1000;
            op.lastInvocation = env.clock().millis();
            op.bufferLength = mailbox.size();
            scheduleTimer();
        }
    }

    private void accept(int src, Tuple t) {
        OpMetrics m = sourceMetrics[src];
        if (!(t == null)) {
            m.recordsOut.incrementAndGet();
            m.processed.incrementAndGet();
            m.lastInvocation = env.clock().millis();
        }
        Tuple in = t;
        if (eventTimes[src] != null) {
            try {
                in = eventTimes[src].apply(t);
            } catch (EvalException e) {
                m.error(e.getMessage(), env.clock().millis());
                reportError(e.getMessage());
                return;
            }
        }
        op.recordsIn.incrementAndGet();
        pipeline.onTuple(src, in);
    }

    private void reportError(String message) {
        if (options.sendError()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("error", message);
            for (SinkRuntime s : sinks) {
                s.accept(List.of(row));
            }
        }
    }

    private void scheduleTimer() {
        if (stopping) {
            return;
        }
        long next = pipeline.nextDeadline();
        if (next == Long.MAX_VALUE || next >= timerAt) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerAt = next;
        long delay = Math.max(0, next - env.clock().millis());
        timer = env.timers().schedule(() -> mailbox.offerControl(TICK), delay, TimeUnit.MILLISECONDS);
    }

    /** Closes sources, waits for the consumer to finish its item, closes sinks. */
    void stop() {
        for (AutoCloseable c : openSources) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("rule {}: closing a source failed: {}", def.id(), e.getMessage());
            }
        }
        openSources.clear();
        stopping = true;
        if (timer != null) {
            timer.cancel(false);
        }
        if (checkpointTimer != null) {
            checkpointTimer.cancel(false);
        }
        mailbox.awaitEmpty(DRAIN_MILLIS); // what the sources delivered before they closed is still processed
        mailbox.close();
        boolean idle = mailbox.awaitIdle(5000);
        if (checkpointed && checkpointTimer != null && idle) {
            checkpoint(true); // the state at the stop, so that a restart resumes exactly where this run ended
        }
        lookups.close();
        for (SinkRuntime s : sinks) {
            s.close();
        }
        sinks.clear();
    }

    /** eKuiper's per-operator metric keys. */
    void metrics(Map<String, Object> out) {
        for (OpMetrics m : sourceMetrics) {
            m.bufferLength = mailbox.size();
            m.writeTo(out);
        }
        op.recordsOut.set(pipeline.resultsOut());
        op.exceptions.set(Math.max(op.exceptions.get(), pipeline.errors()));
        if (pipeline.lastError() != null) {
            op.lastException = pipeline.lastError();
            op.lastExceptionTime = pipeline.lastErrorTime();
        }
        op.writeTo(out);
        // Oort's own counters (eKuiper drops silently): late events and, with bufferFullPolicy dropOldest, inputs
        // dropped from the rule's full buffer
        out.put("op_1_project_0_late_dropped_total", pipeline.lateDropped());
        out.put("op_1_project_0_buffer_dropped_total", mailbox.dropped());
        List<SinkRuntime> live = List.copyOf(sinks);
        for (int i = 0; i < sinkMetrics.size(); i++) {
            OpMetrics m = sinkMetrics.get(i);
            if (i < live.size()) {
                m.bufferLength = live.get(i).bufferLength(); // the sink cache counts as the sink's buffer
            }
            m.writeTo(out);
        }
    }

    long dropped() {
        return mailbox.dropped() + pipeline.lateDropped();
    }

    /** Receives the pipeline's results on the rule's thread and hands them to every sink. */
    private final class Output implements RuleOutput {
        @Override
        public void emit(List<Map<String, Object>> rows) {
            for (int i = 0; i < sinks.size(); i++) {
                sinkMetrics.get(i).recordsIn.incrementAndGet();
                sinks.get(i).accept(rows);
            }
        }

        @Override
        public void error(String message) {
            op.error(message, env.clock().millis());
            reportError(message);
        }
    }
}
