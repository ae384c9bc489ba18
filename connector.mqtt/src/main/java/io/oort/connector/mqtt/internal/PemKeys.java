package io.oort.connector.mqtt.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.oort.engine.core.api.ConnectorException;

/**
 * Reads PEM certificates and private keys the way Go's {@code tls.X509KeyPair} accepts them: PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) and SEC1 EC ({@code EC PRIVATE KEY}). The JDK only
 * reads PKCS#8, so the other two are wrapped into a PKCS#8 structure first.
 */
public final class PemKeys {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, DER-encoded. */
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    /** OID id-ecPublicKey (1.2.840.10045.2.1), DER-encoded. */
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");
    private static final String[] PKCS8_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA"};

    private PemKeys() {
    }

    /** All certificates in {@code pem}; {@code what} names the source in error messages. */
    public static List<X509Certificate> certificates(byte[] pem, String what) throws ConnectorException {
        try {
            List<X509Certificate> certs = new ArrayList<>();
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (var c : cf.generateCertificates(new ByteArrayInputStream(pem))) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new ConnectorException("no PEM certificate found in " + what);
            }
            return certs;
        } catch (GeneralSecurityException e) {
            throw new ConnectorException("cannot read the certificates in " + what + ": " + e.getMessage(), e);
        }
    }

    /** The first private key in {@code pem}. */
    public static PrivateKey privateKey(byte[] pem, String what) throws ConnectorException {
        Matcher m = BLOCK.matcher(new String(pem, StandardCharsets.US_ASCII));
        while (m.find()) {
            String type = m.group(1);
            String body = m.group(2);
            if (!type.endsWith("PRIVATE KEY")) {
                continue; // e.g. an "EC PARAMETERS" block before the key
            }
            if (type.startsWith("ENCRYPTED") || body.contains("ENCRYPTED")) {
                throw new ConnectorException("the private key in " + what + " is encrypted; give an unencrypted key");
            }
            byte[] der = Base64.getMimeDecoder().decode(body);
            return switch (type) {
                case "PRIVATE KEY" -> pkcs8(der, what);
                case "RSA PRIVATE KEY" -> pkcs8(seq(integerZero(), RSA_ALGORITHM, tlv(0x04, der)), what);
                case "EC PRIVATE KEY" -> pkcs8(seq(integerZero(), seq(EC_PUBLIC_KEY_OID, curveOf(der, what)),
                        tlv(0x04, der)), what);
                default -> throw new ConnectorException("unsupported private key type " + type + " in " + what);
            };
        }
        throw new ConnectorException("no PEM private key found in " + what);
    }

    /**
     * Whether {@code key} belongs to {@code cert} (Go's {@code tls.X509KeyPair} refuses a mismatch; a KeyStore does
     * not check): a signature made with the key must verify with the certificate's public key.
     */
    public static boolean matches(PrivateKey key, X509Certificate cert) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "EdDSA", "Ed25519", "Ed448" -> key.getAlgorithm();
            default -> null;
        };
        if (alg == null) {
            return true; // e.g. RSASSA-PSS: leave the check to the TLS handshake
        }
        try {
            byte[] challenge = "oort key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(alg);
            signer.initSign(key);
            signer.update(challenge);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance(alg);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(sig);
        } catch (GeneralSecurityException e) {
            return false; // e.g. an EC key with an RSA certificate
        }
    }

    private static PrivateKey pkcs8(byte[] der, String what) throws ConnectorException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String alg : PKCS8_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm: try the next one
            }
        }
        throw new ConnectorException("cannot read the private key in " + what + ": unknown or malformed key");
    }

    /** The named-curve OID in the {@code [0] parameters} of a SEC1 ECPrivateKey, as a complete DER element. */
    private static byte[] curveOf(byte[] sec1, String what) throws ConnectorException {
        try {
            int[] outer = header(sec1, 0);
            int pos = outer[0];
            int end = pos + outer[1];
            while (pos < end) {
                int tag = sec1[pos] & 0xff;
                int[] h = header(sec1, pos);
                if (tag == 0xa0) {
                    byte[] oid = new byte[h[1]];
                    System.arraycopy(sec1, h[0], oid, 0, h[1]);
                    return oid;
                }
                pos = h[0] + h[1];
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new ConnectorException("malformed EC private key in " + what, e);
        }
        throw new ConnectorException("the EC private key in " + what + " does not name its curve");
    }

    /** Parses the tag and length at {@code pos}: returns {content offset, content length}. */
    private static int[] header(byte[] der, int pos) {
        int len = der[pos + 1] & 0xff;
        int off = pos + 2;
        if (len > 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[off++] & 0xff);
            }
        }
        return new int[] {off, len};
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
