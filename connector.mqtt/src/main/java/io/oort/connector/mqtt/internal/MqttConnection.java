package io.oort.connector.mqtt.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.RecoverableException;
import io.oort.engine.core.api.StatusListener;

/**
 * One broker connection, used by one connector or shared by every connector naming the same selector.
 *
 * <p>Reconnection is done here, not by Paho's automatic reconnect: Paho 1.2.5 never retries a first connect that
 * failed (eKuiper 2.x keeps trying when the broker is down at rule start), keeps its retry delay in a static field
 * shared by all clients of the JVM, doubles it past the configured maximum, and leaves its reconnect timer thread
 * running when a client is closed mid-cycle. Attempts run on the pool's scheduler with exponential backoff from
 * 100 ms to 10 s (eKuiper's connection backoff); after each successful connect the subscriptions are restored,
 * because a clean session loses them.
 *
 * <p>Status: CONNECTING until the first attempt ends; then CONNECTED, or DISCONNECTED with the cause. After a loss
 * the status stays DISCONNECTED (with the latest cause) while retries go on, rather than flapping between
 * CONNECTING and DISCONNECTED on every attempt; CONNECTED is reported once the subscriptions are restored, so it
 * means "receiving again".
 *
 * <p>Asynchronous publishes (QoS 0 sinks) are tracked in {@link InFlightPublishes}: a loss or the shutdown settles
 * those Paho will never report on, and the DISCONNECTED status says how many messages were not confirmed written.
 *
 * <p>Locking: {@code this} guards the state and orders status notifications; no network call is made while holding
 * it. {@link #lifecycle} serializes a connect attempt with {@link #shutdown}.
 */
public final class MqttConnection implements LinkListener {
    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
    static final long INITIAL_BACKOFF_MS = 100;
    static final long MAX_BACKOFF_MS = 10_000;

    private final String name;
    private final ConnectionSettings settings;
    private final ScheduledExecutorService scheduler;
    private final MqttLink link;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();

    private final Map<Object, StatusListener> listeners = new LinkedHashMap<>();
    private final SubscriptionTable subscriptions = new SubscriptionTable();
    private final InFlightPublishes inFlight = new InFlightPublishes();
    private ConnectionStatus status = ConnectionStatus.CONNECTING;
    private String statusMessage;
    private boolean connected;
    private boolean closed;
    private ScheduledFuture<?> retry;
    private long backoffMs = INITIAL_BACKOFF_MS;
    private int failures;
    /** Users of this connection; guarded by the pool's lock. */
    int refs;

    MqttConnection(String name, ConnectionSettings settings, ScheduledExecutorService scheduler)
            throws ConnectorException {
        this.name = name;
        this.settings = settings;
        this.scheduler = scheduler;
        String clientId = settings.clientId() != null ? settings.clientId() : generatedClientId();
        this.link = settings.version() == ProtocolVersion.V5 ? new PahoV5Link(settings, clientId, this)
                : new PahoV3Link(settings, clientId, this);
    }

    /** 23 characters: the longest id MQTT 3.1 brokers must accept. */
    private static String generatedClientId() {
        return "oort-" + UUID.randomUUID().toString().replace("-", "").substring(0, 18);
    }

