package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.auth.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.apppasswords.totp.RecoveryCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** The self-service API's checks: stricter than the protocols' on app passwords, sharing their code state. */
class SelfServiceSignInTest {
    private LoginFixture fixture;
    private SelfServiceSignIn testee;
    private List<RecoveryCode> recoveryCodes;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
        recoveryCodes = fixture.enableTotp(ALICE);
        testee = fixture.policy.selfServiceSignIn(fixture.james, PrimaryPasswordCheck.delegating());
    }

    @Test
    void signInShouldProveThePrimaryPasswordOfAUserWithoutTotp() throws Exception {
        assertThat(testee.signIn(BOB, BOB_PASSWORD)).isEqualTo(SignInProof.PRIMARY_PASSWORD);
    }

    @Test
    void signInShouldProveBothFactorsWithPrimaryPasswordAndCode() throws Exception {
        assertThat(testee.signIn(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode())).isEqualTo(SignInProof.PRIMARY_PASSWORD_AND_SECOND_FACTOR);
    }

    @Test
    void signInShouldProveBothFactorsWithARecoveryCodeOnce() throws Exception {
        String presented = ALICE_PASSWORD + "$" + recoveryCodes.get(0).revealForDisplay();

        assertThat(testee.signIn(ALICE, presented)).isEqualTo(SignInProof.PRIMARY_PASSWORD_AND_SECOND_FACTOR);
        assertThat(testee.signIn(ALICE, presented)).isEqualTo(SignInProof.NOTHING);
    }

    @Test
    void signInShouldAcceptThePrimaryPasswordAloneWithoutTotpEvenWhenASecondFactorIsRequired() throws Exception {
        LoginFixture required = LoginFixture.create(new AppPasswordsConfiguration(true, 25, true, OnPrimaryPasswordChange.REVOKE_ALL,
            "James", Duration.ofMinutes(10)));
        SelfServiceSignIn strict = required.policy.selfServiceSignIn(required.james, PrimaryPasswordCheck.delegating());

        assertThat(required.testee.test(BOB, BOB_PASSWORD)).as("the protocols refuse it").isFalse();
        assertThat(strict.signIn(BOB, BOB_PASSWORD)).isEqualTo(SignInProof.PRIMARY_PASSWORD);
    }

    @Test
    void signInShouldRefuseAnAppPassword() throws Exception {
        assertThat(testee.signIn(ALICE, fixture.createAppPassword(ALICE).reveal())).isEqualTo(SignInProof.NOTHING);
        assertThat(testee.signIn(BOB, fixture.createAppPassword(BOB).revealForDisplay())).isEqualTo(SignInProof.NOTHING);
    }

    @Test
    void signInShouldRefuseThePrimaryPasswordAloneOnceTotpIsOn() throws Exception {
        assertThat(testee.signIn(ALICE, ALICE_PASSWORD)).isEqualTo(SignInProof.NOTHING);
    }

    @Test
    void signInShouldRefuseAWrongCode() throws Exception {
        assertThat(testee.signIn(ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode())).isEqualTo(SignInProof.NOTHING);
    }

    @Test
    void signInShouldRefuseACodeAProtocolLoginSpent() throws Exception {
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();
        assertThat(fixture.testee.test(ALICE, presented)).isTrue();

        assertThat(testee.signIn(ALICE, presented)).isEqualTo(SignInProof.NOTHING);
    }

    @Test
    void codeSpentAtSignInShouldBeRefusedByTheProtocols() throws Exception {
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();
        assertThat(testee.signIn(ALICE, presented)).isEqualTo(SignInProof.PRIMARY_PASSWORD_AND_SECOND_FACTOR);

        assertThat(fixture.testee.test(ALICE, presented)).isFalse();
    }

    @Test
    void signInShouldNotSpendTheCodeWhenThePrimaryPasswordIsWrong() throws Exception {
        String code = fixture.currentCode();
        assertThat(testee.signIn(ALICE, "wrong$" + code)).isEqualTo(SignInProof.NOTHING);

        assertThat(testee.signIn(ALICE, ALICE_PASSWORD + "$" + code)).isEqualTo(SignInProof.PRIMARY_PASSWORD_AND_SECOND_FACTOR);
    }

    @Test
    void signInShouldRefuseAnUnknownUser() throws Exception {
        assertThat(testee.signIn(UNKNOWN, BOB_PASSWORD)).isEqualTo(SignInProof.NOTHING);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void signInShouldRefuseNothing(String presented) throws Exception {
        assertThat(testee.signIn(BOB, presented)).isEqualTo(SignInProof.NOTHING);
    }

    @Test
    void primaryPasswordMatchesShouldAcceptTheBarePrimaryPasswordOfAUserWithTotp() throws Exception {
        assertThat(testee.primaryPasswordMatches(ALICE, ALICE_PASSWORD)).isTrue();
    }

    @Test
    void primaryPasswordMatchesShouldRefuseAWrongPasswordAnAppPasswordAndTheOtherUsersPassword() throws Exception {
        assertThat(testee.primaryPasswordMatches(ALICE, "wrong")).isFalse();
        assertThat(testee.primaryPasswordMatches(ALICE, fixture.createAppPassword(ALICE).reveal())).isFalse();
        assertThat(testee.primaryPasswordMatches(ALICE, BOB_PASSWORD)).isFalse();
        assertThat(testee.primaryPasswordMatches(ALICE, "")).isFalse();
    }

    @Test
    void spendSecondFactorCodeShouldAcceptAFreshCodeOnce() throws Exception {
        String code = fixture.currentCode();

        assertThat(testee.spendSecondFactorCode(ALICE, code)).isTrue();
        assertThat(testee.spendSecondFactorCode(ALICE, code)).isFalse();
        assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD + "$" + code)).as("spent for the protocols too").isFalse();
    }

    @Test
    void spendSecondFactorCodeShouldRefuseAWrongCodeAndAUserWithoutTotp() throws Exception {
        assertThat(testee.spendSecondFactorCode(ALICE, fixture.wrongCode())).isFalse();
        assertThat(testee.spendSecondFactorCode(ALICE, "")).isFalse();
        assertThat(testee.spendSecondFactorCode(BOB, fixture.currentCode())).isFalse();
    }
}
