package org.apppasswords.auth;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;

/**
 * The {@link User} our repositories hand out from {@code getUserByName}: ManageSieve calls
 * {@code getUserByName(u).verifyPassword(p)} instead of {@code test(u, p)}, so the login rules
 * must live here too: {@code verifyPassword} asks the policy repository's {@code test}.
 * Everything else goes to James's own user object, which {@code updateUser} unwraps before
 * storing (James's memory DAO keeps whatever object it is given).
 */
final class PolicyUser implements User {
    private final User delegate;
    private final UsersRepository policy;

    PolicyUser(User delegate, UsersRepository policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    static User unwrap(User user) {
        return user instanceof PolicyUser ? ((PolicyUser) user).delegate : user;
    }

    @Override
    public Username getUserName() {
        return delegate.getUserName();
    }

    @Override
    public boolean verifyPassword(String pass) {
        try {
            return policy.test(delegate.getUserName(), pass);
        } catch (UsersRepositoryException e) {
            return false;
        }
    }

    @Override
    public boolean setPassword(String newPass) {
        return delegate.setPassword(newPass);
    }

    @Override
    public String toString() {
        return "PolicyUser[" + delegate.getUserName().asString() + "]";
    }
}