    public String name() {
        return name;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public String clientId() {
        return link.clientId();
    }

    public boolean isConnected() {
        return link.isConnected();
    }

    void start() {
        scheduleAttempt(0);
    }

    /** Waits until the first connection attempt has succeeded (subscriptions restored) or failed. */
    public boolean awaitFirstAttempt(long timeoutMs) {
        return awaitFirstAttempt(timeoutMs, new CompletableFuture<>());
    }

    /** Waits as {@link #awaitFirstAttempt(long)}, or until {@code enough} completes, whichever comes first. */
    public boolean awaitFirstAttempt(long timeoutMs, CompletableFuture<?> enough) {
        try {
            CompletableFuture.anyOf(firstAttempt, enough).get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
    }

    /** Registers a user's status listener and tells it the current status at once. */
    synchronized void addListener(Object key, StatusListener listener) {
        listeners.put(key, listener);
        listener.onStatus(status, statusMessage);
    }

    synchronized void removeListener(Object key) {
        listeners.remove(key);
    }

    /**
     * Routes messages on {@code filters} to {@code handler}. Filters new to this connection are subscribed now when
     * connected (else on connect).
     *
     * @throws ConnectorException when the broker refuses a filter
     */
    public void subscribe(List<String> filters, int qos, MessageHandler handler) throws ConnectorException {
        List<String> fresh;
        synchronized (this) {
            if (closed) {
                throw new ConnectorException("mqtt connection " + name + " is closed");
            }
            fresh = subscriptions.add(filters, qos, handler);
            if (!connected || fresh.isEmpty()) {
                return;
            }
        }
        List<String> refused;
        try {
            refused = sendSubscribe(fresh, qos);
        } catch (Exception e) {
            // The connection broke meanwhile: the reconnect restores the subscription.
            LOG.warn("subscribe to {} on mqtt connection {} failed, retrying after reconnect: {}", fresh, name,
                    PahoErrors.describe(e));
            return;
        }
        if (!refused.isEmpty()) {
            throw new ConnectorException("the mqtt broker refused the subscription to " + String.join(",", refused));
        }
    }

    /** Stops routing to {@code handler}; filters nobody uses any more are unsubscribed unless the session persists. */
    public void unsubscribe(MessageHandler handler) {
        List<String> orphaned;
        synchronized (this) {
            orphaned = subscriptions.remove(handler);
            if (!connected || closed || orphaned.isEmpty() || settings.persistentSession()) {
                return; // a persistent session keeps its subscriptions, as eKuiper's does
            }
        }
        link.unsubscribe(orphaned.toArray(new String[0]));
    }

    /** Publishes and waits; see {@link MqttLink#publish} for the meaning of the exceptions. */
    public void publish(String topic, byte[] payload, int qos, boolean retained, Map<String, String> properties)
            throws ConnectorException {
        checkUsable();
        link.publish(topic, payload, qos, retained, properties);
    }

    /**
     * Hands a message to the client without waiting for the network; see {@link MqttLink#publishAsync}. When this
     * returns, {@code done} is told exactly once: by Paho, or with a failure when the connection breaks or closes
     * first. When this throws, {@code done} is never told.
     */
    public void publishAsync(String topic, byte[] payload, int qos, boolean retained, Map<String, String> properties,
            MqttLink.Completion done) throws ConnectorException {
        checkUsable();
        InFlightPublishes.Publish p = inFlight.begin(done);
        try {
            link.publishAsync(topic, payload, qos, retained, properties, p);
        } catch (ConnectorException | RuntimeException e) {
            inFlight.refused(p);
            throw e;
        }
        inFlight.handedOver(p);
    }

    private void checkUsable() throws RecoverableException {
        synchronized (this) {
            if (closed) {
                throw new RecoverableException("mqtt client is closed");
            }
        }
        if (!link.isConnected()) {
            throw new RecoverableException("mqtt client is not connected");
        }
    }

    private void attempt() {
        lifecycle.lock();
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
                retry = null;
            }
            try {
                link.connect();
            } catch (Exception e) {
                onAttemptFailed(PahoErrors.describe(e));
                return;
            }
            Map<Integer, List<String>> restore;
            synchronized (this) {
                if (closed) {
                    return; // shutdown() disconnects as soon as we release the lifecycle lock
                }
                connected = true;
                inFlight.takeFailures(); // reported with the loss they belong to
                backoffMs = INITIAL_BACKOFF_MS;
                failures = 0;
                restore = subscriptions.filtersByQos();
            }
            LOG.info("mqtt connection {} established to {} as {}", name, settings.serverUri(), link.clientId());
            restore.forEach(this::restoreSubscriptions);
            synchronized (this) {
                // Reported after the subscriptions so that "connected" means "receiving"; skipped when the
                // connection was lost meanwhile (connectionLost reported that and scheduled the next attempt).
                if (connected && !closed) {
                    notifyStatus(ConnectionStatus.CONNECTED, null);
                }
            }
            firstAttempt.complete(null);
        } finally {
            lifecycle.unlock();
        }
    }

