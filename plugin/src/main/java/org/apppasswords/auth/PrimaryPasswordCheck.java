package org.apppasswords.auth;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;

/**
 * How the primary password is checked once the login rules chose that path. James's own
 * repositories answer at once for a name they do not know, where a known name costs a password
 * hash: left alone, timing would tell which names exist (login rule 5).
 */
@FunctionalInterface
public interface PrimaryPasswordCheck {
    /** @return whether {@code primary} is the primary password of {@code user}; false for an unknown user */
    boolean test(UsersRepository users, Username user, String primary) throws UsersRepositoryException;

    /**
     * Asks James and nothing more: for repositories whose cost cannot be imitated here (an LDAP
     * repository binds to the directory), and for tests.
     */
    static PrimaryPasswordCheck delegating() {
        return (users, user, primary) -> users.test(user, primary);
    }

    /**
     * For a name James does not know, verifies the input against {@code decoy}, a user no one can
     * log in as whose password is hashed like James's users' (see {@link DecoyUser}), so that an
     * unknown name costs what a wrong password costs.
     */
    static PrimaryPasswordCheck withDecoy(User decoy) {
        return (users, user, primary) -> {
            if (users.contains(user)) {
                return users.test(user, primary);
            }
            decoy.verifyPassword(primary);
            return false;
        };
    }
}
