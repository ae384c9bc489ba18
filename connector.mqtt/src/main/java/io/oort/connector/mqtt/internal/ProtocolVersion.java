package io.oort.connector.mqtt.internal;

import io.oort.engine.core.api.ConnectorException;

/** The MQTT protocol versions eKuiper accepts in {@code protocolVersion}. */
public enum ProtocolVersion {
    V3_1, V3_1_1, V5;

    /** Parses eKuiper's spellings: "3.1", "3.1.1" (also "4", its protocol level) and "5"; empty means 3.1.1. */
    public static ProtocolVersion parse(String value) throws ConnectorException {
        String v = value == null ? "" : value.trim();
        return switch (v) {
            case "", "3.1.1", "4" -> V3_1_1;
            case "3.1", "3" -> V3_1;
            case "5", "5.0" -> V5;
            default -> throw new ConnectorException("unsupported protocol version " + v);
        };
    }

    /** The protocol level carried in the CONNECT packet (3, 4 or 5). */
    public int level() {
        return switch (this) {
            case V3_1 -> 3;
            case V3_1_1 -> 4;
            case V5 -> 5;
        };
    }
}
