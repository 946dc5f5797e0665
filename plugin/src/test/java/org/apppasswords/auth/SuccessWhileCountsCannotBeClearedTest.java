package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.store.LoginFailureChange;
import org.apppasswords.store.LoginFailureStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A login whose code is spent stays a success when the failure counts cannot be cleared afterwards. */
class SuccessWhileCountsCannotBeClearedTest {
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new LoginFixture(AppPasswordsConfiguration.defaults(), new LoginFixture.Interposer() {
            @Override
            public LoginFailureStore loginFailures(LoginFailureStore store) {
                return RefusingWrites.refusing(store, changes -> changes.stream().anyMatch(LoginFailureChange::isRemoval));
            }
        });
    }

    @Test
    void aSpentCodeShouldStillLogInWhenTheCountsCannotBeCleared() throws Exception {
        fixture.enableTotp(ALICE);
        fixture.testee.test(ALICE, "wrong");

        assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode())).isTrue();
        assertThat(fixture.loginFailures.find(ALICE)).as("the count the success could not clear").containsKey(ThrottleState.UNKNOWN_ADDRESS);
    }

    @Test
    void aSpentRecoveryCodeShouldStillLogInWhenTheCountsCannotBeCleared() throws Exception {
        String recoveryCode = fixture.enableTotp(ALICE).get(0).reveal();
        fixture.testee.test(ALICE, "wrong");

        assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD + "$" + recoveryCode)).isTrue();
        assertThat(fixture.loginFailures.find(ALICE)).as("the count the success could not clear").containsKey(ThrottleState.UNKNOWN_ADDRESS);
    }

    @Test
    void aWrongCodeShouldStillBeRefusedAndCounted() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode())).isFalse();
        assertThat(fixture.loginFailures.find(ALICE).get(ThrottleState.SECOND_FACTOR).failures()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordShouldStillBeRefused() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(fixture.testee.test(ALICE, "wrong$" + fixture.currentCode())).isFalse();
    }
}
