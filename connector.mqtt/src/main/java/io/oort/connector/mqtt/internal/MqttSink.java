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
 * Publishes each message's payload to its topic (the engine renders a templated {@code topic} per message). A
 * normal return means the broker has the message: written for QoS 0, acknowledged for QoS 1 and 2.
 */
public final class MqttSink implements Sink {
    private final MqttConnectionPool pool;
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
        lease.connection().publish(target, payload, qos, retained, userProperties);
    }

    @Override
    public void close(ConnectorContext ctx) {
        if (lease != null) {
            lease.release();
            lease = null;
        }
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
