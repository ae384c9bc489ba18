package io.oort.engine.core.internal.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;

import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.RecoverableException;
import io.oort.engine.core.api.Sink;
import io.oort.engine.core.api.SinkMessage;
import io.oort.engine.core.api.StatusListener;
import io.oort.engine.core.internal.connector.Configs;
import io.oort.engine.core.internal.format.FormatRegistry;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.sink.SinkTransform.Item;
import io.oort.engine.core.internal.sink.SinkTransform.Result;
import io.oort.engine.core.internal.sink.SinkTransform.TransformException;
import io.oort.engine.core.internal.sink.cache.CacheEntry;
import io.oort.engine.core.internal.sink.cache.SinkCache;
import io.oort.engine.core.internal.template.Template;
import io.oort.engine.core.internal.template.TemplateException;

/**
 * One action of a rule, eKuiper's sink pipeline in one object: {@code Batch → Transform → Encode → Compress →
 * Cache → Connect}. Every method runs on the rule's thread (results, and the linger and resend timers, which the
 * rule posts into its mailbox as control items), so no state here is shared and the connector is called by one
 * thread at a time.
 *
 * <p>Delivery: without a cache a message the connector rejects is counted and dropped. With {@code enableCache}, a
 * message rejected with {@link RecoverableException} goes to the {@link SinkCache}; while the cache is not empty new
 * messages are appended behind it, and a resend timer (every {@code resendInterval}, 100 ms when 0) sends the cached
 * messages oldest first, so order is kept and nothing is sent twice by the engine (a connector that retries itself,
 * as MQTT QoS 1 does, is at-least-once). With {@code resendAlterQueue}, failed messages go to the cache as a
 * separate resend queue while new messages keep being sent directly; resent ones go to {@code resendDestination}
 * (the {@code topic} property, as eKuiper does) with {@code resendIndicatorField} set to true, and
 * {@code resendPriority} orders the two queues (1: cache first, 0: alternate, -1: new data first).
 *
 * <p>{@code concurrency} is accepted and ignored: one instance per action keeps the rule's order without the
 * reordering buffer eKuiper needs for parallel transform workers, and the rule's worker pool already runs rules in
 * parallel. {@code bufferLength} sizes the retry buffer when {@code resendInterval} is set without a cache (the
 * rule's mailbox is the sink's input buffer).
 */
public final class SinkRuntime {

    /** Reports delivery outcomes to the rule's metrics. */
    public interface Listener {
        void sent(int messages);

        void failed(String message);
    }

    /** Runs tasks later on the rule's thread (through its mailbox). */
    public interface Timers {
        Cancellable once(long delayMillis, Runnable task);

        Cancellable every(long periodMillis, Runnable task);
    }

    /** A scheduled task. */
    public interface Cancellable {
        void cancel();
    }

    private enum Outcome { SENT, RECOVERABLE, DROPPED }

    /** Messages resent back to back per turn on the rule's thread, when resendInterval is 0. */
    static final int RESEND_CHAIN = 256;

    private final ConnectorRegistry.Entry entry;
    private final ConnectorContext ctx;
    private final Map<String, Object> props;
    private final SinkProps common;
    private final Map<String, Template> dynamic = new LinkedHashMap<>();
    private final SinkTransform transform;
    private final SinkEncoding encoding;
    private final Listener listener;
    private final Timers timers;
    private final Path cacheDir;
    private final boolean bytes;
    private Sink sink;
    private SinkCache cache;
    private List<Item> batch = new ArrayList<>();
    private volatile int batchResults;
    private Cancellable lingerTimer;
    private Cancellable resendTimer;
    /** When the last send failed, on the engine's clock (long ago until then). */
    private long lastFailureMillis = Long.MIN_VALUE / 2;
    private boolean closed;

