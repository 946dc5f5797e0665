package org.apppasswords.totp;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP code generator: HOTP (RFC 4226, HMAC and dynamic truncation) over the number of
 * 30-second steps since the Unix epoch.
 *
 * <p>Stateless and thread-safe. The key passed in is secret; the codes it returns are secret
 * until used. Verification, with its window and replay rule, is {@link TotpVerifier}'s job.
 */
public final class Totp {
    /** The HMAC behind a code. Authenticator apps all support {@link #SHA1}, the one used here. */
    public enum Algorithm {
        SHA1("HmacSHA1"),
        SHA256("HmacSHA256"),
        SHA512("HmacSHA512");

        private final String macName;

        Algorithm(String macName) {
            this.macName = macName;
        }

        String macName() {
            return macName;
        }
    }

    /** Length of a time step (RFC 6238 X). */
    public static final Duration STEP = Duration.ofSeconds(30);

    private static final int MIN_DIGITS = 6;
    private static final int MAX_DIGITS = 8;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** floor(epochSeconds / 30): the RFC 6238 T for {@code instant}. */
    public static long timeStep(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.getSeconds());
    }

    /**
     * The {@code digits}-digit code (6 to 8, zero-padded) for {@code timeStep}, computed with
     * HMAC-{@code algorithm} keyed by {@code key} over the 8-byte big-endian step, then RFC 4226
     * dynamic truncation. Example (RFC 6238 Appendix B): SHA1, key ASCII
     * {@code 12345678901234567890}, step 1, 8 digits gives {@code 94287082}.
     */
    public static String code(byte[] key, long timeStep, int digits, Algorithm algorithm) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        if (key.length == 0) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("digits must be between " + MIN_DIGITS + " and " + MAX_DIGITS);
        }
        byte[] hmac = hmac(algorithm, key, counter(timeStep));
        int offset = hmac[hmac.length - 1] & 0x0F;
        int binary = ((hmac[offset] & 0x7F) << 24)
            | ((hmac[offset + 1] & 0xFF) << 16)
            | ((hmac[offset + 2] & 0xFF) << 8)
            | (hmac[offset + 3] & 0xFF);
        StringBuilder code = new StringBuilder(Integer.toString(binary % POWERS_OF_TEN[digits]));
        while (code.length() < digits) {
            code.insert(0, '0');
        }
        return code.toString();
    }

    private static byte[] counter(long timeStep) {
        byte[] counter = new byte[8];
        long value = timeStep;
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) value;
            value >>>= 8;
        }
        return counter;
    }

    private static byte[] hmac(Algorithm algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(key, algorithm.macName()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.macName() + " is not available", e);
        }
    }
}
