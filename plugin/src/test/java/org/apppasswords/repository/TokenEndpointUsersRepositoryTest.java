package org.apppasswords.repository;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.ATTACKER;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.login.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.user.api.model.User;
import org.apppasswords.login.LoginFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/**
 * Login rule 6: the view given to endpoints that turn one check into a long-lived token (James
 * 3.8.1's draft-JMAP {@code /authentication}): only the bare primary password of a user without
 * TOTP, never a code spent. ALICE has TOTP, BOB has not.
 */
class TokenEndpointUsersRepositoryTest {
    private static final int ADDRESS_MAX = 3;

    private LoginFixture fixture;
    private TokenEndpointUsersRepository testee;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder().throttle(LoginFixture.throttle(ADDRESS_MAX, 10_000, 10_000, 100)).build();
        fixture.enableTotp(ALICE);
        testee = fixture.tokenEndpoint;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
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

        assertThat(fixture.login(ALICE, presented)).isTrue();
    }

    @Test
    void testShouldRejectPrimaryPasswordAndRecoveryCodeAndKeepTheRecoveryCode() throws Exception {
        fixture.logins.secondFactorService.disable(ALICE);
        String recoveryCode = fixture.enableTotp(ALICE).get(0).reveal();

        assertThat(testee.test(ALICE, ALICE_PASSWORD + "$" + recoveryCode)).isFalse();

        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + recoveryCode)).isTrue();
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
        try (LoginFixture strict = LoginFixture.create(LoginFixture.secondFactorRequired())) {
            assertThat(strict.tokenEndpoint.test(BOB, BOB_PASSWORD)).isFalse();
        }
    }

    @Test
    void testShouldAcceptThePrimaryPasswordAgainOnceTotpIsDisabled() throws Exception {
        fixture.logins.secondFactorService.disable(ALICE);

        assertThat(testee.test(ALICE, ALICE_PASSWORD)).isTrue();
    }

    @Test
    void aTotpUsersRightBarePasswordShouldCountAsAFailureAndClearNothing() throws Exception {
        // Were it a success, it would tell a guesser the password is right and reset the counts between guesses.
        for (int i = 0; i < ADDRESS_MAX - 1; i++) {
            fixture.loginFrom(ATTACKER, ALICE, "wrong-" + i);
        }

        assertThat(LoginFixture.loginFrom(testee, ATTACKER, "JMAP", ALICE, ALICE_PASSWORD)).isFalse();

        assertThat(fixture.loginFrom(ATTACKER, ALICE, ALICE_PASSWORD + "$" + fixture.currentCode())).as("locked").isFalse();
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
    void getUserByNameShouldAnswerNullForAnUnknownUser() throws Exception {
        assertThat(testee.getUserByName(UNKNOWN)).isNull();
    }

    @Test
    void updateUserShouldStoreJamesOwnUserObjectAndEndWhatAPasswordChangeEnds() throws Exception {
        String alicesAppPassword = fixture.createAppPassword(ALICE).reveal();
        User alice = testee.getUserByName(ALICE);
        alice.setPassword("New-Passw0rd");

        testee.updateUser(alice);

        assertThat(fixture.jamesItself.getUserByName(ALICE)).isNotInstanceOf(PolicyUser.class);
        assertThat(fixture.login(ALICE, "New-Passw0rd$" + fixture.currentCode())).isTrue();
        assertThat(fixture.login(ALICE, alicesAppPassword)).as("revoked by the password change").isFalse();
    }

    @Test
    void theTokenEndpointShouldNeverCallJamessOwnTest() throws Exception {
        testee.test(BOB, BOB_PASSWORD);
        testee.test(BOB, "wrong");
        testee.test(UNKNOWN, "wrong");
        testee.getUserByName(BOB).verifyPassword(BOB_PASSWORD);

        assertThat(fixture.james.tests).hasValue(0);
    }
}
