package io.oort.connector.mqtt.internal;

import java.util.ArrayList;
import java.util.List;

import io.oort.engine.core.api.PropertyDecl;
import io.oort.engine.core.api.PropertyType;

/**
 * Property names and declarations of the MQTT connectors, spelled as in eKuiper's {@code etc/mqtt_source.yaml},
 * {@code etc/sinks/mqtt.json} and {@code pkg/model/conf_security.go}.
 */
public final class MqttOptions {
    public static final String DEFAULT_SERVER = "tcp://127.0.0.1:1883";

    public static final String SERVER = "server";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String PROTOCOL_VERSION = "protocolVersion";
    /** The source spelling; eKuiper matches keys case-insensitively, so both spellings are read everywhere. */
    public static final String CLIENT_ID_SOURCE = "clientid";
    /** The sink spelling. */
    public static final String CLIENT_ID_SINK = "clientId";
    public static final String QOS = "qos";
    public static final String CONNECTION_SELECTOR = "connectionSelector";
    public static final String ENABLE_CLIENT_SESSION = "enableClientSession";
    public static final String SESSION_EXPIRY = "sessionExpiryIntervalSeconds";
    public static final String TOPIC = "topic";
    public static final String RETAINED = "retained";
    public static final String PROPERTIES = "properties";

    public static final String CERTIFICATION_PATH = "certificationPath";
    public static final String PRIVATE_KEY_PATH = "privateKeyPath";
    public static final String ROOT_CA_PATH = "rootCaPath";
    public static final String CERTIFICATION_RAW = "certificationRaw";
    public static final String PRIVATE_KEY_RAW = "privateKeyRaw";
    public static final String ROOT_CA_RAW = "rootCARaw";
    public static final String INSECURE_SKIP_VERIFY = "insecureSkipVerify";
    public static final String TLS_MIN_VERSION = "tlsMinVersion";
    public static final String RENEGOTIATION_SUPPORT = "renegotiationSupport";

    private MqttOptions() {
    }

    /** Every property of the MQTT source. */
    public static List<PropertyDecl> sourceProperties() {
        List<PropertyDecl> p = new ArrayList<>();
        p.add(PropertyDecl.optional(SERVER, PropertyType.STRING, DEFAULT_SERVER,
                "The broker address, e.g. tcp://127.0.0.1:1883; ssl://, tls:// or mqtts:// use TLS."));
        p.add(PropertyDecl.optional(USERNAME, PropertyType.STRING, null, "The user name for the connection."));
        p.add(PropertyDecl.optional(PASSWORD, PropertyType.SECRET, null, "The password for the connection."));
        p.add(version());
        p.add(PropertyDecl.optional(CLIENT_ID_SOURCE, PropertyType.STRING, null,
                "The MQTT client id; a unique id is generated when empty."));
        p.add(PropertyDecl.optional(QOS, PropertyType.INTEGER, 1L, "The subscription QoS: 0, 1 or 2."));
        p.add(PropertyDecl.optional(ENABLE_CLIENT_SESSION, PropertyType.BOOLEAN, false,
                "Keep a persistent session on the broker (clean session off), so messages are queued while away."));
        p.add(PropertyDecl.optional(SESSION_EXPIRY, PropertyType.INTEGER, 60L,
                "MQTT 5 only: seconds the broker keeps the session after a disconnection."));
        p.add(selector());
        p.addAll(tls());
        return List.copyOf(p);
    }

    /** Every property of the MQTT sink. */
    public static List<PropertyDecl> sinkProperties() {
        List<PropertyDecl> p = new ArrayList<>();
        p.add(PropertyDecl.optional(SERVER, PropertyType.STRING, DEFAULT_SERVER,
                "The broker address, e.g. tcp://127.0.0.1:1883; ssl://, tls:// or mqtts:// use TLS."));
        p.add(PropertyDecl.required(TOPIC, PropertyType.STRING,
                "The topic to publish to, without wildcards; may be a template such as devices/{{.id}}."));
        p.add(PropertyDecl.optional(CLIENT_ID_SINK, PropertyType.STRING, null,
                "The MQTT client id; a unique id is generated when empty."));
        p.add(version());
        p.add(PropertyDecl.optional(QOS, PropertyType.INTEGER, 0L, "The publish QoS: 0, 1 or 2."));
        p.add(PropertyDecl.optional(RETAINED, PropertyType.BOOLEAN, false,
                "Publish as retained messages: the broker keeps the last one per topic."));
        p.add(PropertyDecl.optional(USERNAME, PropertyType.STRING, null, "The user name for the connection."));
        p.add(PropertyDecl.optional(PASSWORD, PropertyType.SECRET, null, "The password for the connection."));
        p.add(PropertyDecl.optional(PROPERTIES, PropertyType.MAP, null,
                "MQTT 5 only: user properties added to every published message."));
        p.add(selector());
        p.addAll(tls());
        return List.copyOf(p);
    }

    private static PropertyDecl version() {
        return new PropertyDecl(PROTOCOL_VERSION, PropertyType.STRING, "3.1.1", false,
                "The MQTT protocol version: 3.1, 3.1.1 (also written 4) or 5.", List.of("3.1", "3.1.1", "4", "5"));
    }

    private static PropertyDecl selector() {
        return PropertyDecl.optional(CONNECTION_SELECTOR, PropertyType.STRING, null,
                "A connection profile such as mqtt.localConnection: every source and sink naming it shares one client.");
    }

    private static List<PropertyDecl> tls() {
        return List.of(
                PropertyDecl.optional(CERTIFICATION_PATH, PropertyType.STRING, null,
                        "The client certificate (PEM file) for mutual TLS."),
                PropertyDecl.optional(PRIVATE_KEY_PATH, PropertyType.STRING, null,
                        "The client private key (PEM file: PKCS#8, PKCS#1 RSA or SEC1 EC)."),
                PropertyDecl.optional(ROOT_CA_PATH, PropertyType.STRING, null,
                        "The CA certificates (PEM file) that sign the broker's certificate."),
                PropertyDecl.optional(CERTIFICATION_RAW, PropertyType.STRING, null,
                        "The client certificate as base64 of the PEM text; certificationPath wins when both are set."),
                PropertyDecl.optional(PRIVATE_KEY_RAW, PropertyType.SECRET, null,
                        "The client private key as base64 of the PEM text; privateKeyPath wins when both are set."),
                PropertyDecl.optional(ROOT_CA_RAW, PropertyType.STRING, null,
                        "The CA certificates as base64 of the PEM text; rootCaPath wins when both are set."),
                PropertyDecl.optional(INSECURE_SKIP_VERIFY, PropertyType.BOOLEAN, false,
                        "Accept any broker certificate and host name (TLS only; unsafe outside tests)."),
                PropertyDecl.oneOf(TLS_MIN_VERSION, "tls1.2", "The lowest TLS version to negotiate.",
                        "tls1.0", "tls1.1", "tls1.2", "tls1.3"),
                PropertyDecl.oneOf(RENEGOTIATION_SUPPORT, "never",
                        "Accepted for eKuiper compatibility; Java's TLS stack governs renegotiation itself.",
                        "never", "once", "freely"));
    }
}
