package org.apppasswords.throttle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.james.core.Username;

/**
 * Tells a wrong value seen again (an old mail client retrying its stale password every few
 * minutes) from a new guess, without storing anything that helps guess it. A wrong primary
 * password is often a near miss of the right one, so a fast unsalted hash of it in the database
 * would be a gift to whoever reads the database: a dictionary run over it recovers the near miss
 * in seconds. This is an HMAC-SHA-256, cut to 128 bits, under a 256-bit key drawn from
 * {@link SecureRandom} when the node starts and held only in this object's memory: what is stored
 * cannot be tested offline at all. The price: a node restart, or another node, sees the same value
 * as new once, so a retrying client counts at most once per node and start.
 */
final class FailureFingerprint {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEPT_BYTES = 16;

    private final SecretKeySpec key;

    FailureFingerprint(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** The fingerprint of {@code presented} for {@code user}: 22 URL-safe base64 characters, no {@code ,}. */
    String of(Username user, String presented) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(user.asString().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(presented.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, KEPT_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}