    /**
     * @param cacheDir this action's cache directory ({@code data/cache/<rule>/<op>}), or null to keep the "disk"
     *                 tier in memory (an engine without a home directory)
     */
    public SinkRuntime(ConnectorRegistry.Entry entry, ConnectorContext ctx, Map<String, Object> props,
            Map<String, String> cacheDefaults, Path cacheDir, Timers timers, Listener listener)
            throws ConnectorException {
        this(entry, ctx, props, cacheDefaults, cacheDir, timers, new FormatRegistry(), listener);
    }

    /** @param formats the plugin formats a {@code format} property may name besides the built-in ones */
    public SinkRuntime(ConnectorRegistry.Entry entry, ConnectorContext ctx, Map<String, Object> props,
            Map<String, String> cacheDefaults, Path cacheDir, Timers timers, FormatRegistry formats,
            Listener listener) throws ConnectorException {
        this.entry = entry;
        this.ctx = ctx;
        this.props = props;
        this.listener = listener;
        this.timers = timers;
        this.cacheDir = cacheDir;
        this.bytes = entry.descriptor().payload() == ConnectorDescriptor.Payload.BYTES;
        try {
            this.common = SinkProps.of(props, cacheDefaults);
            if (common.encryption != null) {
                throw new IllegalArgumentException("encryption " + common.encryption + " is not supported");
            }
            for (Map.Entry<String, Object> e : props.entrySet()) {
                if (e.getValue() instanceof String s && Template.isTemplate(s) && !"dataTemplate".equals(e.getKey())) {
                    dynamic.put(e.getKey(), Template.parse(e.getKey(), s));
                }
            }
            this.transform = new SinkTransform(common, dynamic);
            this.encoding = new SinkEncoding(common, props, formats);
        } catch (TemplateException | IllegalArgumentException | FormatRegistry.Missing
                | io.oort.engine.core.api.format.FormatException e) {
            throw new ConnectorException(e.getMessage());
        }
    }

    /** Opens the cache (resending what a previous run left), provisions and connects the connector. */
    public void open(StatusListener status) throws ConnectorException {
        if (common.enableCache) {
            try {
                cache = SinkCache.open(cacheDir, common.memoryCacheThreshold, common.bufferPageSize,
                        common.maxDiskPages(), common.cleanCacheAtStop, this::cacheError);
            } catch (IOException e) {
                throw new ConnectorException("cache op init store error:" + e.getMessage(), e);
            }
            if (!cache.isEmpty()) {
                ctx.logger().info("sink cache of {} restored {} messages", ctx.operatorId(), cache.size());
            }
        } else if (common.resendIntervalMillis > 0) {
            cache = SinkCache.memoryOnly(common.bufferLength, this::cacheError);
        }
        Connector c = entry.provider().create();
        if (!(c instanceof Sink s)) {
            throw new ConnectorException("connector " + entry.type() + " did not create a sink");
        }
        ConnectorConfig config;
        try {
            config = Configs.validate(entry.descriptor(), null, props);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(e.getMessage());
        }
        s.provision(ctx, config);
        this.sink = s;
        s.connect(ctx, status);
        if (common.lingerMillis > 0) {
            lingerTimer = timers.every(common.lingerMillis, this::flushBatch);
        }
        if (cache != null && !cache.isEmpty()) {
            armResend(0);
        }
    }

    /** Takes one result of the rule. Errors are reported to the listener; the rule keeps running. */
    public void accept(List<Map<String, Object>> rows) {
        if (closed) {
            return;
        }
        List<Result> results = transform.apply(rows);
        if (common.batching()) {
            for (Result r : results) {
                if (r.error() != null) {
                    listener.failed(r.error());
                } else {
                    batch.add(r.item());
                }
            }
            batchResults++;
            if (common.batchSize > 0 && batchResults >= common.batchSize) {
                flushBatch();
            }
            return;
        }
        for (Result r : results) {
            if (r.error() != null) {
                listener.failed(r.error());
                continue;
            }
            CacheEntry e = prepare(r.item());
            if (e != null) {
                deliver(e);
            }
        }
    }

