package org.apppasswords.repository;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.login.Entrance;
import org.apppasswords.login.LoginPipeline;

/**
 * Login rule 6, for endpoints that turn one successful check into a long-lived token (James
 * 3.8.1's draft-JMAP {@code /authentication} grants a 15-minute access token that no later check
 * revisits): the {@link Entrance#TOKEN} entrance of the same pipeline, so that only the bare
 * primary password of a user without TOTP is accepted, a code is never spent, and an unknown name
 * costs what a wrong password costs. Everything else forwards to our decorator, so the rest of the
 * life cycle keeps its rules.
 */
public final class TokenEndpointUsersRepository extends ForwardingUsersRepository {
    private final LoginPipeline logins;

    public TokenEndpointUsersRepository(UsersRepository decorated, LoginPipeline logins) {
        super(decorated);
        this.logins = logins;
    }

    @Override
    public boolean test(Username name, String password) {
        return logins.check(Entrance.TOKEN, name, password, LoginOrigin.current()).accepted();
    }

    /** The same rule for callers that verify through the user object, as ManageSieve does. */
    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        User user = delegate.getUserByName(name);
        return user == null ? null : new PolicyUser(PolicyUser.unwrap(user), this);
    }

    @Override
    public void updateUser(User user) throws UsersRepositoryException {
        // The decorator applies a password noted by the PolicyUser once it has ended what it must.
        delegate.updateUser(user);
    }
}
