package org.apppasswords.auth;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

/** Counts what a login asks of the wrapped repository. */
final class CountingUsersRepository extends ForwardingUsersRepository {
    final AtomicInteger tests = new AtomicInteger();
    final AtomicInteger contains = new AtomicInteger();
    final AtomicInteger isAdministrator = new AtomicInteger();

    CountingUsersRepository(UsersRepository delegate) {
        super(delegate);
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        tests.incrementAndGet();
        return super.test(name, password);
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
}
