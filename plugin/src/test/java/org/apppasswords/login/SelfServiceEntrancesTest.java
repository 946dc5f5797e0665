package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.login.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.james.core.Username;

import org.apppasswords.totp.RecoveryCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/**
 * The self-service API's entrances: the sign-in ({@link Entrance#SIGN_IN}), the primary password
 * asked again ({@link Entrance#STEP_UP}) and a code alone ({@link Entrance#CODE}). Stricter than the
 * protocols on app passwords, sharing their code state. ALICE has TOTP, BOB has not.
 */
class SelfServiceEntrancesTest {
    private LoginFixture fixture;
    private List<RecoveryCode> recoveryCodes;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
        recoveryCodes = fixture.enableTotp(ALICE);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private Verdict signIn(Username user, String presented) {
        return fixture.check(Entrance.SIGN_IN, user, presented);
    }

    @Test
    void signInShouldProveThePrimaryPasswordOfAUserWithoutTotp() {
        Verdict verdict = signIn(BOB, BOB_PASSWORD);

        assertThat(verdict.proof()).isEqualTo(Verdict.Proof.PRIMARY_PASSWORD);
        assertThat(verdict.provesSecondFactor()).isFalse();
    }

    @Test
    void signInShouldProveBothFactorsWithPrimaryPasswordAndCode() {
        Verdict verdict = signIn(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode());

        assertThat(verdict.proof()).isEqualTo(Verdict.Proof.TOTP_CODE);
        assertThat(verdict.provesSecondFactor()).isTrue();
    }

    @Test
    void signInShouldProveBothFactorsWithARecoveryCodeOnce() {
        String presented = ALICE_PASSWORD + "$" + recoveryCodes.get(0).revealForDisplay();

        assertThat(signIn(ALICE, presented).proof()).isEqualTo(Verdict.Proof.RECOVERY_CODE);
        assertThat(signIn(ALICE, presented).accepted()).isFalse();
    }

    @Test
    void signInShouldAcceptThePrimaryPasswordAloneWithoutTotpEvenWhenASecondFactorIsRequired() throws Exception {
        try (LoginFixture required = LoginFixture.create(LoginFixture.secondFactorRequired())) {
            assertThat(required.login(BOB, BOB_PASSWORD)).as("the protocols refuse it").isFalse();
            assertThat(required.check(Entrance.SIGN_IN, BOB, BOB_PASSWORD).proof()).isEqualTo(Verdict.Proof.PRIMARY_PASSWORD);
        }
    }

    @Test
    void signInShouldRefuseAnAppPassword() {
        assertThat(signIn(ALICE, fixture.createAppPassword(ALICE).reveal()).accepted()).isFalse();
        assertThat(signIn(BOB, fixture.createAppPassword(BOB).revealForDisplay()).accepted()).isFalse();
    }

    @Test
    void signInShouldRefuseThePrimaryPasswordAloneOnceTotpIsOn() {
        assertThat(signIn(ALICE, ALICE_PASSWORD).accepted()).isFalse();
    }

    @Test
    void signInShouldRefuseAWrongCode() {
        assertThat(signIn(ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode()).accepted()).isFalse();
    }

    @Test
    void signInShouldRefuseACodeAProtocolLoginSpent() throws Exception {
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();
        assertThat(fixture.login(ALICE, presented)).isTrue();

        assertThat(signIn(ALICE, presented).accepted()).isFalse();
    }

    @Test
    void aCodeSpentAtSignInShouldBeRefusedByTheProtocols() throws Exception {
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();
        assertThat(signIn(ALICE, presented).accepted()).isTrue();

        assertThat(fixture.login(ALICE, presented)).isFalse();
    }

    @Test
    void signInShouldNotSpendTheCodeWhenThePrimaryPasswordIsWrong() {
        String code = fixture.currentCode();
        assertThat(signIn(ALICE, "wrong$" + code).accepted()).isFalse();

        assertThat(signIn(ALICE, ALICE_PASSWORD + "$" + code).accepted()).isTrue();
    }

