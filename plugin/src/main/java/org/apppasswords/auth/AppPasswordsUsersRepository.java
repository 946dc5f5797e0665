package org.apppasswords.auth;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordFormat;
import org.apppasswords.lifecycle.UserSecrets;
import org.apppasswords.store.StoreUnavailableException;

/**
 * The {@link UsersRepository} every James protocol sees once the launcher is used. Login rule 1:
 * the shape of the presented secret alone picks the path, app password or primary password; that
 * choice reads nothing secret. The rest of the life cycle keeps our secrets in step with James's
 * users: a user removed through James loses them and their self-service sessions, and a primary
 * password changed through James revokes the app passwords and self-service sessions unless
 * {@code onPrimaryPasswordChange=keep}. A read-only repository (James's LDAP one) refuses every
 * change: it is asked first, so that a refused change ends nothing (an admin's {@code DELETE
 * /users/{u}} must not strip an LDAP user's second factor). When the store cannot be reached every
 * login is refused (fail closed), never checked against the primary password alone.
 */
public final class AppPasswordsUsersRepository extends ForwardingUsersRepository {
    private final AppPasswordLogin appPasswordLogin;
    private final PrimaryPasswordLogin primaryPasswordLogin;
    private final UserSecrets userSecrets;
    private final StoreOutageLog outageLog;

    AppPasswordsUsersRepository(UsersRepository delegate, AppPasswordLogin appPasswordLogin, PrimaryPasswordLogin primaryPasswordLogin,
                                UserSecrets userSecrets, StoreOutageLog outageLog) {
        super(delegate);
        this.appPasswordLogin = appPasswordLogin;
        this.primaryPasswordLogin = primaryPasswordLogin;
        this.userSecrets = userSecrets;
        this.outageLog = outageLog;
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        if (password == null || password.isEmpty()) {
            return false;
        }
        Optional<AppPassword> appPassword = AppPasswordFormat.recognise(password);
        try {
            boolean accepted = appPassword.isPresent()
                ? appPasswordLogin.test(delegate, name, appPassword.get())
                : primaryPasswordLogin.test(delegate, name, password);
            outageLog.reached();
            return accepted;
        } catch (StoreUnavailableException e) {
            // Fail closed: without the store neither a revocation nor a second factor can be checked.
            outageLog.refused(e);
            return false;
        }
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
        // the change fails rather than keeping the app passwords and sessions it should end.
        userSecrets.primaryPasswordChanged(user.getUserName());
        delegate.updateUser(PolicyUser.commitNewPassword(user));
    }

    @Override
    public void removeUser(Username name) throws UsersRepositoryException {
        if (delegate.isReadOnly()) {
            delegate.removeUser(name);
            userSecrets.forget(name);
            return;
        }
        // Forgotten first, as for a password change: when the store is unreachable the removal
        // fails rather than leaving secrets for a later user of the same name.
        userSecrets.forget(name);
        delegate.removeUser(name);
    }
}