    /** Messages waiting in this action: cached ones and results of an open batch (the sink's buffer_length). */
    public int bufferLength() {
        SinkCache c = cache;
        return (c == null ? 0 : c.size()) + batchResults;
    }

    public String type() {
        return entry.type();
    }

    /** Flushes an open batch, saves (or cleans) the cache, closes the connector. */
    public void close() {
        if (closed) {
            return;
        }
        if (sink != null && !batch.isEmpty()) {
            flushBatch();
        }
        closed = true;
        cancel(lingerTimer);
        cancel(resendTimer);
        lingerTimer = null;
        resendTimer = null;
        if (cache != null) {
            int n = cache.size();
            cache.close(common.cleanCacheAtStop);
            if (n > 0) {
                ctx.logger().info("sink {} stopped with {} undelivered messages {}", ctx.operatorId(), n,
                        common.cleanCacheAtStop || !common.enableCache ? "dropped" : "saved to disk");
            }
        }
        if (sink != null) {
            try {
                sink.close(ctx);
            } catch (ConnectorException | RuntimeException e) {
                Logger log = ctx.logger();
                log.warn("closing sink {} failed: {}", entry.type(), e.getMessage());
            }
            sink = null;
        }
    }

    // ---------------------------------------------------------------- batching

    private void flushBatch() {
        if (closed) {
            return;
        }
        if (batch.isEmpty()) {
            batchResults = 0;
            return;
        }
        List<Item> items = batch;
        batch = new ArrayList<>();
        batchResults = 0;
        try {
            byte[] payload = bytes ? encoding.payload(items) : null;
            List<Map<String, Object>> rows = bytes ? null : encoding.rows(items);
            deliver(new CacheEntry(payload, rows, items.get(items.size() - 1).props(), null));
        } catch (TransformException | RuntimeException e) {
            listener.failed(e.getMessage());
        }
    }

    // ---------------------------------------------------------------- delivery

    /** Encodes an item into the message the connector gets; null (and an error counted) when it cannot. */
    @SuppressWarnings("unchecked")
    private CacheEntry prepare(Item item) {
        try {
            byte[] payload = null;
            List<Map<String, Object>> rows;
            if (bytes) {
                payload = encoding.payload(item);
                rows = item.raw() ? null : item.value() instanceof Map<?, ?> m
                        ? List.of((Map<String, Object>) m) : (List<Map<String, Object>>) item.value();
            } else {
                rows = encoding.rows(item);
            }
            Object source = alterQueue() && common.resendIndicatorField != null ? item.data() : null;
            return new CacheEntry(payload, rows, item.props(), source);
        } catch (TransformException | RuntimeException e) {
            listener.failed(e.getMessage());
            return null;
        }
    }

    private void deliver(CacheEntry e) {
        if (cache == null) {
            send(e, false, true);
            return;
        }
        if (!alterQueue()) {
            if (!cache.isEmpty()) {
                cache.append(e); // behind the cached ones: order is kept
                armResend(common.retryMillis());
                return;
            }
            if (send(e, false, true) == Outcome.RECOVERABLE) {
                cache.append(e);
                armResend(common.retryMillis());
            }
            return;
        }
        // a separate resend queue
        if (common.resendPriority > 0 && !cache.isEmpty() && retryDue()) {
            resendChain(Integer.MAX_VALUE);
        }
        Outcome o = send(e, false, true);
        if (o == Outcome.RECOVERABLE) {
            cache.append(e);
            armResend(common.retryMillis());
        } else if (o == Outcome.SENT && common.resendPriority == 0 && !cache.isEmpty()) {
            resendChain(1);
        }
    }

    /** The resend timer: sends cached messages oldest first until one fails, in bounded turns. */
    private void onResendTimer() {
        resendTimer = null;
        if (closed || cache == null || cache.isEmpty()) {
            return;
        }
        int budget = common.resendIntervalMillis > 0 ? 1 : RESEND_CHAIN;
        if (resendChain(budget) && !cache.isEmpty()) {
            armResend(common.resendIntervalMillis);
        }
    }

