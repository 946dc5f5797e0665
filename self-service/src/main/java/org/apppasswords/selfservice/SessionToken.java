package org.apppasswords.selfservice;

import java.security.SecureRandom;
import java.util.Optional;

import org.apppasswords.hashing.RandomToken;

/**
 * A self-service bearer token ({@link RandomToken}: 256 random bits, only its digest stored), read
 * from an {@code Authorization: Bearer} header. {@link #toString()} says {@code [REDACTED]}.
 */
final class SessionToken {
    private static final String BEARER = "Bearer ";

    private final RandomToken token;

    private SessionToken(RandomToken token) {
        this.token = token;
    }

    static SessionToken generate(SecureRandom random) {
        return new SessionToken(RandomToken.generate(random));
    }

    /** The token of an {@code Authorization: Bearer} header when it has the right shape; empty otherwise. */
    static Optional<SessionToken> fromAuthorizationHeader(String header) {
        if (header == null || header.length() < BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return RandomToken.parse(header.substring(BEARER.length()).trim()).map(SessionToken::new);
    }

    /** Secret: the token to give the user once. */
    String reveal() {
        return token.reveal();
    }

    /** Not secret: what stores keep and look up. */
    String digest() {
        return token.digest();
    }

    @Override
    public String toString() {
        return "[REDACTED]";
    }
}
