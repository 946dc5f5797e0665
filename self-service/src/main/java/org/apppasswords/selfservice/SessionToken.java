package org.apppasswords.selfservice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A self-service bearer token: 256 bits from {@link SecureRandom}, sent as 43 base64url symbols
 * (no padding). Only its {@link #digest()}, the hex SHA-256 of those symbols, is ever stored: the
 * token carries far more than 128 random bits, so no salt or slow hash is needed, and a lookup by
 * digest compares nothing secret. {@link #toString()} says {@code [REDACTED]}.
 */
final class SessionToken {
    private static final int BYTES = 32;
    private static final int LENGTH = 43;

    private final String value;

    private SessionToken(String value) {
        this.value = value;
    }

    static SessionToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token of an {@code Authorization: Bearer} header when it has the right shape; empty otherwise. */
    static Optional<SessionToken> fromAuthorizationHeader(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        if (token.length() != LENGTH || !token.chars().allMatch(SessionToken::isBase64Url)) {
            return Optional.empty();
        }
        return Optional.of(new SessionToken(token));
    }

    /** Secret: the token to give the user once. */
    String reveal() {
        return value;
    }

    /** Not secret: what stores keep and look up. */
    String digest() {
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
