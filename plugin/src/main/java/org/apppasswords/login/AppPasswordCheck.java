package org.apppasswords.login;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.hashing.SecretHasher;

/**
 * Login rule 2: input shaped like an app password is checked only as one. Accepted when it is an
 * app password of this user (one stored hash, found by the token's public id), limited to nothing or
 * to the protocol of the login, not idle for longer than {@code appPasswords.idleExpiry}, the user
 * still exists in James, and the user is not an administrator (who may act as anyone). Every failure
 * does the same work: one store read, one hash check (against a dummy when the id is unknown), one
 * existence and one administrator check; a refusal says nothing of which condition failed.
 * Never throttled: 130 random bits cannot be guessed, and an attack on the primary password must
 * not stop the user's mail clients.
 */
public final class AppPasswordCheck {
    private final AppPasswordStore store;
    private final SecretHasher hasher;
    private final IdleExpiry idleExpiry;
    private final UsersRepository users;

    /** {@code users}: the repository James configured, which knows who exists and who is an administrator. */
    public AppPasswordCheck(AppPasswordStore store, SecretHasher hasher, IdleExpiry idleExpiry, UsersRepository users) {
        this.store = store;
        this.hasher = hasher;
        this.idleExpiry = idleExpiry;
        this.users = users;
    }

    /** {@code protocol}: James's name for the protocol of the login, empty when it cannot be told. */
    Verdict check(Username user, AppPassword candidate, Optional<String> protocol) {
        Optional<StoredAppPassword> entry = store.find(user, candidate.id());
        boolean hashMatches = hasher.matches(candidate.reveal(), entry.map(StoredAppPassword::encodedHash).orElse(hasher.dummyHash()));
        boolean userExists = exists(user);
        boolean administrator = isAdministrator(user);
        boolean expired = entry.map(idleExpiry::isExpired).orElse(true);
        boolean inScope = entry.map(stored -> stored.protocols().allows(protocol)).orElse(false);
        if (entry.isEmpty() || !hashMatches || !inScope || !userExists || administrator || expired) {
            return Verdict.refused(Verdict.Method.APP_PASSWORD);
        }
        return Verdict.acceptedAppPassword(entry.get());
    }

    private boolean exists(Username user) {
        try {
            return users.contains(user);
        } catch (UsersRepositoryException e) {
            return false;
        }
    }

    private boolean isAdministrator(Username user) {
        try {
            return users.isAdministrator(user);
        } catch (UsersRepositoryException e) {
            // A name the repository rejects (wrong virtual hosting shape) cannot be proven a
            // non-administrator: refuse, as for any failure.
            return true;
        }
    }
}
