package org.apppasswords.store;

import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Username;

/**
 * One change to one record of a {@link LoginFailureStore}, applied with others in one transaction
 * by {@link LoginFailureStore#apply}: a compare-and-set replacement, or a removal that needs no
 * expected version (forgetting a count is never lost by a race).
 */
public final class LoginFailureChange {
    private final Username user;
    private final String scope;
    private final Optional<LoginFailures> expected;
    private final Optional<LoginFailures> updated;

    private LoginFailureChange(Username user, String scope, Optional<LoginFailures> expected, Optional<LoginFailures> updated) {
        this.user = Objects.requireNonNull(user, "user");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.expected = Objects.requireNonNull(expected, "expected");
        this.updated = updated;
    }

    /** Writes {@code updated} only if the record is still {@code expected}: absent when empty, else of the same version. */
    public static LoginFailureChange replace(Username user, String scope, Optional<LoginFailures> expected, LoginFailures updated) {
        return new LoginFailureChange(user, scope, expected, Optional.of(updated));
    }

    /** Forgets the record, whatever it holds; nothing when there is none. */
    public static LoginFailureChange remove(Username user, String scope) {
        return new LoginFailureChange(user, scope, Optional.empty(), Optional.empty());
    }

    public Username user() {
        return user;
    }

    public String scope() {
        return scope;
    }

    public boolean isRemoval() {
        return updated.isEmpty();
    }

    public Optional<LoginFailures> expected() {
        return expected;
    }

    /** The record to write; present unless {@link #isRemoval()}. */
    public LoginFailures updated() {
        return updated.orElseThrow();
    }

    @Override
    public String toString() {
        return isRemoval() ? "remove " + user.asString() + " " + scope
            : "replace " + user.asString() + " " + scope + " " + expected.map(LoginFailures::version).map(String::valueOf).orElse("absent")
                + " -> " + updated.get();
    }
}
