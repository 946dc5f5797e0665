package org.apppasswords.device;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.hashing.RandomToken;

/**
 * One-time links to a configuration profile carrying a new app password: {@link #issue} keeps what
 * the profile needs for {@value #LIFETIME_MINUTES} minutes and returns the link's token, once;
 * {@link #redeem} hands it out at most once, on any node, and forgets it. A link whose app password
 * was revoked meanwhile redeems nothing: a revoked password is never handed out. Expired links are
 * removed when a link is issued and by {@link ExpiredLinkPurge}, never on opening one: the link's
 * route answers anybody, whose made-up tokens must cost the store no write.
 */
public final class ProfileLinks {
    static final int LIFETIME_MINUTES = 5;
    public static final Duration LIFETIME = Duration.ofMinutes(LIFETIME_MINUTES);

    private final ProfileLinkStore store;
    private final AppPasswordStore appPasswords;
    private final Clock clock;
    private final SecureRandom random;

    @Inject
    public ProfileLinks(ProfileLinkStore store, AppPasswordStore appPasswords, Clock clock, SecureRandom random) {
        this.store = store;
        this.appPasswords = appPasswords;
        this.clock = clock;
        this.random = random;
    }

    /** A link that is valid until {@link IssuedLink#expiresAt()} to a profile carrying {@code password} of {@code user}. */
    public IssuedLink issue(Username user, AppPassword password) {
        Instant now = clock.instant();
        store.removeExpired(now);
        RandomToken token = RandomToken.generate(random);
        Instant expiresAt = now.plus(LIFETIME);
        store.save(new PendingProfile(token.digest(), user, password, expiresAt));
        return new IssuedLink(token, expiresAt);
    }

    /**
     * The profile of the link whose token was {@code presented}, the first time it is opened within
     * its lifetime while its app password is still there; empty otherwise, whatever the reason
     * (malformed, unknown, used, expired, revoked).
     */
    public Optional<PendingProfile> redeem(String presented) {
        Instant now = clock.instant();
        return RandomToken.parse(presented)
            .flatMap(token -> store.take(token.digest(), now))
            .filter(profile -> appPasswords.find(profile.user(), profile.password().id()).isPresent());
    }

    /** A link just issued: its token, shown once, and when it stops working. {@link #toString()} hides the token. */
    public static final class IssuedLink {
        private final RandomToken token;
        private final Instant expiresAt;

        IssuedLink(RandomToken token, Instant expiresAt) {
            this.token = token;
            this.expiresAt = expiresAt;
        }

        public RandomToken token() {
            return token;
        }

        public Instant expiresAt() {
            return expiresAt;
        }

        @Override
        public String toString() {
            return "IssuedLink[token=[REDACTED], expiresAt=" + expiresAt + "]";
        }
    }
}
