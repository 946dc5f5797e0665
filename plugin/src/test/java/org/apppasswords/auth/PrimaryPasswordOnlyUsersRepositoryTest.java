package org.apppasswords.auth;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** Login rule 6: the view given to endpoints that turn one check into a long-lived token. */
class PrimaryPasswordOnlyUsersRepositoryTest {
    private LoginFixture fixture;
    private PrimaryPasswordOnlyUsersRepository testee;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
        fixture.enableTotp(ALICE);
        testee = fixture.primaryPasswordOnly();
    }

    @Test
    void testShouldAcceptTheBarePrimaryPasswordOfAUserWithoutTotp() throws Exception {
        assertThat(testee.test(BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void testShouldRejectAnAppPasswordOfAUserWithTotp() throws Exception {
        assertThat(testee.test(ALICE, fixture.createAppPassword(ALICE).revealForDisplay())).isFalse();
    }

    @Test
    void testShouldRejectAnAppPasswordOfAUserWithoutTotp() throws Exception {
        assertThat(testee.test(BOB, fixture.createAppPassword(BOB).reveal())).isFalse();
    }

    @Test
    void testShouldRejectPrimaryPasswordAndCode() throws Exception {
        assertThat(testee.test(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode())).isFalse();
    }

    @Test
    void testShouldNotSpendTheCodeItRefused() throws Exception {
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();
        testee.test(ALICE, presented);

        assertThat(fixture.testee.test(ALICE, presented)).isTrue();
    }

    @Test
    void testShouldRejectPrimaryPasswordAndRecoveryCode() throws Exception {
        fixture.secondFactorService.disable(ALICE);
        String recoveryCode = fixture.enableTotp(ALICE).get(0).reveal();

        assertThat(testee.test(ALICE, ALICE_PASSWORD + "$" + recoveryCode)).isFalse();
    }

    @Test
    void testShouldRejectThePrimaryPasswordAloneOfAUserWithTotp() throws Exception {
        assertThat(testee.test(ALICE, ALICE_PASSWORD)).isFalse();
    }

    @Test
    void testShouldRejectAWrongPrimaryPassword() throws Exception {
        assertThat(testee.test(BOB, "wrong")).isFalse();
    }

    @Test
    void testShouldRejectAnUnknownUser() throws Exception {
        assertThat(testee.test(UNKNOWN, BOB_PASSWORD)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void testShouldRejectAMissingPassword(String password) throws Exception {
        assertThat(testee.test(BOB, password)).isFalse();
    }

    @Test
    void testShouldRejectThePrimaryPasswordOfAUserWithoutTotpWhenSecondFactorIsRequired() throws Exception {
        LoginFixture strict = LoginFixture.create(new AppPasswordsConfiguration(true, 25, true,
            OnPrimaryPasswordChange.REVOKE_ALL, "James", Duration.ofMinutes(10)));

        assertThat(strict.primaryPasswordOnly().test(BOB, BOB_PASSWORD)).isFalse();
    }

    @Test
    void testShouldAcceptThePrimaryPasswordAgainOnceTotpIsDisabled() throws Exception {
        fixture.secondFactorService.disable(ALICE);

        assertThat(testee.test(ALICE, ALICE_PASSWORD)).isTrue();
    }

    @Test
    void verifyPasswordOfItsUsersShouldRejectAnAppPassword() throws Exception {
        String appPassword = fixture.createAppPassword(BOB).reveal();

        assertThat(testee.getUserByName(BOB).verifyPassword(appPassword)).isFalse();
    }

    @Test
    void verifyPasswordOfItsUsersShouldRejectPrimaryPasswordAndCode() throws Exception {
        assertThat(testee.getUserByName(ALICE).verifyPassword(ALICE_PASSWORD + "$" + fixture.currentCode())).isFalse();
    }

    @Test
    void verifyPasswordOfItsUsersShouldAcceptTheBarePrimaryPasswordOfAUserWithoutTotp() throws Exception {
        assertThat(testee.getUserByName(BOB).verifyPassword(BOB_PASSWORD)).isTrue();
    }

    @Test
    void updateUserShouldStoreJamesOwnUserObject() throws Exception {
        User bob = testee.getUserByName(BOB);
        bob.setPassword("New-Passw0rd");

        testee.updateUser(bob);

        assertThat(fixture.james.getUserByName(BOB)).isNotInstanceOf(PolicyUser.class);
        assertThat(testee.test(BOB, "New-Passw0rd")).isTrue();
    }
}
