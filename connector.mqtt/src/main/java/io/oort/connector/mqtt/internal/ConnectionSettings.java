package io.oort.connector.mqtt.internal;

import static io.oort.connector.mqtt.internal.MqttOptions.CLIENT_ID_SINK;
import static io.oort.connector.mqtt.internal.MqttOptions.CLIENT_ID_SOURCE;
import static io.oort.connector.mqtt.internal.MqttOptions.ENABLE_CLIENT_SESSION;
import static io.oort.connector.mqtt.internal.MqttOptions.PASSWORD;
import static io.oort.connector.mqtt.internal.MqttOptions.PROTOCOL_VERSION;
import static io.oort.connector.mqtt.internal.MqttOptions.SERVER;
import static io.oort.connector.mqtt.internal.MqttOptions.SESSION_EXPIRY;
import static io.oort.connector.mqtt.internal.MqttOptions.USERNAME;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import javax.net.ssl.SSLSocketFactory;

import org.slf4j.Logger;

import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorException;

/**
 * Everything that identifies one broker connection. Two connectors sharing a {@code connectionSelector} should
 * produce equal settings; the pool warns when they do not.
 *
 * @param serverUri          the broker address in Paho's spelling ({@code tcp://}, {@code ssl://}, {@code ws://},
 *                           {@code wss://}), port included
 * @param clientId           the configured client id, or null to generate one
 * @param persistentSession  {@code enableClientSession}: no clean session / clean start
 * @param tls                the TLS properties, or null for a plain connection
 */
public record ConnectionSettings(String serverUri, ProtocolVersion version, String clientId, String username,
        String password, boolean persistentSession, long sessionExpirySeconds, TlsSettings tls) {

    /** Reads and validates the connection properties; builds the TLS factory once so bad material fails here. */
    public static ConnectionSettings from(ConnectorConfig config, Logger log) throws ConnectorException {
        String server = normalizeServer(config.getString(SERVER));
        boolean secure = server.startsWith("ssl:") || server.startsWith("wss:");
        TlsSettings tls = TlsSettings.from(config);
        if (secure) {
            tls.socketFactory();
        } else if (tls.configured()) {
            log.warn("TLS properties are ignored: server {} is not a TLS address (use ssl://, tls:// or mqtts://)",
                    server);
        }
        String clientId = firstNonBlank(config.getString(CLIENT_ID_SOURCE), config.getString(CLIENT_ID_SINK));
        long expiry = config.has(SESSION_EXPIRY) ? config.getLong(SESSION_EXPIRY) : 60;
        if (expiry < 0 || expiry > 0xFFFFFFFFL) {
            throw new ConnectorException(SESSION_EXPIRY + " must be between 0 and 4294967295, got " + expiry);
        }
        return new ConnectionSettings(server, ProtocolVersion.parse(config.getString(PROTOCOL_VERSION)), clientId,
                firstNonBlank(config.getString(USERNAME)), emptyToNull(config.getString(PASSWORD)),
                config.getBoolean(ENABLE_CLIENT_SESSION), expiry, secure ? tls : null);
    }

    /** The socket factory for a TLS server, or null for a plain one. */
    public SSLSocketFactory socketFactory() throws ConnectorException {
        return tls == null ? null : tls.socketFactory();
    }

    /** Maps eKuiper's schemes onto Paho's: tcp/mqtt are plain, ssl/tls/mqtts/tcps are TLS, ws/wss web sockets. */
    static String normalizeServer(String server) throws ConnectorException {
        if (server == null || server.isBlank()) {
            throw new ConnectorException("missing server property");
        }
        URI uri;
        try {
            uri = new URI(server.trim());
        } catch (URISyntaxException e) {
            throw new ConnectorException("invalid server address " + server + ": " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new ConnectorException("invalid server address " + server + ": expected e.g. tcp://host:1883");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "tcp", "mqtt" -> "tcp://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 1883 : uri.getPort());
            case "ssl", "tls", "mqtts", "tcps" -> "ssl://" + uri.getHost() + ":"
                    + (uri.getPort() < 0 ? 8883 : uri.getPort());
            case "ws", "wss" -> scheme + server.trim().substring(scheme.length());
            default -> throw new ConnectorException("unsupported scheme " + uri.getScheme() + " in server " + server
                    + ": use tcp, ssl, tls, mqtts, ws or wss");
        };
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static String emptyToNull(String v) {
        return v == null || v.isEmpty() ? null : v;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[serverUri=" + serverUri + ", version=" + version + ", clientId=" + clientId
                + ", username=" + username + ", password=" + (password == null ? "none" : "***")
                + ", persistentSession=" + persistentSession + ", sessionExpirySeconds=" + sessionExpirySeconds
                + ", tls=" + tls + "]";
    }
}
