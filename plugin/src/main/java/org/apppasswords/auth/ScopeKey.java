package org.apppasswords.auth;

import java.util.Objects;

import org.apache.james.core.Username;

/** One record of the {@link org.apppasswords.store.LoginFailureStore}: a name (a user, or an address's pseudo-user) and a scope. */
final class ScopeKey {
    final Username name;
    final String scope;

    ScopeKey(Username name, String scope) {
        this.name = Objects.requireNonNull(name, "name");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScopeKey)) {
            return false;
        }
        ScopeKey that = (ScopeKey) o;
        return name.equals(that.name) && scope.equals(that.scope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, scope);
    }

    @Override
    public String toString() {
        return name.asString() + " " + scope;
    }
}
