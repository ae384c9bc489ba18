package io.oort.connector.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.RecoverableException;

/** MQTT 5 through {@code org.eclipse.paho.mqttv5.client}. */
final class PahoV5Link implements MqttLink, MqttCallback {
    private static final Logger LOG = LoggerFactory.getLogger(PahoV5Link.class);
    /** eKuiper's MQTT 5 client sends a keep-alive every 20 s. */
    private static final int KEEP_ALIVE_SECONDS = 20;
    /** Reason codes 0x89 (server busy) and 0x97 (quota exceeded) pass: resending later can succeed. */
    private static final int SERVER_BUSY = 0x89;
    private static final int QUOTA_EXCEEDED = 0x97;
    /**
     * Paho 5 logs every inbound QoS 2 message at INFO ("Creating MqttPubComp") through java.util.logging. Kept in a
     * static field because java.util.logging only holds loggers weakly and would forget the level.
     */
    private static final java.util.logging.Logger PAHO_CLIENT_STATE = quiet(
            "org.eclipse.paho.mqttv5.client.internal.ClientState");
    /** One listener for every asynchronous publish: the token's user context is the publish's {@link Completion}. */
    private static final MqttActionListener COMPLETIONS = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            int code = reasonCode(token);
            ((Completion) token.getUserContext()).completed(code < 0x80 ? null : new MqttException(code));
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            ((Completion) token.getUserContext()).completed(failure != null ? failure
                    : new MqttException(MqttClientException.REASON_CODE_UNEXPECTED_ERROR));
        }
    };

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options = new MqttConnectionOptions();
    private final LinkListener listener;

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.WARNING);
        return l;
    }

    PahoV5Link(ConnectionSettings settings, String clientId, LinkListener listener) throws ConnectorException {
        this.listener = listener;
        try {
            client = new MqttAsyncClient(settings.serverUri(), clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new ConnectorException("cannot create mqtt client for " + settings.serverUri() + ": "
                    + e.getMessage(), e);
        }
        client.setCallback(this);
        options.setCleanStart(!settings.persistentSession());
        options.setSessionExpiryInterval(settings.sessionExpirySeconds());
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
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
        MqttSubscription[] subs = new MqttSubscription[filters.length];
        for (int i = 0; i < filters.length; i++) {
            subs[i] = new MqttSubscription(filters[i], qos);
        }
        IMqttToken token = client.subscribe(subs);
        token.waitForCompletion(OPERATION_TIMEOUT_MS);
        int[] codes = token.getReasonCodes();
        return codes == null ? new int[filters.length] : Arrays.copyOf(codes, filters.length);
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
        MqttMessage message = message(payload, qos, retained, userProperties);
        int code;
        try {
            IMqttToken token = client.publish(topic, message);
            token.waitForCompletion(OPERATION_TIMEOUT_MS);
            code = reasonCode(token);
        } catch (MqttException e) {
            code = e.getReasonCode();
            if (code < 0x80 || code >= 0x100 || code == SERVER_BUSY || code == QUOTA_EXCEEDED) {
                throw new RecoverableException("publish to mqtt broker failed: " + PahoErrors.describe(e), e);
            }
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("invalid publish to topic " + topic + ": " + e.getMessage(), e);
        }
        if (code >= 0x80) {
            if (code == SERVER_BUSY || code == QUOTA_EXCEEDED) {
                throw new RecoverableException("publish to mqtt broker failed with reason code 0x"
                        + Integer.toHexString(code));
            }
            throw new ConnectorException("mqtt broker rejected the publish to " + topic + " with reason code 0x"
                    + Integer.toHexString(code));
        }
    }

    @Override
    public void publishAsync(String topic, byte[] payload, int qos, boolean retained,
            Map<String, String> userProperties, Completion done) throws ConnectorException {
        try {
            client.publish(topic, message(payload, qos, retained, userProperties), done, COMPLETIONS);
        } catch (MqttException e) {
            throw new RecoverableException("publish to mqtt broker failed: " + PahoErrors.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("invalid publish to topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private static MqttMessage message(byte[] payload, int qos, boolean retained, Map<String, String> userProperties) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        message.setRetained(retained);
        if (!userProperties.isEmpty()) {
            List<UserProperty> props = new ArrayList<>(userProperties.size());
            userProperties.forEach((k, v) -> props.add(new UserProperty(k, v)));
            MqttProperties mp = new MqttProperties();
            mp.setUserProperties(props);
            message.setProperties(mp);
        }
        return message;
    }

    /** The broker's reason code for a publish (0 for QoS 0, which has no answer). */
    private static int reasonCode(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
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
    public void disconnected(MqttDisconnectResponse response) {
        String reason = response.getException() != null ? PahoErrors.describe(response.getException())
                : response.getReasonString() != null ? response.getReasonString()
                : "server disconnected with reason code 0x" + Integer.toHexString(response.getReturnCode());
        listener.connectionLost(reason);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("mqtt client {} error: {}", client.getClientId(), PahoErrors.describe(exception));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        Map<String, String> props = Map.of();
        MqttProperties mp = message.getProperties();
        if (mp != null && mp.getUserProperties() != null && !mp.getUserProperties().isEmpty()) {
            props = new LinkedHashMap<>();
            for (UserProperty p : mp.getUserProperties()) {
                props.put(p.getKey(), p.getValue()); // a repeated key keeps its last value, as eKuiper's map does
            }
        }
        listener.messageArrived(new InboundMessage(topic, message.getPayload(), message.getQos(), message.getId(),
                message.isRetained(), props));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // publish() waits on the token itself; publishAsync() is told through its listener
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // MqttConnection learns of the connection from connect() returning
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
