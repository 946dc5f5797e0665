package org.apppasswords.hashing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A secret token that is its own credential (a self-service session's bearer token, a one-time
 * profile link): 256 bits from {@link SecureRandom}, written as 43 base64url symbols (no padding),
 * for example {@code 7Jc0uXQy2mG0ZtV3q8n1kYb6Wf4rLs9dEh2aPoTiU5w}. Only its {@link #digest()}, the
 * hex SHA-256 of the symbols, is ever stored: 256 random bits need no salt or slow hash, and a
 * lookup by digest compares nothing secret. {@link #toString()} says {@code [REDACTED]}.
 */
public final class RandomToken {
    private static final int BYTES = 32;
    private static final int LENGTH = 43;

    private final String value;

    private RandomToken(String value) {
        this.value = value;
    }

    public static RandomToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new RandomToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token when {@code presented} has a token's shape; empty otherwise (never an exception). */
    public static Optional<RandomToken> parse(String presented) {
        if (presented == null || presented.length() != LENGTH || !presented.chars().allMatch(RandomToken::isBase64Url)) {
            return Optional.empty();
        }
        return Optional.of(new RandomToken(presented));
    }

    /** Secret: the token, to give its holder once. */
    public String reveal() {
        return value;
    }

    /** Not secret: what stores keep and look up. */
    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            StringBuilder hex = new StringBuilder(hash.length * 2);
            for (byte b : hash) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    @Override
    public String toString() {
        return "[REDACTED]";
    }
}
