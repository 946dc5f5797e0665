package org.apppasswords.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apppasswords.store.LoginFailureChange;
import org.apppasswords.store.LoginFailures;

/**
 * The changes that settle one failed attempt, written by one
 * {@link org.apppasswords.store.LoginFailureStore#apply} (one transaction), and the records they
 * replace, for the lockout events. Touches (writes that change nothing but the version) pad a
 * failure to the same number of changes as every other.
 */
final class Settlement {
    /** One replaced record: what it was and what it becomes. */
    static final class Replaced {
        final ScopeKey key;
        final Optional<LoginFailures> before;
        final LoginFailures after;

        Replaced(ScopeKey key, Optional<LoginFailures> before, LoginFailures after) {
            this.key = key;
            this.before = before;
            this.after = after;
        }

        /** Whether this change starts (or lengthens) a lockout. */
        boolean startsLockout() {
            return after.lockedUntil().isPresent() && !after.lockedUntil().equals(before.flatMap(LoginFailures::lockedUntil));
        }
    }

    final List<LoginFailureChange> changes = new ArrayList<>();
    final List<Replaced> replaced = new ArrayList<>();
    private Optional<Replaced> last = Optional.empty();

    void replace(ScopeKey key, Optional<LoginFailures> before, LoginFailures after) {
        changes.add(LoginFailureChange.replace(key.name, key.scope, before, after));
        Replaced change = new Replaced(key, before, after);
        replaced.add(change);
        last = Optional.of(change);
    }

    /** Makes {@code record} the one that {@link #padTo} touches, without changing it. */
    void padWith(ScopeKey key, LoginFailures record) {
        last = Optional.of(new Replaced(key, Optional.of(record), record));
    }

    /** Touches the last record replaced (or named by {@link #padWith}) until there are {@code size} changes. */
    void padTo(int size) {
        while (changes.size() < size && last.isPresent()) {
            Replaced previous = last.get();
            replace(previous.key, Optional.of(previous.after), previous.after.touched());
        }
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }
}
