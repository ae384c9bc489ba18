package io.oort.connector.mqtt.internal;

import java.util.Arrays;
import java.util.Map;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.RecoverableException;

/** MQTT 3.1 / 3.1.1 through {@code org.eclipse.paho.client.mqttv3}. */
final class PahoV3Link implements MqttLink, MqttCallback {
    private static final Logger LOG = LoggerFactory.getLogger(PahoV3Link.class);
    /** Go's Paho has no in-flight limit; Paho Java's default of 10 would fail publishes of busy shared clients. */
    private static final int MAX_INFLIGHT = 1000;
    private static final int KEEP_ALIVE_SECONDS = 30;

    /** One listener for every asynchronous publish: the token's user context is the publish's {@link Completion}. */
    private static final IMqttActionListener COMPLETIONS = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            ((Completion) token.getUserContext()).completed(null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            ((Completion) token.getUserContext()).completed(failure != null ? failure
                    : new MqttException(MqttException.REASON_CODE_UNEXPECTED_ERROR));
        }
    };

    private final MqttAsyncClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final LinkListener listener;

    PahoV3Link(ConnectionSettings settings, String clientId, LinkListener listener) throws ConnectorException {
        this.listener = listener;
        try {
            // Memory persistence: Paho's default file persistence would write into the working directory.
            client = new MqttAsyncClient(settings.serverUri(), clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new ConnectorException("cannot create mqtt client for " + settings.serverUri() + ": "
                    + e.getMessage(), e);
        }
        client.setCallback(this);
        options.setMqttVersion(settings.version() == ProtocolVersion.V3_1 ? MqttConnectOptions.MQTT_VERSION_3_1
                : MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(!settings.persistentSession());
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setMaxInflight(MAX_INFLIGHT);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().toCharArray());
        }
        if (settings.tls() != null) {
            options.setSocketFactory(settings.socketFactory());
            options.setHttpsHostnameVerificationEnabled(!settings.tls().insecureSkipVerify());
        }
    }

    @Override
    public String clientId() {
        return client.getClientId();
    }

    @Override
    public void connect() throws Exception {
        try {
            client.connect(options).waitForCompletion(OPERATION_TIMEOUT_MS + CONNECT_TIMEOUT_SECONDS * 1000L);
        } catch (MqttException e) {
            abort();
            throw e;
        }
    }

    /** Resets a half-open attempt (e.g. after our wait timed out) so the next connect() is allowed. */
    private void abort() {
        try {
            if (!client.isConnected()) {
                client.disconnectForcibly(0, 0, false);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.debug("reset of client {} after a failed connect: {}", client.getClientId(), e.toString());
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public int[] subscribe(String[] filters, int qos) throws Exception {
        int[] qoss = new int[filters.length];
        Arrays.fill(qoss, qos);
        IMqttToken token = client.subscribe(filters, qoss);
        token.waitForCompletion(OPERATION_TIMEOUT_MS);
        return token.getGrantedQos();
    }

    @Override
    public void unsubscribe(String[] filters) {
        try {
            client.unsubscribe(filters).waitForCompletion(OPERATION_TIMEOUT_MS);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("unsubscribe {} on {}: {}", String.join(",", filters), client.getClientId(), e.toString());
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained, Map<String, String> userProperties)
            throws ConnectorException {
        try {
            IMqttDeliveryToken token = client.publish(topic, payload, qos, retained);
            token.waitForCompletion(OPERATION_TIMEOUT_MS);
        } catch (MqttException e) {
            // MQTT 3 brokers cannot reject a publish: every failure is the connection's or the client's.
            throw new RecoverableException("publish to mqtt broker failed: " + PahoErrors.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("invalid publish to topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publishAsync(String topic, byte[] payload, int qos, boolean retained,
            Map<String, String> userProperties, Completion done) throws ConnectorException {
        try {
            client.publish(topic, payload, qos, retained, done, COMPLETIONS);
        } catch (MqttException e) {
            throw new RecoverableException("publish to mqtt broker failed: " + PahoErrors.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("invalid publish to topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(QUIESCE_MS).waitForCompletion(OPERATION_TIMEOUT_MS);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.debug("disconnect of {}: {}", client.getClientId(), e.toString());
        }
        abort();
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("close of {}: {}", client.getClientId(), e.toString());
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        listener.connectionLost(PahoErrors.describe(cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        listener.messageArrived(new InboundMessage(topic, message.getPayload(), message.getQos(), message.getId(),
                message.isRetained(), Map.of()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // publish() waits on the token itself; publishAsync() is told through its listener
    }
}
