package org.apppasswords.repository;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.lifecycle.UserSecrets;
import org.apppasswords.login.Entrance;
import org.apppasswords.login.LoginPipeline;

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

    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        User user = delegate.getUserByName(name);
        return user == null ? null : new PolicyUser(user, this);
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
