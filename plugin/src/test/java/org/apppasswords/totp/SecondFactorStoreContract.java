package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.james.core.Username;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc contract of {@link SecondFactorStore}, run once per backend: implement
 * {@link #testee()} to return an empty store for each test. Uses the interface only.
 */
public interface SecondFactorStoreContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    Instant ENABLED_AT = Instant.parse("2024-03-01T12:00:00Z");
    // Base32 of the RFC 6238 SHA1 seed and of another 20-byte value.
    TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    TotpSecret OTHER_SECRET = TotpSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    long STEP = 56_950_000L;

    SecondFactorStore testee();

    static List<String> recoveryHashes(String prefix) {
        return IntStream.range(0, 10)
            .mapToObj(i -> "$sha256$" + prefix + "c2FsdA" + i + "$aGFzaA" + i)
            .collect(Collectors.toList());
    }

    static TotpEnrolment enrolment() {
        return TotpEnrolment.enabled(SECRET, ENABLED_AT, recoveryHashes("a"));
    }

    @Test
    default void findShouldReturnEmptyWhenTotpIsOff() {
        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void enableShouldReturnTrueWhenTotpWasOff() {
        assertThat(testee().enable(ALICE, enrolment())).isTrue();
    }

    @Test
    default void enableShouldStoreTheWholeEnrolment() {
        testee().enable(ALICE, enrolment());

        TotpEnrolment found = testee().find(ALICE).orElseThrow();
        assertThat(found.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        assertThat(found.enabledAt()).isEqualTo(ENABLED_AT);
        assertThat(found.lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(found.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a"));
    }

    @Test
    default void enableShouldKeepTheGivenLastUsedStep() {
        testee().enable(ALICE, new TotpEnrolment(SECRET, ENABLED_AT, STEP, recoveryHashes("a")));

        assertThat(testee().find(ALICE).orElseThrow().lastUsedStep()).isEqualTo(STEP);
        assertThat(testee().advanceLastUsedStep(ALICE, STEP)).isFalse();
    }

    @Test
    default void enableShouldRefuseWhileAnotherEnrolmentIsOn() {
        testee().enable(ALICE, enrolment());
        testee().advanceLastUsedStep(ALICE, STEP);

        assertThat(testee().enable(ALICE, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT.plusSeconds(60), recoveryHashes("b")))).isFalse();

        TotpEnrolment found = testee().find(ALICE).orElseThrow();
        assertThat(found.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        assertThat(found.lastUsedStep()).isEqualTo(STEP);
        assertThat(found.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a"));
    }

    @Test
    default void enableShouldSucceedAgainAfterDisable() {
        testee().enable(ALICE, enrolment());
        testee().advanceLastUsedStep(ALICE, STEP);
        testee().disable(ALICE);

        assertThat(testee().enable(ALICE, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT.plusSeconds(60), recoveryHashes("b")))).isTrue();

        TotpEnrolment found = testee().find(ALICE).orElseThrow();
        assertThat(found.secret().revealBytes()).isEqualTo(OTHER_SECRET.revealBytes());
        assertThat(found.lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(found.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("b"));
    }

    @Test
    default void disableShouldRemoveTheEnrolment() {
        testee().enable(ALICE, enrolment());

        assertThat(testee().disable(ALICE)).isTrue();
        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void disableShouldReturnFalseWhenTotpIsOff() {
        assertThat(testee().disable(ALICE)).isFalse();
    }

    @Test
    default void disableShouldReturnFalseWhenAlreadyDisabled() {
        testee().enable(ALICE, enrolment());
        testee().disable(ALICE);

        assertThat(testee().disable(ALICE)).isFalse();
    }

    @Test
    default void disableShouldNotTouchAnotherUser() {
        testee().enable(ALICE, enrolment());
        testee().enable(BOB, enrolment());

        testee().disable(ALICE);

        assertThat(testee().find(BOB)).isPresent();
    }

    @Test
    default void advanceLastUsedStepShouldRecordTheFirstStep() {
        testee().enable(ALICE, enrolment());

        assertThat(testee().advanceLastUsedStep(ALICE, STEP)).isTrue();
        assertThat(testee().find(ALICE).orElseThrow().lastUsedStep()).isEqualTo(STEP);
    }

    @Test
    default void advanceLastUsedStepShouldAcceptALaterStep() {
        testee().enable(ALICE, enrolment());
        testee().advanceLastUsedStep(ALICE, STEP);

        assertThat(testee().advanceLastUsedStep(ALICE, STEP + 1)).isTrue();
        assertThat(testee().find(ALICE).orElseThrow().lastUsedStep()).isEqualTo(STEP + 1);
    }

    @Test
    default void advanceLastUsedStepShouldRefuseTheSameStep() {
        testee().enable(ALICE, enrolment());
        testee().advanceLastUsedStep(ALICE, STEP);

        assertThat(testee().advanceLastUsedStep(ALICE, STEP)).isFalse();
        assertThat(testee().find(ALICE).orElseThrow().lastUsedStep()).isEqualTo(STEP);
    }

    @Test
    default void advanceLastUsedStepShouldRefuseAnEarlierStep() {
        testee().enable(ALICE, enrolment());
        testee().advanceLastUsedStep(ALICE, STEP);

        assertThat(testee().advanceLastUsedStep(ALICE, STEP - 1)).isFalse();
        assertThat(testee().find(ALICE).orElseThrow().lastUsedStep()).isEqualTo(STEP);
    }

    @Test
    default void advanceLastUsedStepShouldReturnFalseWhenTotpIsOff() {
        assertThat(testee().advanceLastUsedStep(ALICE, STEP)).isFalse();
        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void advanceLastUsedStepShouldNotTouchAnotherUser() {
        testee().enable(ALICE, enrolment());
        testee().enable(BOB, enrolment());

        testee().advanceLastUsedStep(ALICE, STEP);

        assertThat(testee().advanceLastUsedStep(BOB, STEP)).isTrue();
    }

    @Test
    default void advanceLastUsedStepShouldKeepTheRecoveryCodes() {
        testee().enable(ALICE, enrolment());

        testee().advanceLastUsedStep(ALICE, STEP);

        assertThat(testee().find(ALICE).orElseThrow().recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a"));
    }

    @Test
    default void consumeRecoveryCodeShouldSucceedOnceOnly() {
        testee().enable(ALICE, enrolment());
        String code = recoveryHashes("a").get(3);

        assertThat(testee().consumeRecoveryCode(ALICE, code)).isTrue();
        assertThat(testee().consumeRecoveryCode(ALICE, code)).isFalse();
    }

    @Test
    default void consumeRecoveryCodeShouldKeepTheOtherCodesAndTheLastStep() {
        testee().enable(ALICE, enrolment());
        testee().advanceLastUsedStep(ALICE, STEP);
        List<String> hashes = recoveryHashes("a");

        testee().consumeRecoveryCode(ALICE, hashes.get(3));

        TotpEnrolment found = testee().find(ALICE).orElseThrow();
        assertThat(found.recoveryCodeHashes()).hasSize(9).doesNotContain(hashes.get(3));
        assertThat(found.lastUsedStep()).isEqualTo(STEP);
    }

    @Test
    default void findShouldKeepTheSlotOrderOfTheCodesLeft() {
        testee().enable(ALICE, enrolment());
        List<String> hashes = recoveryHashes("a");

        testee().consumeRecoveryCode(ALICE, hashes.get(0));
        testee().consumeRecoveryCode(ALICE, hashes.get(5));

        assertThat(testee().find(ALICE).orElseThrow().recoveryCodeHashes())
            .containsExactly(hashes.get(1), hashes.get(2), hashes.get(3), hashes.get(4), hashes.get(6), hashes.get(7), hashes.get(8), hashes.get(9));
    }

    @Test
    default void findShouldReturnTheEnrolmentWhenEveryRecoveryCodeIsSpent() {
        testee().enable(ALICE, enrolment());
        testee().advanceLastUsedStep(ALICE, STEP);
        recoveryHashes("a").forEach(hash -> testee().consumeRecoveryCode(ALICE, hash));

        TotpEnrolment found = testee().find(ALICE).orElseThrow();
        assertThat(found.recoveryCodeHashes()).isEmpty();
        assertThat(found.lastUsedStep()).isEqualTo(STEP);
        assertThat(found.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
    }

    @Test
    default void consumeRecoveryCodeShouldReturnFalseForAnUnknownHash() {
        testee().enable(ALICE, enrolment());

        assertThat(testee().consumeRecoveryCode(ALICE, recoveryHashes("b").get(0))).isFalse();
        assertThat(testee().find(ALICE).orElseThrow().recoveryCodeHashes()).hasSize(10);
    }

    @Test
    default void consumeRecoveryCodeShouldReturnFalseWhenTotpIsOff() {
        assertThat(testee().consumeRecoveryCode(ALICE, recoveryHashes("a").get(0))).isFalse();
        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void consumeRecoveryCodeShouldReturnFalseAfterDisable() {
        testee().enable(ALICE, enrolment());
        testee().disable(ALICE);

        assertThat(testee().consumeRecoveryCode(ALICE, recoveryHashes("a").get(0))).isFalse();
    }

    @Test
    default void consumeRecoveryCodeShouldNotSpendAnotherUsersCode() {
        testee().enable(ALICE, enrolment());
        testee().enable(BOB, enrolment());

        testee().consumeRecoveryCode(ALICE, recoveryHashes("a").get(0));

        assertThat(testee().consumeRecoveryCode(BOB, recoveryHashes("a").get(0))).isTrue();
    }

    @Test
    default void concurrentAdvancesToTheSameStepShouldSucceedOnce() throws Exception {
        testee().enable(ALICE, enrolment());

        List<Boolean> advanced = Concurrently.run(Concurrently.THREADS, index -> testee().advanceLastUsedStep(ALICE, STEP));

        assertThat(Collections.frequency(advanced, true)).isEqualTo(1);
        assertThat(testee().find(ALICE).orElseThrow().lastUsedStep()).isEqualTo(STEP);
    }

    @Test
    default void concurrentAdvancesShouldEndOnTheGreatestStep() throws Exception {
        testee().enable(ALICE, enrolment());

        Concurrently.run(Concurrently.THREADS, index -> testee().advanceLastUsedStep(ALICE, STEP + index));

        assertThat(testee().find(ALICE).orElseThrow().lastUsedStep()).isEqualTo(STEP + Concurrently.THREADS - 1);
    }

    @Test
    default void concurrentConsumptionsOfTheSameRecoveryCodeShouldSucceedOnce() throws Exception {
        testee().enable(ALICE, enrolment());
        String code = recoveryHashes("a").get(0);

        List<Boolean> consumed = Concurrently.run(Concurrently.THREADS, index -> testee().consumeRecoveryCode(ALICE, code));

        assertThat(Collections.frequency(consumed, true)).isEqualTo(1);
        assertThat(testee().find(ALICE).orElseThrow().recoveryCodeHashes()).hasSize(9);
    }

    @Test
    default void concurrentConsumptionsOfDistinctRecoveryCodesShouldAllSucceed() throws Exception {
        testee().enable(ALICE, enrolment());
        List<String> hashes = recoveryHashes("a");

        List<Boolean> consumed = Concurrently.run(hashes.size(), index -> testee().consumeRecoveryCode(ALICE, hashes.get(index)));

        assertThat(consumed).containsOnly(true);
        assertThat(testee().find(ALICE).orElseThrow().recoveryCodeHashes()).isEmpty();
    }

    @Test
    default void findPendingEnrolmentShouldReturnEmptyWhenNoneStarted() {
        assertThat(testee().findPendingEnrolment(ALICE)).isEmpty();
    }

    @Test
    default void startEnrolmentShouldKeepThePendingSecretWithoutEnablingTotp() {
        testee().startEnrolment(ALICE, new PendingTotpEnrolment(SECRET, ENABLED_AT));

        PendingTotpEnrolment pending = testee().findPendingEnrolment(ALICE).orElseThrow();
        assertThat(pending.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        assertThat(pending.startedAt()).isEqualTo(ENABLED_AT);
        assertThat(testee().find(ALICE)).isEmpty();
        assertThat(testee().advanceLastUsedStep(ALICE, STEP)).isFalse();
    }

    @Test
    default void startEnrolmentShouldReplaceTheEarlierPendingOne() {
        testee().startEnrolment(ALICE, new PendingTotpEnrolment(SECRET, ENABLED_AT));
        testee().startEnrolment(ALICE, new PendingTotpEnrolment(OTHER_SECRET, ENABLED_AT.plusSeconds(5)));

        PendingTotpEnrolment pending = testee().findPendingEnrolment(ALICE).orElseThrow();
        assertThat(pending.secret().revealBytes()).isEqualTo(OTHER_SECRET.revealBytes());
        assertThat(pending.startedAt()).isEqualTo(ENABLED_AT.plusSeconds(5));
    }

    @Test
    default void startEnrolmentShouldNotTouchAnotherUser() {
        testee().startEnrolment(ALICE, new PendingTotpEnrolment(SECRET, ENABLED_AT));

        assertThat(testee().findPendingEnrolment(BOB)).isEmpty();
    }

    @Test
    default void enableShouldDropThePendingEnrolment() {
        testee().startEnrolment(ALICE, new PendingTotpEnrolment(SECRET, ENABLED_AT));

        testee().enable(ALICE, enrolment());

        assertThat(testee().findPendingEnrolment(ALICE)).isEmpty();
    }

    @Test
    default void disableShouldDropThePendingEnrolment() {
        testee().startEnrolment(ALICE, new PendingTotpEnrolment(SECRET, ENABLED_AT));

        assertThat(testee().disable(ALICE)).isFalse();

        assertThat(testee().findPendingEnrolment(ALICE)).isEmpty();
    }

    @Test
    default void moveToShouldHandTheWholeEnrolmentToTheNewName() {
        testee().enable(ALICE, enrolment());
        testee().advanceLastUsedStep(ALICE, STEP);
        testee().consumeRecoveryCode(ALICE, recoveryHashes("a").get(0));

        assertThat(testee().moveTo(ALICE, BOB)).isTrue();

        assertThat(testee().find(ALICE)).isEmpty();
        TotpEnrolment moved = testee().find(BOB).orElseThrow();
        assertThat(moved.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        assertThat(moved.enabledAt()).isEqualTo(ENABLED_AT);
        assertThat(moved.lastUsedStep()).isEqualTo(STEP);
        assertThat(moved.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a").subList(1, 10));
    }

    @Test
    default void moveToShouldKeepTheTargetsOwnEnrolment() {
        testee().enable(ALICE, enrolment());
        testee().enable(BOB, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT, recoveryHashes("b")));

        assertThat(testee().moveTo(ALICE, BOB)).isFalse();

        assertThat(testee().find(ALICE)).isEmpty();
        assertThat(testee().find(BOB).orElseThrow().secret().revealBytes()).isEqualTo(OTHER_SECRET.revealBytes());
    }

    @Test
    default void moveToShouldReturnFalseWhenTotpIsOff() {
        assertThat(testee().moveTo(ALICE, BOB)).isFalse();
        assertThat(testee().find(BOB)).isEmpty();
    }

    @Test
    default void moveToShouldDropAPendingEnrolment() {
        testee().startEnrolment(ALICE, new PendingTotpEnrolment(SECRET, ENABLED_AT));

        testee().moveTo(ALICE, BOB);

        assertThat(testee().findPendingEnrolment(ALICE)).isEmpty();
        assertThat(testee().findPendingEnrolment(BOB)).isEmpty();
    }

    @Test
    default void moveToTheSameNameShouldKeepTheEnrolment() {
        testee().enable(ALICE, enrolment());

        testee().moveTo(ALICE, ALICE);

        assertThat(testee().find(ALICE)).isPresent();
    }

    @Test
    default void concurrentEnablesShouldLeaveOneEnrolment() throws Exception {
        List<Boolean> enabled = Concurrently.run(Concurrently.THREADS,
            index -> testee().enable(ALICE, TotpEnrolment.enabled(SECRET, ENABLED_AT.plusSeconds(index), recoveryHashes("a"))));

        assertThat(Collections.frequency(enabled, true)).isEqualTo(1);
        assertThat(testee().find(ALICE).orElseThrow().enabledAt()).isEqualTo(ENABLED_AT.plusSeconds(enabled.indexOf(true)));
    }
}
