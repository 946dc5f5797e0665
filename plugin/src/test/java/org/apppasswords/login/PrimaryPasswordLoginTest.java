package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ADMIN;
import static org.apppasswords.login.LoginFixture.ADMIN_PASSWORD;
import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.login.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.apache.james.user.api.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** Login rule 4 on the protocol entrance: the primary path of a user without TOTP, with and without secondFactor.required. */
class PrimaryPasswordLoginTest {
    @Nested
    class WhenSecondFactorIsOptional {
        private final LoginFixture fixture = LoginFixture.create();

        WhenSecondFactorIsOptional() throws Exception {
        }

        @AfterEach
        void tearDown() {
            fixture.close();
        }

        @Test
        void testShouldAcceptThePrimaryPasswordOfAUserWithoutTotp() throws Exception {
            assertThat(fixture.login(ALICE, ALICE_PASSWORD)).isTrue();
        }

        @Test
        void anAcceptedPrimaryPasswordShouldProveThePrimaryPasswordOnly() {
            Verdict verdict = fixture.check(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD);

            assertThat(verdict.method()).isEqualTo(Verdict.Method.PRIMARY);
            assertThat(verdict.proof()).isEqualTo(Verdict.Proof.PRIMARY_PASSWORD);
            assertThat(verdict.provesSecondFactor()).isFalse();
        }

        @Test
        void testShouldAcceptTheAdministratorsPrimaryPassword() throws Exception {
            assertThat(fixture.login(ADMIN, ADMIN_PASSWORD)).isTrue();
        }

        @Test
        void testShouldRejectAWrongPrimaryPassword() throws Exception {
            assertThat(fixture.login(ALICE, "wrong")).isFalse();
        }

        @Test
        void testShouldRejectThePrimaryPasswordInAnotherCase() throws Exception {
            assertThat(fixture.login(ALICE, ALICE_PASSWORD.toUpperCase(Locale.ROOT))).isFalse();
        }

        @Test
        void testShouldRejectAnotherUsersPrimaryPassword() throws Exception {
            assertThat(fixture.login(ALICE, BOB_PASSWORD)).isFalse();
        }

        @Test
        void testShouldRejectAnUnknownUser() throws Exception {
            assertThat(fixture.login(UNKNOWN, ALICE_PASSWORD)).isFalse();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void testShouldRejectAMissingPassword(String password) throws Exception {
            assertThat(fixture.login(ALICE, password)).isFalse();
        }

        @Test
        void testShouldRejectThePrimaryPasswordFollowedByACode() throws Exception {
            assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode())).isFalse();
        }

        @Test
        void testShouldAcceptAPrimaryPasswordHoldingADollarWhenTheUserHasNoTotp() throws Exception {
            fixture.jamesItself.addUser(UNKNOWN, "pa$$word$123456");

            assertThat(fixture.login(UNKNOWN, "pa$$word$123456")).isTrue();
        }

        @Test
        void testShouldRejectTheOldPrimaryPasswordAfterAChange() throws Exception {
            User alice = fixture.decorator.getUserByName(ALICE);
            alice.setPassword("new-Primary");
            fixture.decorator.updateUser(alice);

            assertThat(fixture.login(ALICE, ALICE_PASSWORD)).isFalse();
            assertThat(fixture.login(ALICE, "new-Primary")).isTrue();
        }
    }

    @Nested
    class WhenSecondFactorIsRequired {
        private final LoginFixture fixture = LoginFixture.create(LoginFixture.secondFactorRequired());

        WhenSecondFactorIsRequired() throws Exception {
        }

        @AfterEach
        void tearDown() {
            fixture.close();
        }

        @Test
        void testShouldRejectThePrimaryPasswordOfAUserWithoutTotp() throws Exception {
            assertThat(fixture.login(BOB, BOB_PASSWORD)).isFalse();
        }

        @Test
        void testShouldRejectTheAdministratorsPrimaryPasswordAlone() throws Exception {
            assertThat(fixture.login(ADMIN, ADMIN_PASSWORD)).isFalse();
        }

        @Test
        void testShouldRejectThePrimaryPasswordAloneOfAUserWithTotp() throws Exception {
            fixture.enableTotp(ALICE);

            assertThat(fixture.login(ALICE, ALICE_PASSWORD)).isFalse();
        }

        @Test
        void testShouldAcceptPrimaryPasswordAndCodeOfAUserWithTotp() throws Exception {
            fixture.enableTotp(ALICE);

            assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode())).isTrue();
        }

        @Test
        void testShouldAcceptAnAppPassword() throws Exception {
            fixture.enableTotp(BOB);

            assertThat(fixture.login(BOB, fixture.createAppPassword(BOB).reveal())).isTrue();
        }
    }
}
