package io.oort.engine.core.internal.management;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/** Real RS256 tokens signed with a generated key, and the PEM public key files eKuiper reads from etc/mgmt/. */
public final class TestTokens {

    private final KeyPair keys;

    public TestTokens() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
    }

    /** Writes the public key as {@code -----BEGIN PUBLIC KEY-----} PEM. */
    public Path writePublicKey(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return Files.writeString(dir.resolve(name), "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n");
    }

    /** A token with these claims (JSON object text), signed with this key. */
    public String sign(String claimsJson) throws Exception {
        return sign("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claimsJson);
    }

    public String sign(String headerJson, String claimsJson) throws Exception {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String input = enc.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(keys.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + enc.encodeToString(s.sign());
    }

    /** Claims for issuer {@code iss} and audience eKuiper, valid for ten minutes from now. */
    public static String claims(String iss) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"" + iss + "\",\"aud\":[\"eKuiper\"],\"exp\":" + (now + 600) + "}";
    }
}
