package org.apppasswords.repository;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.lifecycle.UserSecrets;
import org.apppasswords.login.Entrance;
import org.apppasswords.login.LoginPipeline;
import org.apppasswords.scope.MailProtocol;

/**
 * The {@link UsersRepository} every James protocol sees once the launcher is used: every login goes
 * through the {@link LoginPipeline}, with the client's address and protocol that James put in the
 * calling thread's logging context. The rest of the life cycle keeps our secrets in step with
 * James's users ({@link UserSecrets}): a user removed through James loses them, and a primary
 * password changed through James ends what {@code onPrimaryPasswordChange} says. A read-only
 * repository (James's LDAP one) refuses every change: it is asked first, so that a refused change
 * ends nothing (an admin's {@code DELETE /users/{u}} must not strip an LDAP user's second factor).
 */
public final class AppPasswordsUsersRepository extends ForwardingUsersRepository {
    private final LoginPipeline logins;
    private final UserSecrets userSecrets;

    public AppPasswordsUsersRepository(UsersRepository delegate, LoginPipeline logins, UserSecrets userSecrets) {
        super(delegate);
        this.logins = logins;
        this.userSecrets = userSecrets;
    }

    @Override
    public boolean test(Username name, String password) {
        return logins.check(Entrance.PROTOCOL, name, password, LoginOrigin.current()).accepted();
    }

    /**
     * James's user wrapped so that {@code verifyPassword} takes the login rules. Over ManageSieve, a
     * name James does not know is wrapped too: ManageSieve refuses a null user itself, at once and
     * before any check, which would tell which names exist (James's {@code verifyFailureDelay} makes
     * that a second against a few milliseconds) and leave the attempt unaudited and uncounted.
     * Elsewhere null stays null: WebAdmin's upsert creates the user when it is.
     */
    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        User user = delegate.getUserByName(name);
        if (user == null && overManageSieve()) {
            return new PolicyUser(PolicyUser.unknown(name), this);
        }
        return user == null ? null : new PolicyUser(user, this);
    }

    private static boolean overManageSieve() {
        return LoginOrigin.current().protocol().flatMap(MailProtocol::fromJamesName).equals(Optional.of(MailProtocol.MANAGESIEVE));
    }

    @Override
    public void updateUser(User user) throws UsersRepositoryException {
        if (delegate.isReadOnly()) {
            delegate.updateUser(PolicyUser.unwrap(user));
            userSecrets.primaryPasswordChanged(user.getUserName());
            return;
        }
        // In James 3.8.1 a User carries nothing but its password: an update is a password change.
        // Ended first, and only then is the new password applied: when the store is unreachable
        // the change fails rather than keeping what it should end. Ended again once applied, for
        // what was authorised with the old password meanwhile.
        int revoked = userSecrets.primaryPasswordChanged(user.getUserName());
        delegate.updateUser(PolicyUser.commitNewPassword(user));
        userSecrets.primaryPasswordApplied(user.getUserName(), revoked);
    }

    @Override
    public void removeUser(Username name) throws UsersRepositoryException {
        if (delegate.isReadOnly()) {
            delegate.removeUser(name);
            userSecrets.forget(name);
            return;
        }
        // Forgotten first, as for a password change: when the store is unreachable the removal
        // fails rather than leaving secrets for a later user of the same name. Forgotten again once
        // James no longer knows the user, for what was authorised with the password meanwhile.
        userSecrets.forget(name);
        delegate.removeUser(name);
        userSecrets.forget(name);
    }
}
