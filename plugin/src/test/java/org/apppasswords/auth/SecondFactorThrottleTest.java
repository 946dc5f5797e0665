package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.auth.ThrottleFixture.ATTACKER;
import static org.apppasswords.auth.ThrottleFixture.OWNER;
import static org.apppasswords.auth.ThrottleFixture.SECOND_FACTOR_MAX;
import static org.apppasswords.auth.ThrottleFixture.login;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apppasswords.totp.RecoveryCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At most {@value ThrottleFixture#SECOND_FACTOR_MAX} consecutive wrong codes behind a right primary
 * password (NIST SP 800-63B 5.2.2): then TOTP codes are refused until a recovery code or an admin
 * reset. The address and account limits are set high here so that only this rule is at work.
 */
class SecondFactorThrottleTest {
    private LoginFixture fixture;
    private List<RecoveryCode> recoveryCodes;

    @BeforeEach
    void setUp() throws Exception {
        fixture = ThrottleFixture.create(10_000, 10_000);
        recoveryCodes = fixture.enableTotp(ALICE);
    }

    private void wrongCodes(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            // Distinct values, each a wrong code (seven characters never match).
            assertThat(login(fixture, ATTACKER, ALICE, ALICE_PASSWORD + "$" + String.format("%06d", i) + "x")).isFalse();
        }
    }

    private String freshCode() {
        fixture.clock.advance(Duration.ofSeconds(30));
        return fixture.currentCode();
    }

    @Test
    void aRightCodeShouldBeAcceptedAfterOneFailureFewerThanTheLimit() throws Exception {
        wrongCodes(SECOND_FACTOR_MAX - 1);

        assertThat(login(fixture, OWNER, ALICE, ALICE_PASSWORD + "$" + freshCode())).isTrue();
    }

    @Test
    void aRightCodeShouldBeRefusedOnceTheLimitIsReached() throws Exception {
        wrongCodes(SECOND_FACTOR_MAX);

        assertThat(login(fixture, OWNER, ALICE, ALICE_PASSWORD + "$" + freshCode())).isFalse();
    }

    @Test
    void theTotpLockoutShouldNotEndByItself() throws Exception {
        wrongCodes(SECOND_FACTOR_MAX);
        fixture.clock.advance(Duration.ofDays(30));

        assertThat(login(fixture, OWNER, ALICE, ALICE_PASSWORD + "$" + freshCode())).isFalse();
    }

    @Test
    void aRecoveryCodeShouldStillWorkAndReopenTheTotpPath() throws Exception {
        wrongCodes(SECOND_FACTOR_MAX);

        assertThat(login(fixture, OWNER, ALICE, ALICE_PASSWORD + "$" + recoveryCodes.get(0).revealForDisplay())).isTrue();
        assertThat(login(fixture, OWNER, ALICE, ALICE_PASSWORD + "$" + freshCode())).isTrue();
    }

    @Test
    void anAdminResetShouldReopenTheTotpPath() throws Exception {
        wrongCodes(SECOND_FACTOR_MAX);

        fixture.userSecrets.resetSecondFactor(ALICE);
        fixture.enableTotp(ALICE);

        assertThat(login(fixture, OWNER, ALICE, ALICE_PASSWORD + "$" + freshCode())).isTrue();
    }

    @Test
    void aSuccessShouldRestartTheConsecutiveCount() throws Exception {
        wrongCodes(SECOND_FACTOR_MAX - 1);
        assertThat(login(fixture, OWNER, ALICE, ALICE_PASSWORD + "$" + freshCode())).isTrue();
        fixture.clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < SECOND_FACTOR_MAX - 1; i++) {
            login(fixture, ATTACKER, ALICE, ALICE_PASSWORD + "$" + String.format("%06d", i) + "y");
        }

        assertThat(login(fixture, OWNER, ALICE, ALICE_PASSWORD + "$" + freshCode())).isTrue();
    }

    @Test
    void wrongPrimaryPasswordsShouldNotCountAgainstTheTotpPath() throws Exception {
        for (int i = 0; i < SECOND_FACTOR_MAX; i++) {
            login(fixture, "192.0.2." + (i % 200), ALICE, "wrong-" + i + "$123456");
        }

        assertThat(fixture.loginFailures.find(ALICE)).doesNotContainKey(ThrottleState.SECOND_FACTOR);
    }

    @Test
    void theSameWrongCodeRepeatedShouldCountEveryTime() throws Exception {
        // A fixed code is a fresh guess at every time step: no de-duplication behind a right primary password.
        for (int i = 0; i < SECOND_FACTOR_MAX; i++) {
            fixture.clock.advance(Duration.ofSeconds(30));
            assertThat(login(fixture, ATTACKER, ALICE, ALICE_PASSWORD + "$000000")).isFalse();
        }

        assertThat(fixture.loginFailures.find(ALICE).get(ThrottleState.SECOND_FACTOR).failures()).isEqualTo(SECOND_FACTOR_MAX);
        assertThat(login(fixture, OWNER, ALICE, ALICE_PASSWORD + "$" + freshCode())).isFalse();
    }

    @Test
    void theSameWrongCodeRepeatedOnTheSelfServiceDisableCheckShouldCountEveryTime() throws Exception {
        SelfServiceSignIn signIn = fixture.policy.selfServiceSignIn(fixture.james, PrimaryPasswordCheck.delegating());
        for (int i = 0; i < SECOND_FACTOR_MAX; i++) {
            fixture.clock.advance(Duration.ofSeconds(30));
            assertThat(signIn.spendSecondFactorCode(ALICE, "000000")).isFalse();
        }

        assertThat(signIn.spendSecondFactorCode(ALICE, freshCode())).isFalse();
        assertThat(login(fixture, OWNER, ALICE, ALICE_PASSWORD + "$" + freshCode())).isFalse();
    }

    @Test
    void theSelfServiceCodeCheckShouldShareTheTotpLockout() throws Exception {
        wrongCodes(SECOND_FACTOR_MAX);
        SelfServiceSignIn signIn = fixture.policy.selfServiceSignIn(fixture.james, PrimaryPasswordCheck.delegating());

        assertThat(signIn.signIn(ALICE, ALICE_PASSWORD + "$" + freshCode())).isEqualTo(SignInProof.NOTHING);
        assertThat(signIn.spendSecondFactorCode(ALICE, freshCode())).isFalse();
        assertThat(signIn.spendSecondFactorCode(ALICE, recoveryCodes.get(1).revealForDisplay())).isTrue();
        assertThat(signIn.spendSecondFactorCode(ALICE, freshCode())).isTrue();
    }

    @Test
    void aRemovedUserShouldLeaveNoCountForALaterUserOfTheSameName() throws Exception {
        wrongCodes(SECOND_FACTOR_MAX);

        fixture.testee.removeUser(ALICE);

        assertThat(fixture.loginFailures.find(ALICE)).isEmpty();
    }

    @Test
    void aRenameShouldForgetTheOldNamesCounts() throws Exception {
        wrongCodes(SECOND_FACTOR_MAX);

        fixture.userSecrets.move(ALICE, LoginFixture.UNKNOWN);

        assertThat(fixture.loginFailures.find(ALICE)).isEmpty();
    }
}
