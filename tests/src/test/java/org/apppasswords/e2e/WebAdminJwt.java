package org.apppasswords.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/**
 * JWT authentication for James WebAdmin in tests: an RSA key pair generated for this JVM (never
 * committed, so no private key lives in the repository), the public half as the PEM James reads
 * from {@code jwt.publickeypem.url}, and RS256 tokens signed by hand (header.payload.signature,
 * RFC 7515), the way James's own tests hand admins a token with {@code "admin": true}.
 */
final class WebAdminJwt {
    static final String PUBLIC_KEY_FILE = "jwt_publickey";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keyPair;

    private WebAdminJwt(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    static WebAdminJwt generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new WebAdminJwt(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keyPair.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** What {@code webadmin.properties} needs, next to {@code conf/jwt_publickey}. */
    static String properties() {
        return "jwt.enabled=true\njwt.publickeypem.url=file://conf/" + PUBLIC_KEY_FILE + "\n";
    }

    /** A token James accepts for its admin routes. */
    String adminToken() {
        return sign("{\"sub\":\"" + JamesWithAppPasswords.ADMIN + "\",\"admin\":true}");
    }

    /** A validly signed token without the {@code admin} claim: James refuses it. */
    String nonAdminToken() {
        return sign("{\"sub\":\"someone@" + JamesWithAppPasswords.DOMAIN + "\"}");
    }

    /** An admin token signed by another key: James refuses it. */
    static String tokenSignedByAnotherKey() {
        return generate().adminToken();
    }

    private String sign(String claims) {
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keyPair.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
