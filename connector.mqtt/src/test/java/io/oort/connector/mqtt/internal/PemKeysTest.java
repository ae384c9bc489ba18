package io.oort.connector.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oort.connector.mqtt.Certs;
import io.oort.connector.mqtt.MqttSinkProvider;
import io.oort.connector.mqtt.TestConfig;
import io.oort.engine.core.api.ConnectorException;

/** Key formats as openssl writes them; every format must load to the same key the PKCS#8 form gives. */
class PemKeysTest {
    @TempDir
    static Path dir;
    static Certs certs;

    @BeforeAll
    static void pki() throws IOException {
        certs = new Certs(dir);
    }

    private static PrivateKey key(Path p) throws Exception {
        return PemKeys.privateKey(Files.readAllBytes(p), p.toString());
    }

    @Test
    void pkcs1AndPkcs8RsaKeysAreTheSameKey() throws Exception {
        PrivateKey pkcs8 = key(certs.clientKeyPkcs8);
        PrivateKey pkcs1 = key(certs.clientKeyPkcs1);
        assertTrue(pkcs1 instanceof RSAPrivateCrtKey);
        assertArrayEquals(pkcs8.getEncoded(), pkcs1.getEncoded());
    }

    @Test
    void sec1EcKeyAfterAnEcParametersBlock() throws Exception {
        assertTrue(Certs.pem(certs.ecClientKey).contains("BEGIN EC PARAMETERS"));
        PrivateKey ec = key(certs.ecClientKey);
        assertTrue(ec instanceof ECPrivateKey);
        Path pkcs8 = dir.resolve("ec-pkcs8.key");
        Certs.openssl("pkcs8", "-topk8", "-nocrypt", "-in", certs.ecClientKey, "-out", pkcs8);
        assertEquals(((ECPrivateKey) key(pkcs8)).getS(), ((ECPrivateKey) ec).getS());
    }

    @Test
    void ed25519Pkcs8() throws Exception {
        Path p = dir.resolve("ed.key");
        Certs.openssl("genpkey", "-algorithm", "ed25519", "-out", p);
        assertEquals("EdDSA", key(p).getAlgorithm());
    }

    @Test
    void encryptedAndMissingKeysAreExplained() throws Exception {
        Path enc = dir.resolve("enc.key");
        Certs.openssl("pkcs8", "-topk8", "-in", certs.clientKeyPkcs8, "-out", enc, "-passout", "pass:secret");
        assertTrue(assertThrows(ConnectorException.class, () -> key(enc)).getMessage().contains("encrypted"));
        assertTrue(assertThrows(ConnectorException.class,
                () -> PemKeys.privateKey("nothing".getBytes(StandardCharsets.US_ASCII), "x")).getMessage()
                .contains("no PEM private key"));
        assertTrue(assertThrows(ConnectorException.class, () -> PemKeys.certificates(new byte[0], "y")).getMessage()
                .contains("y"));
    }

    @Test
    void certificateAndKeyMustMatch() throws Exception {
        TlsSettings mismatch = new TlsSettings(certs.clientCert.toString(), certs.ecClientKey.toString(), null,
                null, null, null, false, null);
        assertTrue(assertThrows(ConnectorException.class, mismatch::socketFactory).getMessage()
                .contains("does not match"));
        TlsSettings half = new TlsSettings(certs.clientCert.toString(), null, null, null, null, null, false, null);
        assertTrue(assertThrows(ConnectorException.class, half::socketFactory).getMessage()
                .contains("needs both"));
    }

    @Test
    void tlsMinVersionLimitsTheEnabledProtocols() throws Exception {
        assertEquals("[TLSv1.3]", protocols("tls1.3"));
        assertEquals("[TLSv1.3, TLSv1.2]", protocols("tls1.2"));
        assertEquals("[TLSv1.3, TLSv1.2]", protocols(null), "tls1.2 is the default, as in eKuiper");
        assertTrue(protocols("tls1.0").contains("TLSv1.2"), "at most what the JDK enables");
    }

    private static String protocols(String min) throws Exception {
        Map<String, Object> p = new HashMap<>(Map.of("topic", "t", "server", "ssl://h"));
        if (min != null) {
            p.put("tlsMinVersion", min);
        }
        TlsSettings tls = TlsSettings.from(TestConfig.of(new MqttSinkProvider(null).descriptor(), null, p));
        try (SSLSocket s = (SSLSocket) tls.socketFactory().createSocket()) {
            return Arrays.toString(s.getEnabledProtocols());
        }
    }
}
