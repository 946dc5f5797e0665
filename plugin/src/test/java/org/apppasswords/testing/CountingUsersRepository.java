package org.apppasswords.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.repository.ForwardingUsersRepository;

/**
 * James's repository with every call that reaches it counted: what a login asks James (a lookup, a
 * password check, an existence or administrator check), so that tests prove equal work, and that a
 * locked attempt never reaches James.
 */
public final class CountingUsersRepository extends ForwardingUsersRepository {
    public final AtomicInteger tests = new AtomicInteger();
    public final AtomicInteger lookups = new AtomicInteger();
    public final AtomicInteger passwordChecks = new AtomicInteger();
    public final AtomicInteger contains = new AtomicInteger();
    public final AtomicInteger isAdministrator = new AtomicInteger();

    public CountingUsersRepository(UsersRepository delegate) {
        super(delegate);
    }

    /** Every call that reached James. */
    public int calls() {
        return tests.get() + lookups.get() + passwordChecks.get() + contains.get() + isAdministrator.get();
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        tests.incrementAndGet();
        return super.test(name, password);
    }

    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        lookups.incrementAndGet();
        User user = super.getUserByName(name);
        return user == null ? null : new CountingUser(user);
    }

    /** James gets back its own user object, as it would without the counting. */
    @Override
    public void updateUser(User user) throws UsersRepositoryException {
        super.updateUser(user instanceof CountingUser ? ((CountingUser) user).delegate : user);
    }

    @Override
    public boolean contains(Username name) throws UsersRepositoryException {
        contains.incrementAndGet();
        return super.contains(name);
    }

    @Override
    public boolean isAdministrator(Username username) throws UsersRepositoryException {
        isAdministrator.incrementAndGet();
        return super.isAdministrator(username);
    }

    private final class CountingUser implements User {
        private final User delegate;

        CountingUser(User delegate) {
            this.delegate = delegate;
        }

        @Override
        public Username getUserName() {
            return delegate.getUserName();
        }

        @Override
        public boolean verifyPassword(String pass) {
            passwordChecks.incrementAndGet();
            return delegate.verifyPassword(pass);
        }

        @Override
        public boolean setPassword(String newPass) {
            return delegate.setPassword(newPass);
        }
    }
}
