package org.apppasswords.bench;

import java.util.Collections;
import java.util.Iterator;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * James's side of a login reduced to nothing: every name exists, every primary password is right,
 * nobody is an administrator. Under the decorator it leaves only the extension's own work to
 * measure. Its users' {@code verifyPassword} accepts anything too, as its {@code test} does.
 * Benchmarks only.
 */
final class NoOpUsersRepository implements UsersRepository {
    @Override
    public boolean test(Username name, String password) {
        return true;
    }

    @Override
    public boolean contains(Username name) {
        return true;
    }

    @Override
    public Publisher<Boolean> containsReactive(Username name) {
        return Mono.just(true);
    }

    @Override
    public boolean isAdministrator(Username username) {
        return false;
    }

    @Override
    public void addUser(Username username, String password) {
    }

    @Override
    public User getUserByName(Username name) {
        // The login path checks primary passwords as James does, through the user object.
        return new User() {
            @Override
            public Username getUserName() {
                return name;
            }

            @Override
            public boolean verifyPassword(String pass) {
                return true;
            }

            @Override
            public boolean setPassword(String newPass) {
                return true;
            }
        };
    }

    @Override
    public void updateUser(User user) {
    }

    @Override
    public void removeUser(Username name) {
    }

    @Override
    public int countUsers() {
        return 0;
    }

    @Override
    public Iterator<Username> list() {
        return Collections.emptyIterator();
    }

    @Override
    public Publisher<Username> listReactive() {
        return Flux.empty();
    }

    @Override
    public boolean supportVirtualHosting() {
        return true;
    }

    @Override
    public MailAddress getMailAddressFor(Username username) throws UsersRepositoryException {
        try {
            return new MailAddress(username.asString());
        } catch (Exception e) {
            throw new UsersRepositoryException("Not a mail address: " + username.asString());
        }
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }
}
