package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.auth.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.auth.ThrottleFixture.ATTACKER;
import static org.apppasswords.auth.ThrottleFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.james.core.Username;
import org.apppasswords.store.LoginFailureChange;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailures;
import org.apppasswords.store.StoreUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store that reads but refuses every write (a read-only standby, a full disk): a checked wrong
 * guess is then not counted in the store, and must not become a free one. Its place in flight is
 * held on this node for the scope's first lockout, so the address is still refused after the limit.
 */
class UnwrittenFailureTest {
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = ThrottleFixture.create(new LoginFixture.Interposer() {
            @Override
            public LoginFailureStore loginFailures(LoginFailureStore store) {
                return new LoginFailureStore() {
                    @Override
                    public Map<Username, Map<String, LoginFailures>> findAll(Collection<Username> users) {
                        return store.findAll(users);
                    }

                    @Override
                    public boolean apply(List<LoginFailureChange> changes) {
                        throw new StoreUnavailableException("test: writes refused", null);
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
        });
    }

    @Test
    void guessesThatCannotBeWrittenShouldStillLockTheAddressOnThisNode() throws Exception {
        for (int i = 0; i < ADDRESS_MAX; i++) {
            assertThat(ThrottleFixture.login(fixture, ATTACKER, BOB, "wrong-" + i)).isFalse();
        }

        assertThat(ThrottleFixture.login(fixture, ATTACKER, BOB, BOB_PASSWORD)).as("the next guess, right or not").isFalse();
    }

    @Test
    void anotherAddressShouldStillLogIn() throws Exception {
        for (int i = 0; i < ADDRESS_MAX; i++) {
            ThrottleFixture.login(fixture, ATTACKER, BOB, "wrong-" + i);
        }

        assertThat(ThrottleFixture.login(fixture, OWNER, BOB, BOB_PASSWORD)).isTrue();
    }
}