    private void onAttemptFailed(String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (failures++ == 0) {
                LOG.warn("mqtt connection {} to {} failed, retrying in the background: {}", name,
                        settings.serverUri(), reason);
            } else {
                LOG.debug("mqtt connection {} attempt {} failed: {}", name, failures, reason);
            }
            notifyStatus(ConnectionStatus.DISCONNECTED, reason);
            long delay = backoffMs;
            backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
            scheduleAttempt(delay);
        }
        firstAttempt.complete(null);
    }

    private void restoreSubscriptions(int qos, List<String> filters) {
        try {
            List<String> refused = sendSubscribe(filters, qos);
            for (String f : refused) {
                ConnectorException e = new ConnectorException("the mqtt broker refused the subscription to " + f);
                List<MessageHandler> handlers;
                synchronized (this) {
                    handlers = subscriptions.handlersOf(f);
                }
                handlers.forEach(h -> h.onError(e));
            }
        } catch (Exception e) {
            LOG.warn("restoring subscriptions {} on mqtt connection {} failed: {}", filters, name,
                    PahoErrors.describe(e));
        }
    }

    private List<String> sendSubscribe(List<String> filters, int qos) throws Exception {
        int[] codes = link.subscribe(filters.toArray(new String[0]), qos);
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            if (i < codes.length && codes[i] >= 0x80) {
                refused.add(filters.get(i));
            }
        }
        return refused;
    }

    private synchronized void scheduleAttempt(long delayMs) {
        if (closed || (retry != null && !retry.isDone())) {
            return;
        }
        try {
            retry = scheduler.schedule(this::attempt, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("mqtt connection {}: no reconnect, the pool is shutting down", name);
        }
    }

    /** Tells every user about a change; caller holds {@code this} so that notifications keep their order. */
    private void notifyStatus(ConnectionStatus s, String message) {
        if (s == status && Objects.equals(message, statusMessage)) {
            return;
        }
        status = s;
        statusMessage = message;
        for (StatusListener l : listeners.values()) {
            try {
                l.onStatus(s, message);
            } catch (RuntimeException e) {
                LOG.warn("status listener of mqtt connection {} failed", name, e);
            }
        }
    }

    @Override
    public void connectionLost(String reason) {
        synchronized (this) {
            // Paho has emptied its send queue: what it did not report on by now is gone (even when the loss comes
            // before connect() has been seen to succeed: publishes only need Paho to be connected).
            inFlight.settleAll(reason);
            if (closed || !connected) {
                return;
            }
            connected = false;
            int dropped = inFlight.takeFailures();
            String message = dropped == 0 ? reason : reason + " (" + dropped
                    + " QoS 0 messages handed to the client were not confirmed written and may be lost)";
            LOG.warn("mqtt connection {} to {} lost: {}", name, settings.serverUri(), message);
            notifyStatus(ConnectionStatus.DISCONNECTED, message);
            backoffMs = INITIAL_BACKOFF_MS;
            scheduleAttempt(INITIAL_BACKOFF_MS);
        }
    }

    @Override
    public void messageArrived(InboundMessage message) {
        List<MessageHandler> handlers = subscriptions.route(message.topic());
        if (handlers.isEmpty()) {
            // e.g. a persistent session still holding a subscription no source uses now
            LOG.debug("mqtt connection {}: no source for message on {}", name, message.topic());
            return;
        }
        for (int i = 0; i < handlers.size(); i++) {
            // Each source gets its own array: the engine may decode in place.
            InboundMessage m = i == 0 ? message : new InboundMessage(message.topic(), message.payload().clone(),
                    message.qos(), message.messageId(), message.retained(), message.userProperties());
            MessageHandler h = handlers.get(i);
            try {
                h.onMessage(m);
            } catch (RuntimeException e) {
                // Never let an exception reach Paho: it would drop the connection.
                LOG.warn("mqtt connection {}: a source failed to take a message on {}", name, message.topic(), e);
            }
        }
    }

    /** Disconnects and releases the client; waits for a connect attempt in progress (bounded). Idempotent. */
    void shutdown() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            connected = false;
            if (retry != null) {
                retry.cancel(false);
            }
            listeners.clear();
        }
        boolean locked = false;
        try {
            locked = lifecycle.tryLock(MqttLink.OPERATION_TIMEOUT_MS * 3, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            link.close();
            synchronized (this) {
                inFlight.settleAll("mqtt connection " + name + " closed");
            }
            LOG.info("mqtt connection {} closed", name);
        } finally {
            if (locked) {
                lifecycle.unlock();
            }
            firstAttempt.complete(null);
        }
    }
}
