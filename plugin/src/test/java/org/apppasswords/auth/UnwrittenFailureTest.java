package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.auth.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.auth.ThrottleFixture.ATTACKER;
import static org.apppasswords.auth.ThrottleFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import org.apppasswords.store.LoginFailureStore;
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
                return RefusingWrites.refusing(store, changes -> true);
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
