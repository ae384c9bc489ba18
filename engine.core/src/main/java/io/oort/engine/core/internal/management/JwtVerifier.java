package io.oort.engine.core.internal.management;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * eKuiper's REST authentication: the {@code Authorization} header carries a JWT signed with RS256; its {@code iss}
 * claim names a public key file in {@code etc/mgmt/} (matched case-insensitively), its {@code aud} claim must
 * contain {@code eKuiper}, and {@code exp}/{@code nbf} are honoured when present. Verified with the JDK alone.
 * Keys are PEM: {@code PUBLIC KEY} (X.509), {@code RSA PUBLIC KEY} (PKCS#1) or a {@code CERTIFICATE}.
 */
public final class JwtVerifier {

    /** A rejected token; the message is what the client is told (with HTTP 401). */
    public static final class AuthException extends Exception {
        private static final long serialVersionUID = 1L;

        public AuthException(String message) {
            super(message, null, false, false);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIENCE = "eKuiper";

    private record CachedKey(long modified, PublicKey key) {
    }

    private final Path keyDir;
    private final LongSupplier clockMillis;
    private final Map<Path, CachedKey> cache = new ConcurrentHashMap<>();

    public JwtVerifier(Path keyDir, LongSupplier clockMillis) {
        this.keyDir = keyDir;
        this.clockMillis = clockMillis;
    }

    /** Checks the {@code Authorization} header value (a bare token, or {@code Bearer <token>}). */
    public void verify(String header) throws AuthException {
        if (header == null || header.isBlank()) {
            throw new AuthException("missing_token");
        }
        String token = header.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new AuthException("validate token error: token is malformed: token contains an invalid number of "
                    + "segments");
        }
        JsonNode head = decode(parts[0], "header");
        JsonNode claims = decode(parts[1], "claims");
        if (!"RS256".equals(head.path("alg").asText())) {
            throw new AuthException("validate token error: token is unverifiable: signing method "
                    + head.path("alg").asText() + " is invalid");
        }
        String issuer = claims.path("iss").asText("");
        if (issuer.isEmpty()) {
            throw new AuthException("validate token error: token is unverifiable: issuer field not exist in jwt "
                    + "payload");
        }
        PublicKey key = key(issuer);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new AuthException("validate token error: token signature is invalid: illegal base64 data");
        }
        try {
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(key);
            v.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!v.verify(signature)) {
                throw new AuthException("validate token error: token signature is invalid: crypto/rsa: "
                        + "verification error");
            }
        } catch (GeneralSecurityException e) {
            throw new AuthException("validate token error: token signature is invalid: " + e.getMessage());
        }
        long now = clockMillis.getAsLong() / 1000;
        if (claims.has("exp") && (!claims.get("exp").isNumber() || now >= claims.get("exp").asLong())) {
            throw new AuthException("validate token error: token has invalid claims: token is expired");
        }
        if (claims.has("nbf") && (!claims.get("nbf").isNumber() || now < claims.get("nbf").asLong())) {
            throw new AuthException("validate token error: token has invalid claims: token is not valid yet");
        }
        List<String> aud = new ArrayList<>();
        JsonNode a = claims.path("aud");
        if (a.isTextual()) {
            aud.add(a.asText());
        } else if (a.isArray()) {
            a.forEach(x -> aud.add(x.asText()));
        }
        if (!aud.contains(AUDIENCE)) {
            throw new AuthException("audience field should contain eKuiper, but got " + aud);
        }
    }

    private static JsonNode decode(String part, String what) throws AuthException {
        try {
            JsonNode n = JSON.readTree(Base64.getUrlDecoder().decode(part));
            if (n == null || !n.isObject()) {
                throw new AuthException("validate token error: token is malformed: " + what + " is not an object");
            }
            return n;
        } catch (IllegalArgumentException | IOException e) {
            throw new AuthException("validate token error: token is malformed: could not decode the " + what);
        }
    }

    /** The public key file named by the issuer; only files in the key directory qualify (no paths). */
    private PublicKey key(String issuer) throws AuthException {
        Path file = null;
        if (keyDir != null && Files.isDirectory(keyDir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(keyDir)) {
                for (Path p : ds) {
                    if (p.getFileName().toString().equalsIgnoreCase(issuer) && Files.isRegularFile(p)) {
                        file = p;
                        break;
                    }
                }
            } catch (IOException e) {
                throw new AuthException("validate token error: cannot read the key directory");
            }
        }
        if (file == null) {
            throw new AuthException("validate token error: token is unverifiable: error while executing keyfunc: "
                    + "not found target key file " + issuer + " in /etc/mgmt");
        }
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            CachedKey c = cache.get(file);
            if (c != null && c.modified == modified) {
                return c.key;
            }
            PublicKey k = parsePem(Files.readString(file, StandardCharsets.US_ASCII));
            cache.put(file, new CachedKey(modified, k));
            return k;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new AuthException("validate token error: token is unverifiable: error while executing keyfunc: "
                    + "invalid key " + issuer + ": " + e.getMessage());
        }
    }

    /** Reads an RSA public key from PEM text. */
    static PublicKey parsePem(String pem) throws GeneralSecurityException {
        String type = null;
        StringBuilder b64 = new StringBuilder();
        for (String line : pem.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("-----BEGIN ")) {
                type = l.substring(11, l.length() - 5);
            } else if (l.startsWith("-----END ")) {
                break;
            } else if (type != null && !l.contains(":")) {
                b64.append(l);
            }
        }
        if (type == null) {
            throw new GeneralSecurityException("not a PEM file");
        }
        byte[] der = Base64.getMimeDecoder().decode(b64.toString());
        PublicKey key = switch (type) {
            case "PUBLIC KEY" -> KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            case "RSA PUBLIC KEY" -> KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(wrapPkcs1(der)));
            case "CERTIFICATE" -> CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
            default -> throw new GeneralSecurityException("unsupported PEM block " + type);
        };
        if (!(key instanceof RSAPublicKey)) {
            throw new GeneralSecurityException("not an RSA key");
        }
        return key;
    }

    /** Wraps a PKCS#1 RSAPublicKey into an X.509 SubjectPublicKeyInfo. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
                0x01, 0x01, 0x05, 0x00};
        byte[] bitString = concat(new byte[] {0x03}, length(pkcs1.length + 1), new byte[] {0x00}, pkcs1);
        byte[] body = concat(algorithm, bitString);
        return concat(new byte[] {0x30}, length(body.length), body);
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x100) {
            return new byte[] {(byte) 0x81, (byte) n};
        }
        if (n < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        }
        return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }

    private static byte[] concat(byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        byte[] out = new byte[len];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
