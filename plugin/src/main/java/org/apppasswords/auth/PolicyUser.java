package org.apppasswords.auth;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;

/**
 * The {@link User} handed out by {@link AppPasswordsUsersRepository#getUserByName}: ManageSieve
 * calls {@code getUserByName(u).verifyPassword(p)} instead of {@code test(u, p)}, so the login
 * rules must live here too. Everything else goes to James's own user object, which
 * {@link AppPasswordsUsersRepository#updateUser} unwraps before storing (James's memory DAO keeps
 * whatever object it is given).
 */
final class PolicyUser implements User {
    private final User delegate;
    private final AppPasswordsUsersRepository repository;

    PolicyUser(User delegate, AppPasswordsUsersRepository repository) {
        this.delegate = delegate;
        this.repository = repository;
    }

    User unwrap() {
        return delegate;
    }

    @Override
    public Username getUserName() {
        return delegate.getUserName();
    }

    @Override
    public boolean verifyPassword(String pass) {
        try {
            return repository.test(delegate.getUserName(), pass);
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