    @Test
    void signInShouldRefuseAnUnknownUser() {
        assertThat(signIn(UNKNOWN, BOB_PASSWORD).accepted()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void signInShouldRefuseNothing(String presented) {
        assertThat(signIn(BOB, presented).accepted()).isFalse();
    }

    @Test
    void stepUpShouldAcceptTheBarePrimaryPasswordOfAUserWithTotp() {
        Verdict verdict = fixture.check(Entrance.STEP_UP, ALICE, ALICE_PASSWORD);

        assertThat(verdict.proof()).isEqualTo(Verdict.Proof.PRIMARY_PASSWORD);
    }

    @Test
    void stepUpShouldAcceptTheBarePrimaryPasswordOfAUserWithoutTotp() {
        assertThat(fixture.check(Entrance.STEP_UP, BOB, BOB_PASSWORD).proof()).isEqualTo(Verdict.Proof.PRIMARY_PASSWORD);
    }

    @Test
    void stepUpShouldRefuseAWrongPasswordAnAppPasswordAnotherUsersPasswordAndNothing() {
        assertThat(fixture.check(Entrance.STEP_UP, ALICE, "wrong").accepted()).isFalse();
        assertThat(fixture.check(Entrance.STEP_UP, ALICE, fixture.createAppPassword(ALICE).reveal()).accepted()).isFalse();
        assertThat(fixture.check(Entrance.STEP_UP, ALICE, BOB_PASSWORD).accepted()).isFalse();
        assertThat(fixture.check(Entrance.STEP_UP, ALICE, "").accepted()).isFalse();
    }

    @Test
    void stepUpShouldNeverSpendACode() throws Exception {
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();

        assertThat(fixture.check(Entrance.STEP_UP, ALICE, presented).accepted()).isFalse();

        assertThat(fixture.login(ALICE, presented)).as("the code is still fresh").isTrue();
    }

    @Test
    void theCodeEntranceShouldAcceptAFreshCodeOnceAndSpendItForTheProtocolsToo() throws Exception {
        String code = fixture.currentCode();

        assertThat(fixture.check(Entrance.CODE, ALICE, code).proof()).isEqualTo(Verdict.Proof.TOTP_CODE);
        assertThat(fixture.check(Entrance.CODE, ALICE, code).accepted()).isFalse();
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code)).as("spent for the protocols too").isFalse();
    }

    @Test
    void theCodeEntranceShouldRefuseACodeTheProtocolsSpent() throws Exception {
        String code = fixture.currentCode();
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code)).isTrue();

        assertThat(fixture.check(Entrance.CODE, ALICE, code).accepted()).isFalse();
    }

    @Test
    void theCodeEntranceShouldAcceptARecoveryCodeOnce() {
        String recoveryCode = recoveryCodes.get(3).revealForDisplay();

        assertThat(fixture.check(Entrance.CODE, ALICE, recoveryCode).proof()).isEqualTo(Verdict.Proof.RECOVERY_CODE);
        assertThat(fixture.check(Entrance.CODE, ALICE, recoveryCode).accepted()).isFalse();
    }

    @Test
    void theCodeEntranceShouldRefuseAWrongCodeNothingAndAUserWithoutTotp() {
        assertThat(fixture.check(Entrance.CODE, ALICE, fixture.wrongCode()).accepted()).isFalse();
        assertThat(fixture.check(Entrance.CODE, ALICE, "").accepted()).isFalse();
        assertThat(fixture.check(Entrance.CODE, ALICE, ALICE_PASSWORD + "$" + fixture.currentCode()).accepted()).isFalse();
        assertThat(fixture.check(Entrance.CODE, BOB, fixture.currentCode()).accepted()).isFalse();
    }

    @Test
    void theCodeEntranceShouldNeverAskForThePrimaryPassword() throws Exception {
        Work work = Work.of(fixture, () -> assertThat(fixture.check(Entrance.CODE, ALICE, fixture.currentCode()).accepted()).isTrue());

        assertThat(work.jamesCalls()).isZero();
        assertThat(work.primaryHashes).isZero();
    }
}
