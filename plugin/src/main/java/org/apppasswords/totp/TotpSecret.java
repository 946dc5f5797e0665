package org.apppasswords.totp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A TOTP shared secret: exactly 20 bytes (160 bits, the length RFC 4226 recommends), exchanged
 * with authenticator apps in RFC 4648 base32 ({@code A-Z2-7}, uppercase, no padding; not the
 * app-password alphabet), for example {@code GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ}.
 *
 * <p>Secret, and unlike app passwords it cannot be hashed (the server needs it to compute codes):
 * stores encrypt it at rest. It is read only through {@link #revealBase32()} and
 * {@link #revealBytes()}; {@link #toString()} says {@code [REDACTED]}; there is no {@code equals}.
 */
public final class TotpSecret {
    /** Length of the secret in bytes. */
    public static final int BYTES = 20;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int BASE32_LENGTH = BYTES * 8 / 5;

    private final byte[] key;

    private TotpSecret(byte[] key) {
        this.key = key;
    }

    /** A new secret of 160 bits from {@code random}. */
    public static TotpSecret generate(SecureRandom random) {
        byte[] key = new byte[BYTES];
        Objects.requireNonNull(random, "random").nextBytes(key);
        return new TotpSecret(key);
    }

    /**
     * Parses RFC 4648 base32, upper or lower case, trailing {@code =} padding optional, that
     * decodes to exactly 20 bytes (32 symbols). Throws {@link IllegalArgumentException} otherwise,
     * with a message that never contains the input.
     */
    public static TotpSecret fromBase32(String base32) {
        if (base32 == null) {
            throw new IllegalArgumentException("TOTP secret must not be null");
        }
        int end = base32.length();
        while (end > 0 && base32.charAt(end - 1) == '=') {
            end--;
        }
        if (end != BASE32_LENGTH) {
            throw new IllegalArgumentException("TOTP secret must be " + BASE32_LENGTH + " base32 symbols (" + BYTES + " bytes)");
        }
        byte[] key = new byte[BYTES];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < end; i++) {
            int value = valueOf(base32.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("TOTP secret contains a character outside RFC 4648 base32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                key[index++] = (byte) (buffer >>> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        return new TotpSecret(key);
    }

    /** Secret: RFC 4648 base32, uppercase, no padding, as authenticator apps expect. */
    public String revealBase32() {
        StringBuilder builder = new StringBuilder(BASE32_LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte b : key) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                builder.append(BASE32.charAt((buffer >>> bits) & 31));
            }
            buffer &= (1 << bits) - 1;
        }
        // 160 bits is a multiple of 5: nothing is left over.
        return builder.toString();
    }

    /** Secret: a copy of the 20 key bytes, for HMAC; callers may wipe it. */
    public byte[] revealBytes() {
        return Arrays.copyOf(key, key.length);
    }

    /**
     * A keyed fingerprint of {@code value}: HMAC-SHA-256 under this secret, cut to 128 bits, 22
     * URL-safe base64 characters. Lets a store recognise a code seen before without holding
     * anything that can be tested offline without the secret (itself encrypted at rest).
     */
    public String fingerprint(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "[REDACTED]";
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}
