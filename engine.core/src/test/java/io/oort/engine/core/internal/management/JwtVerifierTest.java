package io.oort.engine.core.internal.management;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RS256 verification as eKuiper does it, with tokens signed by a generated key. */
class JwtVerifierTest {

    @TempDir
    Path mgmt;

    private TestTokens tokens;
    private JwtVerifier verifier;
    private final long now = System.currentTimeMillis();

    @BeforeEach
    void setUp() throws Exception {
        tokens = new TestTokens();
        tokens.writePublicKey(mgmt, "ekuiper-jwt.pub");
        verifier = new JwtVerifier(mgmt, () -> now);
    }

    private String reject(String header) {
        return assertThrows(JwtVerifier.AuthException.class, () -> verifier.verify(header)).getMessage();
    }

    @Test
    void acceptsAGoodToken() throws Exception {
        String t = tokens.sign(TestTokens.claims("ekuiper-jwt.pub"));
        assertDoesNotThrow(() -> verifier.verify(t));
        assertDoesNotThrow(() -> verifier.verify("Bearer " + t), "a Bearer prefix is tolerated");
        assertDoesNotThrow(() -> verifier.verify(tokens.sign(TestTokens.claims("EKUIPER-JWT.PUB"))),
                "the key file is matched case-insensitively");
        assertDoesNotThrow(() -> verifier.verify(tokens.sign("{\"iss\":\"ekuiper-jwt.pub\",\"aud\":\"eKuiper\"}")),
                "a single audience string and no expiry are fine");
    }

    @Test
    void rejectsWithEkuipersMessages() throws Exception {
        assertEquals("missing_token", reject(null));
        assertEquals("missing_token", reject(""));
        assertTrue(reject("abc").startsWith("validate token error: token is malformed"));
        long s = now / 1000;
        assertEquals("validate token error: token has invalid claims: token is expired", reject(tokens.sign(
                "{\"iss\":\"ekuiper-jwt.pub\",\"aud\":[\"eKuiper\"],\"exp\":" + (s - 1) + "}")));
        assertTrue(reject(tokens.sign("{\"iss\":\"ekuiper-jwt.pub\",\"aud\":[\"eKuiper\"],\"nbf\":" + (s + 60) + "}"))
                .contains("not valid yet"));
        assertEquals("audience field should contain eKuiper, but got [other]", reject(tokens.sign(
                "{\"iss\":\"ekuiper-jwt.pub\",\"aud\":[\"other\"]}")));
        assertTrue(reject(tokens.sign(TestTokens.claims("unknown.pub"))).contains("not found target key file unknown.pub"));
        assertTrue(reject(tokens.sign(TestTokens.claims("../ekuiper-jwt.pub"))).contains("not found target key file"),
                "issuers are file names in etc/mgmt, never paths");
        assertTrue(reject(tokens.sign("{\"aud\":[\"eKuiper\"]}")).contains("issuer field not exist"));
        String good = tokens.sign(TestTokens.claims("ekuiper-jwt.pub"));
        String tampered = good.substring(0, good.lastIndexOf('.')) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[256]);
        assertTrue(reject(tampered).contains("signature is invalid"));
        String otherClaims = good.substring(0, good.indexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(TestTokens.claims("x").getBytes())
                + good.substring(good.lastIndexOf('.'));
        assertTrue(reject(otherClaims).startsWith("validate token error"));
        assertTrue(reject(tokens.sign("{\"alg\":\"none\"}", TestTokens.claims("ekuiper-jwt.pub")))
                .contains("signing method none is invalid"));
        assertTrue(reject(tokens.sign("{\"alg\":\"HS256\"}", TestTokens.claims("ekuiper-jwt.pub")))
                .contains("signing method HS256 is invalid"));
        TestTokens stranger = new TestTokens();
        assertTrue(reject(stranger.sign(TestTokens.claims("ekuiper-jwt.pub"))).contains("signature is invalid"),
                "a token signed with another key fails");
    }

    @Test
    void readsPkcs1AndX509KeyFiles() throws Exception {
        Path x509 = tokens.writePublicKey(mgmt, "a.pub");
        RSAPublicKey k = (RSAPublicKey) JwtVerifier.parsePem(Files.readString(x509));
        byte[] pkcs1 = pkcs1(k);
        Files.writeString(mgmt.resolve("b.pub"), "-----BEGIN RSA PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pkcs1) + "\n-----END RSA PUBLIC KEY-----\n");
        assertDoesNotThrow(() -> verifier.verify(tokens.sign(TestTokens.claims("b.pub"))));
        Files.writeString(mgmt.resolve("c.pub"), "not a key");
        assertTrue(reject(tokens.sign(TestTokens.claims("c.pub"))).contains("invalid key c.pub"));
    }

    /** DER of RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }. */
    private static byte[] pkcs1(RSAPublicKey k) {
        byte[] n = integer(k.getModulus().toByteArray());
        byte[] e = integer(k.getPublicExponent().toByteArray());
        byte[] body = new byte[n.length + e.length];
        System.arraycopy(n, 0, body, 0, n.length);
        System.arraycopy(e, 0, body, n.length, e.length);
        return tlv(0x30, body);
    }

    private static byte[] integer(byte[] v) {
        return tlv(0x02, v);
    }

    private static byte[] tlv(int tag, byte[] v) {
        byte[] len = v.length < 0x80 ? new byte[] {(byte) v.length}
                : v.length < 0x100 ? new byte[] {(byte) 0x81, (byte) v.length}
                : new byte[] {(byte) 0x82, (byte) (v.length >> 8), (byte) v.length};
        byte[] out = new byte[1 + len.length + v.length];
        out[0] = (byte) tag;
        System.arraycopy(len, 0, out, 1, len.length);
        System.arraycopy(v, 0, out, 1 + len.length, v.length);
        return out;
    }
}
