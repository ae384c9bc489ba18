package io.oort.connector.mqtt.internal;

import static io.oort.connector.mqtt.internal.MqttOptions.CONNECTION_SELECTOR;
import static io.oort.connector.mqtt.internal.MqttOptions.PROPERTIES;
import static io.oort.connector.mqtt.internal.MqttOptions.QOS;
import static io.oort.connector.mqtt.internal.MqttOptions.RETAINED;
import static io.oort.connector.mqtt.internal.MqttOptions.TOPIC;

import java.util.LinkedHashMap;
import java.util.Map;

import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.RecoverableException;
import io.oort.engine.core.api.Sink;
import io.oort.engine.core.api.SinkMessage;
import io.oort.engine.core.api.StatusListener;

/**
 * Publishes each message's payload to its topic (the engine renders a templated {@code topic} per message).
 *
 * <p>What a normal return of {@link #collect} means, per QoS:
 * <ul>
 * <li>QoS 0: the client took the message while connected, behind the earlier ones (so order is kept); it is written
 * in the background. The rule's thread does not wait for each message, only for room in a bounded window
 * ({@link #WINDOW_MESSAGES} messages, {@link #WINDOW_BYTES} bytes) when the network is slower than the rule:
 * that is the back-pressure. A message that cannot be taken (client disconnected, no room within 5 s) is refused
 * with {@link RecoverableException}, so the engine's sink cache keeps it. QoS 0 is at most once: messages taken
 * but not yet written when the connection breaks (at most one window) are lost; the loss is reported in the
 * connection's DISCONNECTED status, in the next error {@code collect} throws, and in the log.
 * <li>QoS 1 and 2: the broker has acknowledged the message (PUBACK / PUBCOMP). This stays synchronous: the engine's
 * SPI has no later acknowledgement, so a message returned as sent but still unacknowledged when the connection
 * breaks would be lost to the sink cache (a clean session drops Paho's unacknowledged messages, and an engine
 * stop drops Paho's memory store).
 * </ul>
 */
public final class MqttSink implements Sink {
    /** QoS 0 messages one sink may have handed to the client and not yet written: ~20 ms of a busy broker. */
    static final int WINDOW_MESSAGES = 1000;
    /** Payload bytes of those messages; a single larger message passes alone. */
    static final long WINDOW_BYTES = 8L << 20;

    private final MqttConnectionPool pool;
    private final PublishWindow window = new PublishWindow(WINDOW_MESSAGES, WINDOW_BYTES);
    private String topic;
    private int qos;
    private boolean retained;
    private Map<String, String> userProperties;
    private String selector;
    private ConnectionSettings settings;
    private MqttConnectionPool.Lease lease;

    public MqttSink(MqttConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public void provision(ConnectorContext ctx, ConnectorConfig config) throws ConnectorException {
        topic = config.getString(TOPIC);
        if (topic == null || topic.isEmpty()) {
            throw new ConnectorException("mqtt sink is missing property topic");
        }
        checkTopic(topic);
        qos = checkQos(config.getLong(QOS));
        retained = config.getBoolean(RETAINED);
        settings = ConnectionSettings.from(config, ctx.logger());
        selector = selector(config.getString(CONNECTION_SELECTOR));
        Map<String, String> props = new LinkedHashMap<>();
        config.getMap(PROPERTIES).forEach((k, v) -> props.put(k, v == null ? "" : String.valueOf(v)));
        if (!props.isEmpty() && settings.version() != ProtocolVersion.V5) {
            ctx.logger().warn("Only mqtt v5 supports properties, ignore the properties setting");
            props.clear();
        }
        userProperties = Map.copyOf(props);
    }

    @Override
    public void connect(ConnectorContext ctx, StatusListener status) throws ConnectorException {
        String owner = ctx.ruleId() + "-" + ctx.operatorId() + "-" + topic + "-mqtt-sink";
        lease = pool.acquire(selector, settings, owner, status, ctx.logger(), null);
        lease.connection().awaitFirstAttempt(MqttLink.OPERATION_TIMEOUT_MS);
    }

    @Override
    public void collect(ConnectorContext ctx, SinkMessage message) throws ConnectorException {
        if (lease == null) {
            throw new RecoverableException("mqtt client is not connected");
        }
        String target = message.property(TOPIC);
        if (target == null) {
            target = topic;
        }
        if (target.isEmpty()) {
            throw new ConnectorException("mqtt sink topic is empty for this message");
        }
        checkTopic(target);
        byte[] payload = message.payload() == null ? new byte[0] : message.payload();
        if (qos > 0) {
            lease.connection().publish(target, payload, qos, retained, userProperties);
        } else {
            publishAsync(ctx, target, payload);
        }
    }

    /** QoS 0: waits only for room in the window; see the class comment. */
    private void publishAsync(ConnectorContext ctx, String target, byte[] payload) throws ConnectorException {
        PublishWindow.Failures earlier = window.takeFailures();
        int size = payload.length;
        try {
            reserve(size);
            try {
                lease.connection().publishAsync(target, payload, 0, retained, userProperties,
                        failure -> window.release(size, failure));
            } catch (ConnectorException | RuntimeException e) {
                window.release(size, null); // never handed over
                throw e;
            }
        } catch (RecoverableException e) {
            throw earlier == null ? e : new RecoverableException(e.getMessage() + "; " + describe(earlier), e);
        } catch (ConnectorException e) {
            throw earlier == null ? e : new ConnectorException(e.getMessage() + "; " + describe(earlier), e);
        }
        if (earlier != null) {
            ctx.logger().warn("mqtt sink: {}", describe(earlier));
        }
    }

    private void reserve(int size) throws RecoverableException {
        try {
            if (!window.reserve(size, MqttLink.OPERATION_TIMEOUT_MS)) {
                throw new RecoverableException("mqtt client cannot keep up: " + window.inFlight()
                        + " messages still not written after " + MqttLink.OPERATION_TIMEOUT_MS + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecoverableException("interrupted while waiting to publish");
        }
    }

    private static String describe(PublishWindow.Failures f) {
        return f.count() + " earlier QoS 0 messages were not confirmed written and may be lost: " + f.lastCause();
    }

    /** Waits (bounded) until the QoS 0 messages taken so far are written, then lets the connection go. */
    @Override
    public void close(ConnectorContext ctx) {
        if (lease == null) {
            return;
        }
        try {
            if (!window.awaitEmpty(MqttLink.OPERATION_TIMEOUT_MS)) {
                ctx.logger().warn("mqtt sink closed with {} QoS 0 messages not yet written", window.inFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PublishWindow.Failures f = window.takeFailures();
        if (f != null) {
            ctx.logger().warn("mqtt sink: {}", describe(f));
        }
        lease.release();
        lease = null;
    }

    static void checkTopic(String topic) throws ConnectorException {
        if (topic.contains("#") || topic.contains("+")) {
            throw new ConnectorException("mqtt sink topic shouldn't contain # or +");
        }
    }

    static int checkQos(long qos) throws ConnectorException {
        if (qos != 0 && qos != 1 && qos != 2) {
            throw new ConnectorException("invalid qos value " + qos + ", the value could be only int 0 or 1 or 2");
        }
        return (int) qos;
    }

    static String selector(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
