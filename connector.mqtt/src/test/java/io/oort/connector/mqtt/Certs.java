package io.oort.connector.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test PKI made with the openssl command line: a CA, a server certificate for 127.0.0.1/localhost, client
 * certificates with RSA (PKCS#8 and PKCS#1) and EC (SEC1) keys, and an unrelated self-signed server certificate.
 */
public final class Certs {
    public final Path dir;
    public final Path caCert;
    public final Path caKey;
    public final Path serverCert;
    public final Path serverKey;
    public final Path clientCert;
    /** PKCS#8 ("BEGIN PRIVATE KEY"). */
    public final Path clientKeyPkcs8;
    /** PKCS#1 ("BEGIN RSA PRIVATE KEY"). */
    public final Path clientKeyPkcs1;
    public final Path ecClientCert;
    /** SEC1 ("BEGIN EC PRIVATE KEY"), preceded by an "EC PARAMETERS" block. */
    public final Path ecClientKey;
    public final Path selfSignedCert;
    public final Path selfSignedKey;

    public Certs(Path dir) throws IOException {
        this.dir = dir;
        caCert = dir.resolve("ca.crt");
        caKey = dir.resolve("ca.key");
        serverCert = dir.resolve("server.crt");
        serverKey = dir.resolve("server.key");
        clientCert = dir.resolve("client.crt");
        clientKeyPkcs8 = dir.resolve("client.key");
        clientKeyPkcs1 = dir.resolve("client-pkcs1.key");
        ecClientCert = dir.resolve("client-ec.crt");
        ecClientKey = dir.resolve("client-ec.key");
        selfSignedCert = dir.resolve("other.crt");
        selfSignedKey = dir.resolve("other.key");

        Path san = dir.resolve("san.ext");
        Files.writeString(san, "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", caCert, "-days", "2",
                "-subj", "/CN=oort-test-ca");
        signed("server", serverKey, serverCert, san, "rsa:2048");
        signed("client", clientKeyPkcs8, clientCert, null, "rsa:2048");
        openssl("rsa", "-in", clientKeyPkcs8, "-traditional", "-out", clientKeyPkcs1);
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", ecClientKey);
        Path ecCsr = dir.resolve("client-ec.csr");
        openssl("req", "-new", "-key", ecClientKey, "-out", ecCsr, "-subj", "/CN=oort-ec-client");
        openssl("x509", "-req", "-in", ecCsr, "-CA", caCert, "-CAkey", caKey, "-CAcreateserial", "-out",
                ecClientCert, "-days", "2");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", selfSignedKey, "-out", selfSignedCert,
                "-days", "2", "-subj", "/CN=untrusted.example");
    }

    private void signed(String name, Path key, Path cert, Path ext, String keySpec) throws IOException {
        Path csr = dir.resolve(name + ".csr");
        openssl("req", "-newkey", keySpec, "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=" + name);
        List<Object> args = new ArrayList<>(List.of("x509", "-req", "-in", csr, "-CA", caCert, "-CAkey", caKey,
                "-CAcreateserial", "-out", cert, "-days", "2"));
        if (ext != null) {
            args.add("-extfile");
            args.add(ext);
        }
        openssl(args.toArray());
    }

    public static String base64(Path file) throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    public static String pem(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    /** Runs openssl; fails with its output when it fails. */
    public static void openssl(Object... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        for (Object a : args) {
            cmd.add(a.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("openssl failed: " + cmd + "\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
