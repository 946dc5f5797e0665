package org.apppasswords.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.james.core.Username;
import org.apppasswords.store.LoginFailureChange;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailures;
import org.apppasswords.store.StoreUnavailableException;

/** A failure store that still reads but refuses some writes, as one failing over to a read-only standby or out of disk does. */
final class RefusingWrites {
    /** {@code store}, except that {@link LoginFailureStore#apply} of changes {@code refused} accepts, and every clear, fail. */
    static LoginFailureStore refusing(LoginFailureStore store, Predicate<List<LoginFailureChange>> refused) {
        return new LoginFailureStore() {
            @Override
            public Map<Username, Map<String, LoginFailures>> findAll(Collection<Username> users) {
                return store.findAll(users);
            }

            @Override
            public boolean apply(List<LoginFailureChange> changes) {
                if (refused.test(changes)) {
                    throw new StoreUnavailableException("test: writes refused", null);
                }
                return store.apply(changes);
            }

            @Override
            public void clear(Username user, String... scopes) {
                throw new StoreUnavailableException("test: writes refused", null);
            }

            @Override
            public void clearAll(Username user) {
                store.clearAll(user);
            }

            @Override
            public int removeIdle(String scope, Instant idleSince, Instant now) {
                return store.removeIdle(scope, idleSince, now);
            }
        };
    }

    private RefusingWrites() {
    }
}
