package io.oort.connector.mqtt.internal;

import java.util.Map;

import io.oort.engine.core.api.ConnectorException;

/**
 * One Paho client of either protocol version, reduced to what the connectors need. Automatic reconnection is off:
 * {@link MqttConnection} drives reconnects itself (see there for why). Every blocking call is bounded.
 */
interface MqttLink {
    /** Paho's socket connect and CONNACK timeout. */
    int CONNECT_TIMEOUT_SECONDS = 5;
    /** Bound for waiting on a CONNECT, SUBSCRIBE or PUBLISH token, as eKuiper's 5 s token wait. */
    long OPERATION_TIMEOUT_MS = 5_000;
    /** How long a disconnect may wait for in-flight work before the socket is closed. */
    long QUIESCE_MS = 500;

    /** The client id actually used (generated when none was configured). */
    String clientId();

    /** One connection attempt; returns when connected or throws when the attempt failed. */
    void connect() throws Exception;

    boolean isConnected();

    /** Subscribes and returns the broker's answer per filter: the granted QoS, or a code of 0x80 and above. */
    int[] subscribe(String[] filters, int qos) throws Exception;

    /** Best effort: a failure only means the broker keeps the subscription until the session ends. */
    void unsubscribe(String[] filters);

    /**
     * Publishes and waits until the message is written (QoS 0) or acknowledged (QoS 1 and 2).
     *
     * @throws io.oort.engine.core.api.RecoverableException when the network or the client state is at fault
     * @throws ConnectorException                            when the broker rejected the message
     */
    void publish(String topic, byte[] payload, int qos, boolean retained, Map<String, String> userProperties)
            throws ConnectorException;

    /**
     * Hands a message to the client and returns without waiting for the network. Unless this method throws, Paho
     * later reports the outcome to {@code done}: null once the message is written (QoS 0) or acknowledged (QoS 1
     * and 2), else the failure. Paho (MQTT 3) never reports a QoS 0 message it dropped from its send queue when the
     * connection broke: {@link MqttConnection} settles those itself (see {@link InFlightPublishes}).
     *
     * @throws io.oort.engine.core.api.RecoverableException when the client refused the message (not connected)
     * @throws ConnectorException                            when the message itself is invalid
     */
    void publishAsync(String topic, byte[] payload, int qos, boolean retained, Map<String, String> userProperties,
            Completion done) throws ConnectorException;

    /** Disconnects (bounded), releases Paho's threads and closes the client; never throws. */
    void close();

    /** How an asynchronous publish ended. Called on a Paho thread: return quickly and never throw. */
    interface Completion {
        /** @param failure null when the message was written (QoS 0) or acknowledged (QoS 1 and 2) */
        void completed(Throwable failure);
    }
}
