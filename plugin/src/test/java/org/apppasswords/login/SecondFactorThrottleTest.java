package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.james.user.api.model.User;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * At most {@value #MAX_WRONG_CODES} (here; {@code throttle.secondFactor.maxFailures}) wrong codes
 * behind a right primary password (NIST SP 800-63B 5.2.2), then TOTP codes are refused until a
 * recovery code, a primary password change through James or an admin reset. Only guesses count
 * (issue 16: a stale client must not lock its owner out): no code at all, and a code spent before
 * (accepted, or counted wrong once, in any step), are not new guesses. The address and account
 * limits are set high so that only this rule is at work.
 */
class SecondFactorThrottleTest {
    private static final int MAX_WRONG_CODES = 3;
    private static final int STALE_RETRIES = 220;
    private static final LoginOrigin STALE_CLIENT = LoginFixture.from(OWNER, "IMAP");

    private LoginFixture fixture;
    private List<RecoveryCode> recoveryCodes;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder().throttle(LoginFixture.throttle(10_000, 10_000, 10_000, MAX_WRONG_CODES)).build();
        recoveryCodes = fixture.enableTotp(ALICE);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private Verdict login(Entrance entrance, String presented) {
        return fixture.check(entrance, ALICE, presented, STALE_CLIENT);
    }

    private Verdict protocol(String presented) {
        return login(Entrance.PROTOCOL, presented);
    }

    /** {@code count} distinct wrong codes behind the right primary password. */
    private void wrongCodes(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(protocol(ALICE_PASSWORD + "$" + fixture.wrongCode(i)).accepted()).isFalse();
        }
    }

    private int failedCodes() {
        return fixture.enrolment(ALICE).failedCodes();
    }

    @Test
    void aRightCodeShouldBeAcceptedAfterOneWrongCodeFewerThanTheLimit() {
        wrongCodes(MAX_WRONG_CODES - 1);

        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isTrue();
    }

    @Test
    void distinctWrongCodesShouldLockTheCodesAtTheLimit() {
        wrongCodes(MAX_WRONG_CODES - 1);

        Verdict locking = protocol(ALICE_PASSWORD + "$" + fixture.wrongCode(MAX_WRONG_CODES));

        assertThat(locking.lockedCodes()).isTrue();
        assertThat(failedCodes()).isEqualTo(MAX_WRONG_CODES);
        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isFalse();
    }

    @Test
    void aRightCodeRefusedWhileLockedShouldNotBeSpent() {
        wrongCodes(MAX_WRONG_CODES);
        String code = fixture.freshCode();
        assertThat(protocol(ALICE_PASSWORD + "$" + code).accepted()).isFalse();

        assertThat(protocol(ALICE_PASSWORD + "$" + recoveryCodes.get(0).reveal()).accepted()).isTrue();

        assertThat(protocol(ALICE_PASSWORD + "$" + code).accepted()).as("the same code, once unlocked").isTrue();
    }

    @Test
    void theLockOfTheCodesShouldNotEndByItself() {
        wrongCodes(MAX_WRONG_CODES);
        fixture.clock.advance(Duration.ofDays(30));

        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isFalse();
    }

    @Test
    void aRecoveryCodeShouldWorkWhileLockedAndEndTheLock() {
        wrongCodes(MAX_WRONG_CODES);

        Verdict recovered = protocol(ALICE_PASSWORD + "$" + recoveryCodes.get(0).revealForDisplay());

        assertThat(recovered.proof()).isEqualTo(Verdict.Proof.RECOVERY_CODE);
        assertThat(failedCodes()).isZero();
        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isTrue();
    }

    @Test
    void aPrimaryPasswordChangeThroughJamesShouldEndTheLock() throws Exception {
        wrongCodes(MAX_WRONG_CODES);

        User alice = fixture.decorator.getUserByName(ALICE);
        alice.setPassword("alice-New-Primary-4");
        fixture.decorator.updateUser(alice);

        assertThat(failedCodes()).isZero();
        String code = fixture.freshCode();
        assertThat(protocol(ALICE_PASSWORD + "$" + code).accepted()).as("the old password").isFalse();
        assertThat(protocol("alice-New-Primary-4$" + code).accepted()).isTrue();
    }

    @Test
    void anAdminResetShouldEndTheLock() {
        wrongCodes(MAX_WRONG_CODES);

        fixture.logins.userSecrets.resetSecondFactor(ALICE);

        assertThat(protocol(ALICE_PASSWORD).accepted()).as("TOTP is off").isTrue();
        fixture.enableTotp(ALICE);
        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isTrue();
    }

    @Test
    void aSuccessShouldRestartTheCount() {
        wrongCodes(MAX_WRONG_CODES - 1);
        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isTrue();
        assertThat(failedCodes()).isZero();
        fixture.clock.advance(Duration.ofSeconds(1));

        wrongCodes(MAX_WRONG_CODES - 1);

        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Entrance.class, names = {"PROTOCOL", "SIGN_IN"})
    void barePrimaryPasswordRetriesShouldNeverLockTheCodes(Entrance entrance) {
        // A mail client forgotten when TOTP was turned on, retrying every two minutes.
        for (int i = 0; i < STALE_RETRIES; i++) {
            fixture.clock.advance(Duration.ofMinutes(2));
            Verdict verdict = login(entrance, ALICE_PASSWORD);
            assertThat(verdict.accepted()).isFalse();
            assertThat(verdict.lockedCodes()).isFalse();
        }

        assertThat(failedCodes()).isZero();
        assertThat(login(entrance, ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Entrance.class, names = {"PROTOCOL", "SIGN_IN"})
    void replaysOfAnAcceptedCodeShouldNeverLockTheCodes(Entrance entrance) {
        // A mail client that saved primary$CODE once, retrying it within the step and long after.
        String saved = ALICE_PASSWORD + "$" + fixture.currentCode();
        assertThat(login(entrance, saved).accepted()).isTrue();
        for (int i = 0; i < STALE_RETRIES; i++) {
            fixture.clock.advance(i < 10 ? Duration.ofSeconds(1) : Duration.ofMinutes(2));
            assertThat(login(entrance, saved).accepted()).isFalse();
        }

        assertThat(failedCodes()).isZero();
        assertThat(login(entrance, ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isTrue();
    }

    @Test
    void theSameWrongCodeWithinOneStepShouldCountOnce() {
        String wrong = ALICE_PASSWORD + "$" + fixture.wrongCode();
        for (int i = 0; i < STALE_RETRIES; i++) {
            assertThat(protocol(wrong).accepted()).isFalse();
        }

        assertThat(failedCodes()).isEqualTo(1);
        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.currentCode()).accepted()).isTrue();
    }

    /**
     * A stale client retrying a saved code once a step counts once: the code is spent when counted,
     * so it can never be accepted, even in a step whose code it is, and repeating it guesses nothing.
     */
    @Test
    void theSameWrongCodeInLaterStepsShouldCountOnce() {
        String wrong = "000000";
        for (int i = 0; i < 2 * MAX_WRONG_CODES; i++) {
            fixture.clock.advance(Totp.STEP);
            long step = fixture.currentStep();
            assertThat(List.of(LoginFixture.code(step - 1), LoginFixture.code(step), LoginFixture.code(step + 1))).doesNotContain(wrong);
            assertThat(protocol(ALICE_PASSWORD + "$" + wrong).accepted()).isFalse();
        }

        assertThat(failedCodes()).isEqualTo(1);
        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isTrue();
    }

    @Test
    void aCodeAcceptedBeforeShouldBeRefusedWhenItMatchesALaterStep() {
        // Found by search (and checked with Python's hmac): with the RFC 6238 SHA1 seed the code of
        // step 56976480 (the fixture's start) comes back 521728 steps later, at step 57498208.
        long first = fixture.currentStep();
        long later = 57_498_208L;
        assertThat(first).isEqualTo(56_976_480L);
        assertThat(LoginFixture.code(later)).isEqualTo(LoginFixture.code(first)).isEqualTo("099891");
        assertThat(protocol(ALICE_PASSWORD + "$099891").accepted()).isTrue();
        fixture.clock.advance(Totp.STEP.multipliedBy(later - first));

        Verdict replay = protocol(ALICE_PASSWORD + "$099891");

        assertThat(replay.accepted()).isFalse();
        assertThat(failedCodes()).as("not a guess either").isZero();
        assertThat(fixture.enrolment(ALICE).lastUsedStep()).isEqualTo(first);
        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isTrue();
    }

    @Test
    void wrongPrimaryPasswordsShouldNotCountAgainstTheCodes() {
        for (int i = 0; i < 2 * MAX_WRONG_CODES; i++) {
            assertThat(protocol("wrong-" + i + "$" + fixture.wrongCode(i)).accepted()).isFalse();
        }

        assertThat(failedCodes()).isZero();
        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.currentCode()).accepted()).isTrue();
    }

    @Test
    void wrongCodesOnTheCodeEntranceShouldShareTheCount() {
        for (int i = 0; i < MAX_WRONG_CODES; i++) {
            assertThat(login(Entrance.CODE, fixture.wrongCode(i)).accepted()).isFalse();
        }

        assertThat(failedCodes()).isEqualTo(MAX_WRONG_CODES);
        assertThat(protocol(ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isFalse();
    }

    @Test
    void everyEntranceShouldShareTheLockOfTheCodes() {
        wrongCodes(MAX_WRONG_CODES);

        assertThat(login(Entrance.SIGN_IN, ALICE_PASSWORD + "$" + fixture.freshCode()).accepted()).isFalse();
        assertThat(login(Entrance.CODE, fixture.freshCode()).accepted()).isFalse();
        assertThat(login(Entrance.CODE, recoveryCodes.get(1).revealForDisplay()).accepted()).isTrue();
        assertThat(login(Entrance.CODE, fixture.freshCode()).accepted()).isTrue();
    }
}
