package io.oort.connector.mqtt.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;

import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.StatusListener;

/**
 * The bundle's private connection pool, shared by the source and sink providers. Connectors naming the same
 * {@code connectionSelector} share one client (reference-counted, closed with its last user); the others get a
 * client of their own. Deactivation closes every client, so uninstalling the bundle leaves no Paho thread behind.
 */
@Component(service = MqttConnectionPool.class)
public final class MqttConnectionPool {
    private final Object lock = new Object();
    private final Map<String, MqttConnection> bySelector = new HashMap<>();
    private final List<MqttConnection> open = new ArrayList<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private boolean closed;

    public MqttConnectionPool() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "oort-mqtt-connect-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Two threads: one slow attempt (an unreachable host takes the full connect timeout) must not stall the
        // reconnects of every other connection. Idle threads end, so an idle connector costs no thread.
        scheduler = new ScheduledThreadPoolExecutor(2, threads);
        scheduler.setKeepAliveTime(30, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true);
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** One connector's use of a connection. */
    public final class Lease {
        private final MqttConnection connection;
        private final String selector;
        private boolean released;

        private Lease(MqttConnection connection, String selector) {
            this.connection = connection;
            this.selector = selector;
        }

        public MqttConnection connection() {
            return connection;
        }

        /** Gives the connection back; the last user closes it. Idempotent. */
        public void release() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            MqttConnectionPool.this.release(this);
        }
    }

    /** Work done on a connection before its first connect attempt, e.g. registering a subscription. */
    @FunctionalInterface
    public interface Preparation {
        void prepare(MqttConnection connection) throws ConnectorException;
    }

    /**
     * Returns a lease on the connection for {@code selector} (opening it on first use) or, without a selector, on a
     * new connection. The first connect attempt starts at once; {@code status} hears every change from now on.
     *
     * @param owner names an unshared connection in logs (eKuiper's rule-operator-topic id)
     * @param log   the connector's logger, for warnings that concern its configuration
     * @param prepare run before a new connection's first attempt (or on the shared one), may be null
     */
    public Lease acquire(String selector, ConnectionSettings settings, String owner, StatusListener status,
            Logger log, Preparation prepare) throws ConnectorException {
        MqttConnection c;
        boolean created = false;
        synchronized (lock) {
            if (closed) {
                throw new ConnectorException("the mqtt connector is shutting down");
            }
            c = selector == null ? null : bySelector.get(selector);
            if (c == null) {
                c = new MqttConnection(selector != null ? selector : owner, settings, scheduler);
                open.add(c);
                if (selector != null) {
                    bySelector.put(selector, c);
                }
                created = true;
            } else if (!c.settings().equals(settings)) {
                log.warn("mqtt connection {} is already open with other properties; sharing it as it is "
                        + "(open: {}, wanted: {})", selector, c.settings(), settings);
            }
            c.refs++;
        }
        Lease lease = new Lease(c, selector);
        c.addListener(lease, status);
        if (prepare != null) {
            try {
                prepare.prepare(c);
            } catch (ConnectorException | RuntimeException e) {
                lease.release();
                throw e;
            }
        }
        if (created) {
            c.start();
        } else {
            log.info("sharing mqtt connection {} (client id {})", selector, c.clientId());
        }
        return lease;
    }

    private void release(Lease lease) {
        MqttConnection c = lease.connection;
        c.removeListener(lease);
        boolean last;
        synchronized (lock) {
            last = --c.refs == 0;
            if (last) {
                open.remove(c);
                if (lease.selector != null) {
                    bySelector.remove(lease.selector, c);
                }
            }
        }
        if (last) {
            c.shutdown();
        }
    }

    /** The connections currently open (shared ones count once). */
    public int openConnections() {
        synchronized (lock) {
            return open.size();
        }
    }

    /** Closes every connection and stops the reconnect threads. */
    @Deactivate
    public void shutdown() {
        List<MqttConnection> all;
        synchronized (lock) {
            closed = true;
            all = new ArrayList<>(open);
            open.clear();
            bySelector.clear();
        }
        all.forEach(MqttConnection::shutdown);
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(MqttLink.OPERATION_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
