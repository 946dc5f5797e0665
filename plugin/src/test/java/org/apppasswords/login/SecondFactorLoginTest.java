package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.login.LoginFixture.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.RecoveryCodes;
import org.apppasswords.totp.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login rule 3 on the protocol entrance: the primary path of a user with TOTP enabled, {@code primary$CODE}. */
class SecondFactorLoginTest {
    private LoginFixture fixture;
    private List<RecoveryCode> recoveryCodes;
    private long now;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
        recoveryCodes = fixture.enableTotp(ALICE);
        now = fixture.currentStep();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void fixtureCodesAroundNowShouldAllDiffer() {
        assertThat(List.of(code(now - 2), code(now - 1), code(now), code(now + 1), code(now + 2), fixture.wrongCode()))
            .doesNotHaveDuplicates();
    }

    @Test
    void testShouldAcceptPrimaryPasswordAndCurrentCode() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now))).isTrue();
    }

    @Test
    void testShouldAcceptTheCodeOfThePreviousStep() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now - 1))).isTrue();
    }

    @Test
    void testShouldAcceptTheCodeOfTheNextStep() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now + 1))).isTrue();
    }

    @Test
    void testShouldAcceptAFreshCodeAtTheNextStep() throws Exception {
        fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now));
        fixture.clock.advance(Totp.STEP);

        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now + 1))).isTrue();
    }

    @Test
    void testShouldSplitAtTheLastDollarWhenThePrimaryPasswordHoldsOne() throws Exception {
        String primary = "pa$$word$";
        fixture.jamesItself.addUser(LoginFixture.UNKNOWN, primary);
        fixture.enableTotp(LoginFixture.UNKNOWN);

        assertThat(fixture.login(LoginFixture.UNKNOWN, primary + "$" + code(now))).isTrue();
    }

    @Test
    void anAcceptedCodeShouldProveBothFactors() {
        Verdict verdict = fixture.check(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD + "$" + code(now));

        assertThat(verdict.proof()).isEqualTo(Verdict.Proof.TOTP_CODE);
        assertThat(verdict.provesSecondFactor()).isTrue();
        assertThat(fixture.enrolment(ALICE).lastUsedStep()).isEqualTo(now);
    }

    @Test
    void testShouldRejectThePrimaryPasswordAlone() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD)).isFalse();
    }

    @Test
    void testShouldRejectThePrimaryPasswordWithATrailingDollar() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$")).isFalse();
    }

    @Test
    void testShouldRejectAWrongCode() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode())).isFalse();
    }

    @Test
    void testShouldRejectTheRightCodeWithAWrongPrimaryPassword() throws Exception {
        assertThat(fixture.login(ALICE, "wrong$" + code(now))).isFalse();
    }

    @Test
    void testShouldRejectAnotherUsersPrimaryPasswordWithTheRightCode() throws Exception {
        assertThat(fixture.login(ALICE, BOB_PASSWORD + "$" + code(now))).isFalse();
    }

    @Test
    void testShouldRejectTheCodeAloneOrWithAnEmptyPrimaryPassword() throws Exception {
        assertThat(fixture.login(ALICE, code(now))).isFalse();
        assertThat(fixture.login(ALICE, "$" + code(now))).isFalse();
    }

    @Test
    void testShouldRejectReplayedCodeWhenSameTimeStep() throws Exception {
        fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now));

        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now))).isFalse();
    }

    @Test
    void testShouldRejectACodeTwoStepsOld() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now - 2))).isFalse();
    }

    @Test
    void testShouldRejectACodeTwoStepsAhead() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now + 2))).isFalse();
    }

    @Test
    void testShouldRejectTheCurrentCodeOnceTheNextOneWasUsed() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now + 1))).isTrue();

        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now))).isFalse();
    }

    @Test
    void testShouldRejectAUsedCodeEvenAfterTheClockMoved() throws Exception {
        fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now));
        fixture.clock.advance(Duration.ofSeconds(20));

        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now))).isFalse();
    }

    @Test
    void testShouldNotSpendTheCodeWhenThePrimaryPasswordIsWrong() throws Exception {
        fixture.login(ALICE, "wrong$" + code(now));

        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + code(now))).isTrue();
    }

    @Test
    void testShouldRejectACodeWhenTheUserHasNoTotp() throws Exception {
        assertThat(fixture.login(BOB, BOB_PASSWORD + "$" + code(now))).isFalse();
    }

    @Test
    void testShouldAcceptARecoveryCodeInsteadOfTheTotpCode() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + recoveryCodes.get(0).reveal())).isTrue();
    }

    @Test
    void testShouldAcceptARecoveryCodeAsDisplayedAndInUpperCase() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + recoveryCodes.get(1).revealForDisplay().toUpperCase())).isTrue();
    }

    @Test
    void testShouldRejectARecoveryCodeUsedBefore() throws Exception {
        fixture.login(ALICE, ALICE_PASSWORD + "$" + recoveryCodes.get(0).reveal());

        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + recoveryCodes.get(0).reveal())).isFalse();
        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + recoveryCodes.get(1).reveal())).isTrue();
    }

    @Test
    void anAcceptedRecoveryCodeShouldProveBothFactorsAndBeSpent() {
        Verdict verdict = fixture.check(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD + "$" + recoveryCodes.get(2).reveal());

        assertThat(verdict.proof()).isEqualTo(Verdict.Proof.RECOVERY_CODE);
        assertThat(fixture.enrolment(ALICE).recoveryCodeHashes()).hasSize(RecoveryCodes.COUNT - 1);
    }

    @Test
    void testShouldRejectAWrongRecoveryCode() throws Exception {
        String neverIssued = new RecoveryCodes(fixture.random).generate().get(0).reveal();

        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + neverIssued)).isFalse();
    }

    @Test
    void testShouldRejectAnotherUsersRecoveryCode() throws Exception {
        List<RecoveryCode> bobsCodes = fixture.enableTotp(BOB);

        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + bobsCodes.get(0).reveal())).isFalse();
    }

    @Test
    void testShouldRejectARecoveryCodeWithAWrongPrimaryPasswordAndKeepIt() throws Exception {
        assertThat(fixture.login(ALICE, "wrong$" + recoveryCodes.get(0).reveal())).isFalse();

        assertThat(fixture.secondFactors().find(ALICE).orElseThrow().recoveryCodeHashes()).hasSize(RecoveryCodes.COUNT);
    }

    @Test
    void testShouldRejectARecoveryCodeOfAnEarlierEnrolment() throws Exception {
        fixture.logins.secondFactorService.disable(ALICE);
        fixture.enableTotp(ALICE);

        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + recoveryCodes.get(0).reveal())).isFalse();
    }

    @Test
    void testShouldAcceptThePrimaryPasswordAloneOnceTotpIsDisabled() throws Exception {
        fixture.logins.secondFactorService.disable(ALICE);

        assertThat(fixture.login(ALICE, ALICE_PASSWORD)).isTrue();
    }
}