    /**
     * Resends up to {@code max} cached messages. Returns true when all went out (the chain may go on), false when one
     * failed recoverably (the resend timer is armed again).
     */
    private boolean resendChain(int max) {
        boolean alter = alterQueue();
        for (int n = 0; n < max; n++) {
            CacheEntry head = cache.peek();
            if (head == null) {
                return true;
            }
            CacheEntry msg = alter ? forResend(head) : head;
            Outcome o = msg == null ? Outcome.DROPPED : send(msg, alter, false);
            if (o == Outcome.RECOVERABLE) {
                armResend(common.retryMillis());
                return false;
            }
            cache.poll();
        }
        return true;
    }

    /** A cached message as the resend queue sends it: transformed again with the indicator field set. */
    @SuppressWarnings("unchecked")
    private CacheEntry forResend(CacheEntry e) {
        String field = common.resendIndicatorField;
        if (field == null || e.source() == null) {
            return e;
        }
        Object data;
        if (e.source() instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
            copy.put(field, Boolean.TRUE);
            data = copy;
        } else {
            List<Map<String, Object>> copy = new ArrayList<>();
            for (Object o : (List<Object>) e.source()) {
                Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) o);
                r.put(field, Boolean.TRUE);
                copy.add(r);
            }
            data = copy;
        }
        Result r = transform.one(data);
        if (r.error() != null) {
            listener.failed(r.error());
            return null;
        }
        return prepare(r.item());
    }

    private Outcome send(CacheEntry e, boolean resend, boolean countFailure) {
        try {
            sink.collect(ctx, new Message(e, resend));
            listener.sent(1);
            return Outcome.SENT;
        } catch (RecoverableException ex) {
            lastFailureMillis = ctx.clock().millis();
            if (countFailure || cache == null) {
                listener.failed(ex.getMessage());
            }
            return cache == null ? Outcome.DROPPED : Outcome.RECOVERABLE;
        } catch (ConnectorException | RuntimeException ex) {
            listener.failed(String.valueOf(ex.getMessage()));
            return Outcome.DROPPED;
        }
    }

    /** eKuiper's resend queue: only with the cache enabled. */
    private boolean alterQueue() {
        return common.enableCache && common.resendAlterQueue;
    }

    private boolean retryDue() {
        return ctx.clock().millis() - lastFailureMillis >= common.retryMillis();
    }

    private void armResend(long delayMillis) {
        if (resendTimer == null && !closed) {
            resendTimer = timers.once(delayMillis, this::onResendTimer);
        }
    }

    private void cacheError(String message) {
        ctx.logger().warn("{}: {}", ctx.operatorId(), message);
        listener.failed(message);
    }

    private static void cancel(Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }

    /** The message handed to the connector: payload, rows and the properties evaluated for it. */
    private final class Message implements SinkMessage {
        private final CacheEntry e;
        private final boolean resend;

        Message(CacheEntry e, boolean resend) {
            this.e = e;
            this.resend = resend;
        }

        @Override
        public byte[] payload() {
            if (e.payload() == null && e.rows() != null) {
                return encoding.payloadOfRows(e.rows());
            }
            return e.payload();
        }

        @Override
        public List<Map<String, Object>> rows() {
            return e.rows() == null ? List.of() : e.rows();
        }

        @Override
        public String property(String name) {
            if (resend && common.resendDestination != null && "topic".equals(name)) {
                String d = e.props().get("resendDestination");
                return d != null ? d : common.resendDestination;
            }
            String v = e.props().get(name);
            if (v != null || e.props().containsKey(name)) {
                return v;
            }
            Object p = props.get(name);
            return p == null ? null : String.valueOf(p);
        }

        @Override
        public Map<String, Object> meta() {
            return Map.of();
        }
    }
}
