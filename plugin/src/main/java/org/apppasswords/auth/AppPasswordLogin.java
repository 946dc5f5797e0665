package org.apppasswords.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.store.AppPasswordStore;
import org.apppasswords.store.StoredAppPassword;

/**
 * Login rule 2: input shaped like an app password is checked only as one. Accepted when it is an
 * active app password of this user (one stored hash, found by the token's public id), not idle
 * for longer than {@code appPasswords.idleExpiry} ({@link IdleExpiry}), the user
 * still exists, and the user is not an administrator (who may act as anyone). Every failure does
 * the same work: one store read, one hash check (against a dummy when the id is unknown), one
 * existence check and one administrator check. The store is read once; the last use is written
 * later, off the login path ({@link LastUseWriter}), with the protocol James names in the
 * calling thread's logging context ({@link LoginOrigin#protocol()}) when it names one.
 */
final class AppPasswordLogin {
    /** Last use is written at most this often per app password, so a JMAP client polling does not write on every request. */
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private final AppPasswordStore store;
    private final SecretHasher hasher;
    private final Clock clock;
    private final LastUseWriter lastUses;
    private final IdleExpiry idleExpiry;

    AppPasswordLogin(AppPasswordStore store, SecretHasher hasher, Clock clock, LastUseWriter lastUses, IdleExpiry idleExpiry) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.lastUses = lastUses;
        this.idleExpiry = idleExpiry;
    }

    /** {@code origin}: where the login comes from, read once by the caller; its protocol is kept with the last use. */
    boolean test(UsersRepository users, Username user, AppPassword candidate, LoginOrigin origin) throws UsersRepositoryException {
        Optional<StoredAppPassword> entry = store.find(user, candidate.id());
        boolean hashMatches = hasher.matches(candidate.reveal(), entry.map(StoredAppPassword::encodedHash).orElse(hasher.dummyHash()));
        boolean userExists = users.contains(user);
        boolean administrator = isAdministrator(users, user);
        boolean expired = entry.map(idleExpiry::isExpired).orElse(true);
        if (entry.isEmpty() || !hashMatches || !userExists || administrator || expired) {
            return false;
        }
        recordUse(user, entry.get(), origin);
        return true;
    }

    private boolean isAdministrator(UsersRepository users, Username user) {
        try {
            return users.isAdministrator(user);
        } catch (UsersRepositoryException e) {
            // A name the repository rejects (wrong virtual hosting shape) cannot be proven a
            // non-administrator: refuse, as for any failure.
            return true;
        }
    }

    private void recordUse(Username user, StoredAppPassword entry, LoginOrigin origin) {
        Instant now = clock.instant();
        boolean stale = entry.lastUsedAt()
            .map(lastUse -> lastUse.plus(LAST_USE_RESOLUTION).isBefore(now))
            .orElse(true);
        if (stale) {
            lastUses.record(user, entry.id(), now, origin.protocol().flatMap(StoredAppPassword::protocolName));
        }
    }
}
