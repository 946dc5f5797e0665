package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ADMIN;
import static org.apppasswords.auth.LoginFixture.ADMIN_PASSWORD;
import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.auth.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.james.user.api.model.User;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** Login rule 4: the primary path of a user without TOTP, with and without secondFactor.required. */
class PrimaryPasswordLoginTest {
    @Nested
    class WhenSecondFactorIsOptional {
        private final LoginFixture fixture = LoginFixture.create();

        WhenSecondFactorIsOptional() throws Exception {
        }

        @Test
        void testShouldAcceptThePrimaryPasswordOfAUserWithoutTotp() throws Exception {
            assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD)).isTrue();
        }

        @Test
        void testShouldAcceptTheAdministratorsPrimaryPassword() throws Exception {
            assertThat(fixture.testee.test(ADMIN, ADMIN_PASSWORD)).isTrue();
        }

        @Test
        void testShouldRejectAWrongPrimaryPassword() throws Exception {
            assertThat(fixture.testee.test(ALICE, "wrong")).isFalse();
        }

        @Test
        void testShouldRejectThePrimaryPasswordInAnotherCase() throws Exception {
            assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD.toUpperCase())).isFalse();
        }

        @Test
        void testShouldRejectAnotherUsersPrimaryPassword() throws Exception {
            assertThat(fixture.testee.test(ALICE, BOB_PASSWORD)).isFalse();
        }

        @Test
        void testShouldRejectAnUnknownUser() throws Exception {
            assertThat(fixture.testee.test(UNKNOWN, ALICE_PASSWORD)).isFalse();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void testShouldRejectAMissingPassword(String password) throws Exception {
            assertThat(fixture.testee.test(ALICE, password)).isFalse();
        }

        @Test
        void testShouldAcceptAPrimaryPasswordHoldingADollarWhenTheUserHasNoTotp() throws Exception {
            fixture.james.addUser(UNKNOWN, "pa$$word$123456");

            assertThat(fixture.testee.test(UNKNOWN, "pa$$word$123456")).isTrue();
        }

        @Test
        void testShouldRejectTheOldPrimaryPasswordAfterAChange() throws Exception {
            User alice = fixture.testee.getUserByName(ALICE);
            alice.setPassword("new-Primary");
            fixture.testee.updateUser(alice);

            assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD)).isFalse();
            assertThat(fixture.testee.test(ALICE, "new-Primary")).isTrue();
        }
    }

    @Nested
    class WhenSecondFactorIsRequired {
        private final LoginFixture fixture = LoginFixture.create(new AppPasswordsConfiguration(true, 25, true,
            OnPrimaryPasswordChange.REVOKE_ALL, "James", Duration.ofMinutes(10)));

        WhenSecondFactorIsRequired() throws Exception {
        }

        @Test
        void testShouldRejectThePrimaryPasswordOfAUserWithoutTotp() throws Exception {
            assertThat(fixture.testee.test(BOB, BOB_PASSWORD)).isFalse();
        }

        @Test
        void testShouldRejectTheAdministratorsPrimaryPasswordAlone() throws Exception {
            assertThat(fixture.testee.test(ADMIN, ADMIN_PASSWORD)).isFalse();
        }

        @Test
        void testShouldRejectThePrimaryPasswordAloneOfAUserWithTotp() throws Exception {
            fixture.enableTotp(ALICE);

            assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD)).isFalse();
        }

        @Test
        void testShouldAcceptPrimaryPasswordAndCodeOfAUserWithTotp() throws Exception {
            fixture.enableTotp(ALICE);

            assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode())).isTrue();
        }

        @Test
        void testShouldAcceptAnAppPassword() throws Exception {
            fixture.enableTotp(BOB);

            assertThat(fixture.testee.test(BOB, fixture.createAppPassword(BOB).reveal())).isTrue();
        }
    }
}
