package org.apppasswords.device;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.hashing.RandomToken;

/**
 * What a one-time profile link needs once it is opened: whose it is, the app password it carries
 * (the plaintext, which a stored profile cannot do without) and until when it may be opened. A
 * store keeps it under the {@link RandomToken#digest() digest} of the link's token, never the
 * token; a persistent store keeps the password only encrypted. {@link #toString()} leaves out the
 * digest and the password.
 */
public final class PendingProfile {
    private final String tokenDigest;
    private final Username user;
    private final AppPassword password;
    private final Instant expiresAt;

    public PendingProfile(String tokenDigest, Username user, AppPassword password, Instant expiresAt) {
        this.tokenDigest = Objects.requireNonNull(tokenDigest, "tokenDigest");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Not secret: the hex SHA-256 of the link's token, what stores look up. */
    public String tokenDigest() {
        return tokenDigest;
    }

    public Username user() {
        return user;
    }

    /** The app password the profile carries: secret, read through its {@code reveal...} methods. */
    public AppPassword password() {
        return password;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether the link may no longer be opened at {@code now}: from {@link #expiresAt()} on. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PendingProfile[user=" + user.asString() + ", appPassword=" + password.id().asString() + ", expiresAt=" + expiresAt
            + ", password=[REDACTED]]";
    }
}
