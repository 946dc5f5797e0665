package org.apppasswords.repository;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;

/**
 * A view of a directory-backed repository (James's LDAP one) that knows only names the directory
 * cannot match loosely. An LDAP server compares the login attribute with its own matching rule
 * ({@code caseIgnoreMatch}: leading, trailing and repeated spaces ignored, Unicode compatibility
 * forms folded), so {@code " alice@example.org"}, or the same name with a full-width {@code a},
 * finds alice's entry, and James then binds as that entry. To James and to our stores those are
 * other users, without alice's second factor: her bare directory password would open them. For
 * printable ASCII without spaces the directory's rule is plain case-insensitive equality, which
 * James's own lower-casing of usernames already applies, so one entry answers to one James user.
 *
 * <p>Any other name is unknown here: {@code test} refuses it, {@code getUserByName} answers
 * null, {@code contains} false, without asking the directory. Everything else forwards.
 */
public final class UnambiguousNamesUsersRepository extends ForwardingUsersRepository {
    private static final char FIRST_PRINTABLE = '!';
    private static final char LAST_PRINTABLE = '~';

    public UnambiguousNamesUsersRepository(UsersRepository directory) {
        super(directory);
    }

    /** Whether every character of the name is printable ASCII other than a space. */
    public static boolean unambiguous(Username name) {
        String value = name.asString();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < FIRST_PRINTABLE || c > LAST_PRINTABLE) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        return unambiguous(name) && delegate.test(name, password);
    }

    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        return unambiguous(name) ? delegate.getUserByName(name) : null;
    }

    @Override
    public boolean contains(Username name) throws UsersRepositoryException {
        return unambiguous(name) && delegate.contains(name);
    }

    @Override
    public Publisher<Boolean> containsReactive(Username name) {
        return unambiguous(name) ? delegate.containsReactive(name) : Mono.just(false);
    }
}
