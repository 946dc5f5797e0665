package org.apppasswords.auth;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordFormat;
import org.apppasswords.lifecycle.UserSecrets;

/**
 * The {@link UsersRepository} every James protocol sees once the launcher is used. Login rule 1:
 * the shape of the presented secret alone picks the path, app password or primary password; that
 * choice reads nothing secret. The rest of the life cycle keeps our secrets in step with James's
 * users: a user removed through James loses them and their self-service sessions, and a primary
 * password changed through James revokes the app passwords and self-service sessions unless
 * {@code onPrimaryPasswordChange=keep}.
 */
public final class AppPasswordsUsersRepository extends ForwardingUsersRepository {
    private final AppPasswordLogin appPasswordLogin;
    private final PrimaryPasswordLogin primaryPasswordLogin;
    private final UserSecrets userSecrets;

    AppPasswordsUsersRepository(UsersRepository delegate, AppPasswordLogin appPasswordLogin, PrimaryPasswordLogin primaryPasswordLogin,
                                UserSecrets userSecrets) {
        super(delegate);
        this.appPasswordLogin = appPasswordLogin;
        this.primaryPasswordLogin = primaryPasswordLogin;
        this.userSecrets = userSecrets;
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        if (password == null || password.isEmpty()) {
            return false;
        }
        Optional<AppPassword> appPassword = AppPasswordFormat.recognise(password);
        if (appPassword.isPresent()) {
            return appPasswordLogin.test(delegate, name, appPassword.get());
        }
        return primaryPasswordLogin.test(delegate, name, password);
    }

    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        User user = delegate.getUserByName(name);
        return user == null ? null : new PolicyUser(user, this);
    }

    @Override
    public void updateUser(User user) throws UsersRepositoryException {
        User unwrapped = PolicyUser.unwrap(user);
        delegate.updateUser(unwrapped);
        // In James 3.8.1 a User carries nothing but its password: an update is a password change.
        userSecrets.primaryPasswordChanged(unwrapped.getUserName());
    }

    @Override
    public void removeUser(Username name) throws UsersRepositoryException {
        delegate.removeUser(name);
        userSecrets.forget(name);
    }
}
