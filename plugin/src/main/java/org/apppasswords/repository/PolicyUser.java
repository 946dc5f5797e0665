package org.apppasswords.repository;

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
 *
 * <p>{@code setPassword} only notes the new password: James's memory repository hands out the
 * very object it stores, so changing it here would change the password before
 * {@code updateUser} could end the user's app passwords and sessions, and a store outage would
 * then leave them valid under the new password. {@link #commitNewPassword} applies it, once they
 * are ended.
 */
final class PolicyUser implements User {
    private final User delegate;
    private final UsersRepository policy;
    private volatile String newPassword;

    PolicyUser(User delegate, UsersRepository policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    /** A user James does not know, for {@code verifyPassword} to refuse through the login rules; never stored. */
    static User unknown(Username name) {
        return new User() {
            @Override
            public Username getUserName() {
                return name;
            }

            @Override
            public boolean verifyPassword(String pass) {
                return false;
            }

            @Override
            public boolean setPassword(String newPass) {
                return false;
            }
        };
    }

    static User unwrap(User user) {
        return user instanceof PolicyUser ? ((PolicyUser) user).delegate : user;
    }

    /** Applies a password noted by {@link #setPassword} to James's own user object, and returns that object. */
    static User commitNewPassword(User user) {
        if (!(user instanceof PolicyUser)) {
            return user;
        }
        PolicyUser policyUser = (PolicyUser) user;
        String pending = policyUser.newPassword;
        if (pending != null && !policyUser.delegate.setPassword(pending)) {
            throw new IllegalStateException("James refused to set the new password");
        }
        policyUser.newPassword = null;
        return policyUser.delegate;
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
        newPassword = newPass;
        return true;
    }

    @Override
    public String toString() {
        return "PolicyUser[" + delegate.getUserName().asString() + "]";
    }
}
