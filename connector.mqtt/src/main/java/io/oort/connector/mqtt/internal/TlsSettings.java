package io.oort.connector.mqtt.internal;

import static io.oort.connector.mqtt.internal.MqttOptions.CERTIFICATION_PATH;
import static io.oort.connector.mqtt.internal.MqttOptions.CERTIFICATION_RAW;
import static io.oort.connector.mqtt.internal.MqttOptions.INSECURE_SKIP_VERIFY;
import static io.oort.connector.mqtt.internal.MqttOptions.PRIVATE_KEY_PATH;
import static io.oort.connector.mqtt.internal.MqttOptions.PRIVATE_KEY_RAW;
import static io.oort.connector.mqtt.internal.MqttOptions.ROOT_CA_PATH;
import static io.oort.connector.mqtt.internal.MqttOptions.ROOT_CA_RAW;
import static io.oort.connector.mqtt.internal.MqttOptions.TLS_MIN_VERSION;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorException;

/**
 * The TLS properties of a connection (eKuiper's {@code TlsConfigurationOptions}). A {@code *Path} wins over the
 * matching {@code *Raw} value, as in eKuiper.
 */
public record TlsSettings(String certPath, String keyPath, String caPath, String certRaw, String keyRaw, String caRaw,
        boolean insecureSkipVerify, String minVersion) {

    private static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    public static TlsSettings from(ConnectorConfig config) {
        return new TlsSettings(text(config, CERTIFICATION_PATH), text(config, PRIVATE_KEY_PATH),
                text(config, ROOT_CA_PATH), text(config, CERTIFICATION_RAW), text(config, PRIVATE_KEY_RAW),
                text(config, ROOT_CA_RAW), config.getBoolean(INSECURE_SKIP_VERIFY), text(config, TLS_MIN_VERSION));
    }

    /** Whether any TLS property was given (eKuiper then builds a TLS configuration). */
    public boolean configured() {
        return insecureSkipVerify || certPath != null || keyPath != null || caPath != null || certRaw != null
                || keyRaw != null || caRaw != null;
    }

    /** Builds the socket factory; every file is read and every key parsed here, so bad material fails early. */
    public SSLSocketFactory socketFactory() throws ConnectorException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(), trustManagers(), null);
            return new ProtocolLimitingSocketFactory(ctx.getSocketFactory(), enabledProtocols(ctx));
        } catch (GeneralSecurityException e) {
            throw new ConnectorException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private KeyManager[] keyManagers() throws ConnectorException, GeneralSecurityException {
        byte[] cert = material(certPath, CERTIFICATION_PATH, certRaw, CERTIFICATION_RAW);
        byte[] key = material(keyPath, PRIVATE_KEY_PATH, keyRaw, PRIVATE_KEY_RAW);
        if (cert == null && key == null) {
            return null;
        }
        if (cert == null || key == null) {
            throw new ConnectorException("a client certificate needs both " + CERTIFICATION_PATH + " (or "
                    + CERTIFICATION_RAW + ") and " + PRIVATE_KEY_PATH + " (or " + PRIVATE_KEY_RAW + ")");
        }
        List<X509Certificate> chain = PemKeys.certificates(cert, source(certPath, CERTIFICATION_PATH,
                CERTIFICATION_RAW));
        PrivateKey privateKey = PemKeys.privateKey(key, source(keyPath, PRIVATE_KEY_PATH, PRIVATE_KEY_RAW));
        if (!PemKeys.matches(privateKey, chain.get(0))) {
            throw new ConnectorException("the client certificate does not match its private key");
        }
        char[] password = new char[0];
        KeyStore ks = emptyStore();
        ks.setKeyEntry("client", privateKey, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return kmf.getKeyManagers();
    }

    private TrustManager[] trustManagers() throws ConnectorException, GeneralSecurityException {
        if (insecureSkipVerify) {
            return new TrustManager[] {new TrustAllManager()};
        }
        byte[] ca = material(caPath, ROOT_CA_PATH, caRaw, ROOT_CA_RAW);
        if (ca == null) {
            return null; // the JDK's default trust store
        }
        KeyStore ks = emptyStore();
        int i = 0;
        for (X509Certificate c : PemKeys.certificates(ca, source(caPath, ROOT_CA_PATH, ROOT_CA_RAW))) {
            ks.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    /** The protocols from {@code minVersion} up that this JDK enables by default. */
    private String[] enabledProtocols(SSLContext ctx) throws ConnectorException {
        int min = VERSIONS.indexOf(switch (minVersion == null ? "tls1.2" : minVersion.toLowerCase(Locale.ROOT)) {
            case "tls1.0" -> "TLSv1";
            case "tls1.1" -> "TLSv1.1";
            case "", "tls1.2" -> "TLSv1.2";
            case "tls1.3" -> "TLSv1.3";
            default -> throw new ConnectorException("unsupported " + TLS_MIN_VERSION + " " + minVersion
                    + ": use tls1.0, tls1.1, tls1.2 or tls1.3");
        });
        List<String> enabled = new ArrayList<>();
        for (String p : ctx.getDefaultSSLParameters().getProtocols()) {
            if (VERSIONS.indexOf(p) >= min) {
                enabled.add(p);
            }
        }
        if (enabled.isEmpty()) {
            throw new ConnectorException("this Java runtime enables no TLS version at or above " + minVersion
                    + " (enabled: " + Arrays.toString(ctx.getDefaultSSLParameters().getProtocols()) + ")");
        }
        return enabled.toArray(new String[0]);
    }

    private static byte[] material(String path, String pathName, String raw, String rawName)
            throws ConnectorException {
        if (path != null) {
            try {
                return Files.readAllBytes(Path.of(path));
            } catch (IOException | RuntimeException e) {
                throw new ConnectorException("cannot read " + pathName + " " + path + ": " + e, e);
            }
        }
        if (raw != null) {
            try {
                return Base64.getDecoder().decode(raw.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new ConnectorException(rawName + " is not valid base64: " + e.getMessage(), e);
            }
        }
        return null;
    }

    private static String source(String path, String pathName, String rawName) {
        return path != null ? pathName + " " + path : rawName;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return ks;
    }

    private static String text(ConnectorConfig config, String name) {
        String v = config.getString(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public String toString() {
        return "TlsSettings[certPath=" + certPath + ", keyPath=" + keyPath + ", caPath=" + caPath + ", certRaw="
                + (certRaw != null) + ", keyRaw=" + (keyRaw != null) + ", caRaw=" + (caRaw != null)
                + ", insecureSkipVerify=" + insecureSkipVerify + ", minVersion=" + minVersion + "]";
    }
}
