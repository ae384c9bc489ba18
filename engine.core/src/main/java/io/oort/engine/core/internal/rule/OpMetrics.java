package io.oort.engine.core.internal.rule;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.oort.engine.core.api.ConnectionStatus;

/**
 * One operator's counters, named as eKuiper reports them in a rule's status
 * ({@code <prefix>_<metric>}, e.g. {@code source_demo_0_records_in_total}).
 */
final class OpMetrics {

    final String prefix;
    final AtomicLong recordsIn = new AtomicLong();
    final AtomicLong recordsOut = new AtomicLong();
    final AtomicLong exceptions = new AtomicLong();
    final AtomicLong processed = new AtomicLong();
    volatile long latencyMicros;
    volatile long lastInvocation;
    volatile String lastException = "";
    volatile long lastExceptionTime;
    volatile int bufferLength;
    // connectors only
    final boolean connector;
    volatile ConnectionStatus connection;
    volatile long lastConnected;
    volatile long lastDisconnected;
    volatile String lastDisconnectMessage = "";
    volatile long lastTry;

    OpMetrics(String prefix, boolean connector) {
        this.prefix = prefix;
        this.connector = connector;
    }

    void error(String message, long now) {
        exceptions.incrementAndGet();
        lastException = message == null ? "" : message;
        lastExceptionTime = now;
    }

    void status(ConnectionStatus s, String message, long now) {
        connection = s;
        lastTry = now;
        if (s == ConnectionStatus.CONNECTED) {
            lastConnected = now;
        } else if (s == ConnectionStatus.DISCONNECTED) {
            lastDisconnected = now;
            lastDisconnectMessage = message == null ? "" : message;
        }
    }

    void writeTo(Map<String, Object> out) {
        out.put(prefix + "_records_in_total", recordsIn.get());
        out.put(prefix + "_records_out_total", recordsOut.get());
        out.put(prefix + "_messages_processed_total", processed.get());
        out.put(prefix + "_process_latency_us", latencyMicros);
        out.put(prefix + "_buffer_length", bufferLength);
        out.put(prefix + "_last_invocation", lastInvocation);
        out.put(prefix + "_exceptions_total", exceptions.get());
        out.put(prefix + "_last_exception", lastException);
        out.put(prefix + "_last_exception_time", lastExceptionTime);
        if (connector) {
            out.put(prefix + "_connection_status", connection == null ? 0 : connection.metricValue());
            out.put(prefix + "_connection_last_connected_time", lastConnected);
            out.put(prefix + "_connection_last_disconnected_time", lastDisconnected);
            out.put(prefix + "_connection_last_disconnected_message", lastDisconnectMessage);
            out.put(prefix + "_connection_last_try_time", lastTry);
        }
    }
}
