package io.oort.connector.mqtt.internal;

import java.util.Map;

/**
 * One received PUBLISH, independent of the protocol version.
 *
 * @param userProperties the MQTT 5 user properties; empty for 3.1.1 and when the message carries none
 */
public record InboundMessage(String topic, byte[] payload, int qos, int messageId, boolean retained,
        Map<String, String> userProperties) {
}
