package org.apppasswords.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

import org.apache.james.core.Username;

/**
 * A signed-in self-service session as a store keeps it. The bearer token itself is never stored:
 * only {@link #tokenDigest()}, a digest that identifies the session (for example the hex SHA-256
 * of the token, which carries at least 128 random bits, so no salt or slow hash is needed).
 * {@code secondFactorVerified} says whether the sign-in proved a TOTP or recovery code.
 * {@code generation} is the user's generation ({@link org.apppasswords.store.UserGenerations}) read
 * before the sign-in's checks, or, for a session a store found, when it found it: what this session
 * authorises is committed only while it is still current. {@link #toString()} leaves the digest out.
 */
public final class SelfServiceSession {
    private final String tokenDigest;
    private final Username user;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final boolean secondFactorVerified;
    private final long generation;

    public SelfServiceSession(String tokenDigest, Username user, Instant createdAt, Instant expiresAt, boolean secondFactorVerified,
                              long generation) {
        this.tokenDigest = Objects.requireNonNull(tokenDigest, "tokenDigest");
        this.user = Objects.requireNonNull(user, "user");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.secondFactorVerified = secondFactorVerified;
        this.generation = generation;
    }

    public String tokenDigest() {
        return tokenDigest;
    }

    public Username user() {
        return user;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean secondFactorVerified() {
        return secondFactorVerified;
    }

    public long generation() {
        return generation;
    }

    /** This session as found again, with the user's generation now. */
    public SelfServiceSession withGeneration(long current) {
        return new SelfServiceSession(tokenDigest, user, createdAt, expiresAt, secondFactorVerified, current);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SelfServiceSession)) {
            return false;
        }
        SelfServiceSession that = (SelfServiceSession) o;
        boolean sameDigest = MessageDigest.isEqual(tokenDigest.getBytes(StandardCharsets.US_ASCII),
            that.tokenDigest.getBytes(StandardCharsets.US_ASCII));
        return sameDigest && user.equals(that.user) && createdAt.equals(that.createdAt)
            && expiresAt.equals(that.expiresAt) && secondFactorVerified == that.secondFactorVerified;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokenDigest, user, createdAt, expiresAt, secondFactorVerified);
    }

    @Override
    public String toString() {
        return "SelfServiceSession[user=" + user.asString() + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt
            + ", secondFactorVerified=" + secondFactorVerified + "]";
    }
}
