package io.oort.restitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** basic.authentication with a key in etc/mgmt/ and real RS256 tokens; a small body limit. */
class AuthAndLimitsTest {

    private static OortProcess oort;
    private static KeyPair keys;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
        oort = OortProcess.install();
        Path mgmt = Files.createDirectories(oort.home.resolve("etc/mgmt"));
        Files.writeString(mgmt.resolve("itest.pub"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        oort.env.put("OORT__BASIC__AUTHENTICATION", "true");
        oort.env.put("OORT__BASIC__MAXBODYBYTES", "65536");
        oort.header("Authorization", token(keys, claims("eKuiper")));
        oort.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (oort != null) {
            oort.close();
        }
    }

    private static String token(KeyPair k, String claims) throws Exception {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String input = enc.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(k.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + enc.encodeToString(s.sign());
    }

    private static String claims(String aud) {
        return "{\"iss\":\"itest.pub\",\"aud\":[\"" + aud + "\"],\"exp\":" + (System.currentTimeMillis() / 1000 + 600)
                + "}";
    }

    @Test
    void tokensAreRequiredExceptOnRootAndPing() throws Exception {
        oort.header("Authorization", null);
        assertEquals(200, oort.get("/ping").status());
        assertEquals(200, oort.get("/").status());
        var missing = oort.get("/rules");
        assertEquals(401, missing.status());
        assertEquals("missing_token", missing.body().strip());
        oort.header("Authorization", token(keys, claims("someone")));
        assertTrue(oort.get("/rules").body().startsWith("audience field should contain eKuiper"));
        oort.header("Authorization", "not.a.token");
        assertEquals(401, oort.get("/streams").status());
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        oort.header("Authorization", token(g.generateKeyPair(), claims("eKuiper")));
        assertEquals(401, oort.get("/streams").status(), "signed by another key");
        oort.header("Authorization", token(keys, claims("eKuiper")));
        assertEquals(200, oort.get("/streams").status());
        assertEquals(200, oort.get("/metrics").status());
    }

    @Test
    void oversizeBodiesAre413() throws Exception {
        oort.header("Authorization", token(keys, claims("eKuiper")));
        var big = oort.post("/data/import", J.str(J.obj("content", "x".repeat(100_000))));
        assertEquals(413, big.status(), big.body());
        assertTrue(big.body().contains("exceeds the limit of 65536 bytes"), big.body());
        assertEquals(200, oort.get("/ping").status(), "the server is fine afterwards");
    }
}
