package io.oort.connector.mqtt.internal;

/** What a {@link MqttLink} reports. Called on Paho's threads, so implementations must return quickly. */
interface LinkListener {

    /** The established connection broke; {@code reason} is for humans. */
    void connectionLost(String reason);

    /** A message arrived on any subscription. Paho acknowledges it (QoS 1/2) only after this returns. */
    void messageArrived(InboundMessage message);
}
