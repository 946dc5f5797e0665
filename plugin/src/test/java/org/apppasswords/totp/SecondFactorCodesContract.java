package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.james.core.Username;
import org.apppasswords.store.UserGenerations;
import org.apppasswords.testing.Concurrently;
import org.apppasswords.totp.SecondFactorStore.EnableOutcome;
import org.junit.jupiter.api.Test;

/**
 * The part of {@link SecondFactorStore}'s contract that guards the codes: spending a TOTP code,
 * counting a wrong one, spending a recovery code, forgetting the count. Run on every backend
 * through {@link SecondFactorStoreContract}. Fingerprints are opaque to a store: these are real
 * ones ({@link TotpSecret#fingerprint}), so that they have the length a store must keep.
 */
public interface SecondFactorCodesContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    Instant ENABLED_AT = Instant.parse("2024-03-01T12:00:00Z");
    // Base32 of the RFC 6238 SHA1 seed and of another 20-byte value.
    TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    TotpSecret OTHER_SECRET = TotpSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    long STEP = 56_950_000L;
    /** {@code throttle.secondFactor.maxFailures} in these tests. */
    int MAX = 3;

    SecondFactorStore testee();

    /** The generations {@link #testee()} checks its enables against. */
    UserGenerations generations();

    /** Enables with the user's generation now, as a caller that nothing revoked meanwhile. */
    default EnableOutcome enable(Username user, TotpEnrolment enrolment) {
        return testee().enable(user, enrolment, generations().current(user));
    }

    default List<String> recoveryHashes(String prefix) {
        return IntStream.range(0, RecoveryCodes.COUNT)
            .mapToObj(i -> "$sha256$" + prefix + "c2FsdA" + i + "$aGFzaA" + i)
            .collect(Collectors.toList());
    }

    default TotpEnrolment enrolment() {
        return TotpEnrolment.enabled(SECRET, ENABLED_AT, recoveryHashes("a"));
    }

    default String fingerprint(String value) {
        return SECRET.fingerprint(value);
    }

    /** Spends {@code step} with one fingerprint as the spent codes. */
    default boolean spend(Username user, long step) {
        return testee().spendCode(user, step, List.of(fingerprint("spent:" + step)), MAX);
    }

    /** Spends the recovery code of {@code hash}, with a fingerprint of its own. */
    default boolean consume(Username user, String hash) {
        return testee().consumeRecoveryCode(user, hash, fingerprint("recovery:" + hash));
    }

    /** Counts {@code MAX} different wrong codes: the codes are locked. */
    default void lock(Username user) {
        for (int i = 0; i < MAX; i++) {
            testee().countWrongCode(user, fingerprint("wrong:" + i), MAX);
        }
    }

    default TotpEnrolment found(Username user) {
        return testee().find(user).orElseThrow();
    }

    @Test
    default void spendCodeShouldRecordTheFirstStepAndTheSpentCodes() {
        enable(ALICE, enrolment());

        assertThat(testee().spendCode(ALICE, STEP, List.of(fingerprint("a")), MAX)).isTrue();

        assertThat(found(ALICE).lastUsedStep()).isEqualTo(STEP);
        assertThat(found(ALICE).spentCodes()).containsExactly(fingerprint("a"));
    }

    @Test
    default void spendCodeShouldAcceptALaterStepAndReplaceTheSpentCodes() {
        enable(ALICE, enrolment());
        testee().spendCode(ALICE, STEP, List.of(fingerprint("a")), MAX);

        assertThat(testee().spendCode(ALICE, STEP + 1, List.of(fingerprint("a"), fingerprint("b")), MAX)).isTrue();

        assertThat(found(ALICE).lastUsedStep()).isEqualTo(STEP + 1);
        assertThat(found(ALICE).spentCodes()).containsExactly(fingerprint("a"), fingerprint("b"));
    }

    @Test
    default void spendCodeShouldKeepTenSpentCodesOfFullLength() {
        enable(ALICE, enrolment());
        List<String> ten = IntStream.range(0, TotpEnrolment.SPENT_CODES_KEPT).mapToObj(i -> fingerprint("code " + i))
            .collect(Collectors.toList());

        testee().spendCode(ALICE, STEP, ten, MAX);

        assertThat(found(ALICE).spentCodes()).containsExactlyElementsOf(ten);
    }

    @Test
    default void spendCodeShouldRefuseTheSameStepAndChangeNothing() {
        enable(ALICE, enrolment());
        testee().spendCode(ALICE, STEP, List.of(fingerprint("a")), MAX);

        assertThat(testee().spendCode(ALICE, STEP, List.of(fingerprint("a"), fingerprint("b")), MAX)).isFalse();

        assertThat(found(ALICE).lastUsedStep()).isEqualTo(STEP);
        assertThat(found(ALICE).spentCodes()).containsExactly(fingerprint("a"));
    }

    @Test
    default void spendCodeShouldRefuseAnEarlierStep() {
        enable(ALICE, enrolment());
        spend(ALICE, STEP);

        assertThat(spend(ALICE, STEP - 1)).isFalse();
        assertThat(found(ALICE).lastUsedStep()).isEqualTo(STEP);
    }

    @Test
    default void spendCodeShouldReturnFalseWhenTotpIsOff() {
        assertThat(spend(ALICE, STEP)).isFalse();
        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void spendCodeShouldForgetTheWrongCodesCounted() {
        enable(ALICE, enrolment());
        testee().countWrongCode(ALICE, fingerprint("wrong"), MAX);

        assertThat(spend(ALICE, STEP)).isTrue();

        assertThat(found(ALICE).failedCodes()).isZero();
    }

    @Test
    default void spendCodeShouldSucceedJustBelowTheLimit() {
        enable(ALICE, enrolment());
        for (int i = 0; i < MAX - 1; i++) {
            testee().countWrongCode(ALICE, fingerprint("wrong:" + i), MAX);
        }

        assertThat(spend(ALICE, STEP)).isTrue();
    }

    @Test
    default void spendCodeShouldRefuseWhileTheCodesAreLockedAndChangeNothing() {
        enable(ALICE, enrolment());
        spend(ALICE, STEP);
        lock(ALICE);

        assertThat(spend(ALICE, STEP + 1)).isFalse();

        TotpEnrolment locked = found(ALICE);
        assertThat(locked.lastUsedStep()).isEqualTo(STEP);
        assertThat(locked.failedCodes()).isEqualTo(MAX);
        assertThat(locked.spentCodes()).containsExactly(fingerprint("spent:" + STEP), fingerprint("wrong:0"), fingerprint("wrong:1"),
            fingerprint("wrong:2"));
    }

    @Test
    default void spendCodeShouldRefuseWhenALowerLimitIsAlreadyReached() {
        enable(ALICE, enrolment());
        testee().countWrongCode(ALICE, fingerprint("wrong"), MAX);

        // An operator lowered throttle.secondFactor.maxFailures below the count already kept.
        assertThat(testee().spendCode(ALICE, STEP, List.of(), 1)).isFalse();
    }

    @Test
    default void spendCodeShouldKeepTheRecoveryCodes() {
        enable(ALICE, enrolment());

        spend(ALICE, STEP);

        assertThat(found(ALICE).recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a"));
    }

    @Test
    default void spendCodeShouldNotTouchAnotherUser() {
        enable(ALICE, enrolment());
        enable(BOB, enrolment());

        spend(ALICE, STEP);

        assertThat(found(BOB).lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(spend(BOB, STEP)).isTrue();
    }

    @Test
    default void countWrongCodeShouldReturnTheNewCount() {
        enable(ALICE, enrolment());

        assertThat(testee().countWrongCode(ALICE, fingerprint("wrong:1"), MAX)).isEqualTo(OptionalInt.of(1));
        assertThat(testee().countWrongCode(ALICE, fingerprint("wrong:2"), MAX)).isEqualTo(OptionalInt.of(2));

        assertThat(found(ALICE).failedCodes()).isEqualTo(2);
        assertThat(found(ALICE).spentCodes()).containsExactly(fingerprint("wrong:1"), fingerprint("wrong:2"));
    }

    @Test
    default void countWrongCodeShouldRefuseTheSameFingerprintTwiceInARow() {
        enable(ALICE, enrolment());
        testee().countWrongCode(ALICE, fingerprint("wrong"), MAX);

        assertThat(testee().countWrongCode(ALICE, fingerprint("wrong"), MAX)).isEmpty();

        assertThat(found(ALICE).failedCodes()).isEqualTo(1);
    }

    /** Two stale mail clients taking turns with what they saved count once each. */
    @Test
    default void countWrongCodeShouldNotCountAFingerprintAgainOnceAnotherCameBetween() {
        enable(ALICE, enrolment());
        testee().countWrongCode(ALICE, fingerprint("wrong:1"), MAX);
        testee().countWrongCode(ALICE, fingerprint("wrong:2"), MAX);

        assertThat(testee().countWrongCode(ALICE, fingerprint("wrong:1"), MAX)).isEmpty();
        assertThat(testee().countWrongCode(ALICE, fingerprint("wrong:2"), MAX)).isEmpty();
        assertThat(found(ALICE).failedCodes()).isEqualTo(2);
    }

    @Test
    default void countWrongCodeShouldNotCountASpentCode() {
        enable(ALICE, enrolment());
        spend(ALICE, STEP);
        consume(ALICE, recoveryHashes("a").get(0));

        assertThat(testee().countWrongCode(ALICE, fingerprint("spent:" + STEP), MAX)).isEmpty();
        assertThat(testee().countWrongCode(ALICE, fingerprint("recovery:" + recoveryHashes("a").get(0)), MAX)).isEmpty();
        assertThat(found(ALICE).failedCodes()).isZero();
    }

    @Test
    default void countWrongCodeShouldKeepTheLastSpentCodesOfFullLength() {
        enable(ALICE, enrolment());
        int counted = TotpEnrolment.SPENT_CODES_KEPT + 5;
        for (int i = 0; i < counted; i++) {
            testee().countWrongCode(ALICE, fingerprint("wrong:" + i), counted + 1);
        }

        assertThat(found(ALICE).spentCodes()).containsExactlyElementsOf(IntStream.range(5, counted)
            .mapToObj(i -> fingerprint("wrong:" + i)).collect(Collectors.toList()));
        // Forgotten, so counted again.
        assertThat(testee().countWrongCode(ALICE, fingerprint("wrong:0"), counted + 1)).isEqualTo(OptionalInt.of(counted + 1));
    }

    @Test
    default void countWrongCodeShouldStopAtTheMaximum() {
        enable(ALICE, enrolment());
        lock(ALICE);

        assertThat(testee().countWrongCode(ALICE, fingerprint("one more"), MAX)).isEmpty();

        assertThat(found(ALICE).failedCodes()).isEqualTo(MAX);
        assertThat(found(ALICE).spentCodes()).doesNotContain(fingerprint("one more"));
    }

    @Test
    default void countWrongCodeShouldReturnEmptyWhenTotpIsOff() {
        assertThat(testee().countWrongCode(ALICE, fingerprint("wrong"), MAX)).isEmpty();
        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void countWrongCodeShouldKeepTheStepTheSpentCodesAndTheRecoveryCodes() {
        enable(ALICE, enrolment());
        spend(ALICE, STEP);

        testee().countWrongCode(ALICE, fingerprint("wrong"), MAX);

        TotpEnrolment counted = found(ALICE);
        assertThat(counted.lastUsedStep()).isEqualTo(STEP);
        assertThat(counted.spentCodes()).containsExactly(fingerprint("spent:" + STEP), fingerprint("wrong"));
        assertThat(counted.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a"));
    }

    @Test
    default void countWrongCodeShouldNotTouchAnotherUser() {
        enable(ALICE, enrolment());
        enable(BOB, enrolment());

        lock(ALICE);

        assertThat(found(BOB).failedCodes()).isZero();
        assertThat(testee().countWrongCode(BOB, fingerprint("wrong:0"), MAX)).isEqualTo(OptionalInt.of(1));
    }

    @Test
    default void consumeRecoveryCodeShouldSucceedOnceOnly() {
        enable(ALICE, enrolment());
        String code = recoveryHashes("a").get(3);

        assertThat(consume(ALICE, code)).isTrue();
        assertThat(consume(ALICE, code)).isFalse();
    }

    @Test
    default void consumeRecoveryCodeShouldKeepTheOtherCodesTheStepAndTheSpentCodes() {
        enable(ALICE, enrolment());
        spend(ALICE, STEP);
        List<String> hashes = recoveryHashes("a");

        consume(ALICE, hashes.get(3));

        TotpEnrolment found = found(ALICE);
        assertThat(found.recoveryCodeHashes()).hasSize(9).doesNotContain(hashes.get(3));
        assertThat(found.lastUsedStep()).isEqualTo(STEP);
        assertThat(found.spentCodes()).containsExactly(fingerprint("spent:" + STEP), fingerprint("recovery:" + hashes.get(3)));
    }

    @Test
    default void consumeRecoveryCodeShouldEndALockOfTheCodes() {
        enable(ALICE, enrolment());
        lock(ALICE);

        assertThat(consume(ALICE, recoveryHashes("a").get(0))).isTrue();

        assertThat(found(ALICE).failedCodes()).isZero();
        assertThat(spend(ALICE, STEP)).isTrue();
    }

    @Test
    default void consumeRecoveryCodeShouldKeepTheCountWhenTheCodeIsUnknown() {
        enable(ALICE, enrolment());
        testee().countWrongCode(ALICE, fingerprint("wrong"), MAX);

        assertThat(consume(ALICE, recoveryHashes("b").get(0))).isFalse();

        assertThat(found(ALICE).failedCodes()).isEqualTo(1);
        assertThat(found(ALICE).spentCodes()).containsExactly(fingerprint("wrong"));
        assertThat(found(ALICE).recoveryCodeHashes()).hasSize(10);
    }

    @Test
    default void findShouldKeepTheSlotOrderOfTheCodesLeft() {
        enable(ALICE, enrolment());
        List<String> hashes = recoveryHashes("a");

        consume(ALICE, hashes.get(0));
        consume(ALICE, hashes.get(5));

        assertThat(found(ALICE).recoveryCodeHashes())
            .containsExactly(hashes.get(1), hashes.get(2), hashes.get(3), hashes.get(4), hashes.get(6), hashes.get(7), hashes.get(8), hashes.get(9));
    }

    @Test
    default void findShouldReturnTheEnrolmentWhenEveryRecoveryCodeIsSpent() {
        enable(ALICE, enrolment());
        spend(ALICE, STEP);
        recoveryHashes("a").forEach(hash -> consume(ALICE, hash));

        TotpEnrolment found = found(ALICE);
        assertThat(found.recoveryCodeHashes()).isEmpty();
        assertThat(found.lastUsedStep()).isEqualTo(STEP);
        assertThat(found.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
    }

    @Test
    default void consumeRecoveryCodeShouldReturnFalseWhenTotpIsOff() {
        assertThat(consume(ALICE, recoveryHashes("a").get(0))).isFalse();
        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void consumeRecoveryCodeShouldReturnFalseAfterDisable() {
        enable(ALICE, enrolment());
        testee().disable(ALICE);

        assertThat(consume(ALICE, recoveryHashes("a").get(0))).isFalse();
    }

    @Test
    default void consumeRecoveryCodeShouldNotSpendAnotherUsersCode() {
        enable(ALICE, enrolment());
        enable(BOB, enrolment());
        testee().countWrongCode(BOB, fingerprint("wrong"), MAX);

        consume(ALICE, recoveryHashes("a").get(0));

        assertThat(found(BOB).failedCodes()).isEqualTo(1);
        assertThat(consume(BOB, recoveryHashes("a").get(0))).isTrue();
    }

    @Test
    default void forgetWrongCodesShouldEndTheCountButKeepTheCodesSpent() {
        enable(ALICE, enrolment());
        lock(ALICE);

        testee().forgetWrongCodes(ALICE);

        assertThat(found(ALICE).failedCodes()).isZero();
        assertThat(testee().countWrongCode(ALICE, fingerprint("wrong:" + (MAX - 1)), MAX)).isEmpty();
        assertThat(testee().countWrongCode(ALICE, fingerprint("another"), MAX)).isEqualTo(OptionalInt.of(1));
    }

    @Test
    default void forgetWrongCodesShouldKeepTheStepTheSpentCodesAndTheRecoveryCodes() {
        enable(ALICE, enrolment());
        spend(ALICE, STEP);
        testee().countWrongCode(ALICE, fingerprint("wrong"), MAX);

        testee().forgetWrongCodes(ALICE);

        TotpEnrolment found = found(ALICE);
        assertThat(found.lastUsedStep()).isEqualTo(STEP);
        assertThat(found.spentCodes()).containsExactly(fingerprint("spent:" + STEP), fingerprint("wrong"));
        assertThat(found.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a"));
        assertThat(spend(ALICE, STEP)).isFalse();
    }

    @Test
    default void forgetWrongCodesShouldDoNothingWhenTotpIsOff() {
        testee().forgetWrongCodes(ALICE);

        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void forgetWrongCodesShouldNotTouchAnotherUser() {
        enable(ALICE, enrolment());
        enable(BOB, enrolment());
        lock(BOB);

        testee().forgetWrongCodes(ALICE);

        assertThat(found(BOB).failedCodes()).isEqualTo(MAX);
        assertThat(spend(BOB, STEP)).isFalse();
    }

    @Test
    default void concurrentSpendsOfTheSameStepShouldSucceedOnce() throws Exception {
        enable(ALICE, enrolment());

        List<Boolean> spent = Concurrently.run(Concurrently.THREADS,
            index -> testee().spendCode(ALICE, STEP, List.of(fingerprint("racer " + index)), MAX));

        assertThat(Collections.frequency(spent, true)).isEqualTo(1);
        TotpEnrolment found = found(ALICE);
        assertThat(found.lastUsedStep()).isEqualTo(STEP);
        assertThat(found.spentCodes()).containsExactly(fingerprint("racer " + spent.indexOf(true)));
    }

    @Test
    default void concurrentSpendsShouldEndOnTheGreatestStep() throws Exception {
        enable(ALICE, enrolment());

        Concurrently.run(Concurrently.THREADS, index -> spend(ALICE, STEP + index));

        assertThat(found(ALICE).lastUsedStep()).isEqualTo(STEP + Concurrently.THREADS - 1);
    }

    @Test
    default void concurrentCountsOfTheSameWrongCodeShouldCountOnce() throws Exception {
        enable(ALICE, enrolment());

        List<OptionalInt> counted = Concurrently.run(Concurrently.THREADS,
            index -> testee().countWrongCode(ALICE, fingerprint("wrong"), MAX));

        assertThat(counted.stream().filter(OptionalInt::isPresent)).containsExactly(OptionalInt.of(1));
        assertThat(found(ALICE).failedCodes()).isEqualTo(1);
        assertThat(found(ALICE).spentCodes()).containsExactly(fingerprint("wrong"));
    }

    @Test
    default void concurrentWrongCodesShouldNeverCountPastTheMaximum() throws Exception {
        enable(ALICE, enrolment());
        int max = 10;

        List<OptionalInt> counted = Concurrently.run(Concurrently.THREADS,
            index -> testee().countWrongCode(ALICE, fingerprint("wrong:" + index), max));

        assertThat(counted.stream().filter(OptionalInt::isPresent).map(OptionalInt::getAsInt))
            .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, max).boxed().collect(Collectors.toList()));
        assertThat(found(ALICE).failedCodes()).isEqualTo(max);
        assertThat(found(ALICE).spentCodes()).hasSize(max);
    }

    @Test
    default void concurrentSpendsWhileTheCodesAreLockedShouldAllBeRefused() throws Exception {
        enable(ALICE, enrolment());
        lock(ALICE);

        List<Boolean> spent = Concurrently.run(Concurrently.THREADS, index -> spend(ALICE, STEP + index));

        assertThat(spent).containsOnly(false);
        assertThat(found(ALICE).lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
    }

    @Test
    default void concurrentConsumptionsOfTheSameRecoveryCodeShouldSucceedOnce() throws Exception {
        enable(ALICE, enrolment());
        String code = recoveryHashes("a").get(0);

        List<Boolean> consumed = Concurrently.run(Concurrently.THREADS, index -> consume(ALICE, code));

        assertThat(Collections.frequency(consumed, true)).isEqualTo(1);
        assertThat(found(ALICE).recoveryCodeHashes()).hasSize(9);
    }

    @Test
    default void concurrentConsumptionsOfDistinctRecoveryCodesShouldAllSucceed() throws Exception {
        enable(ALICE, enrolment());
        List<String> hashes = recoveryHashes("a");

        List<Boolean> consumed = Concurrently.run(hashes.size(), index -> consume(ALICE, hashes.get(index)));

        assertThat(consumed).containsOnly(true);
        assertThat(found(ALICE).recoveryCodeHashes()).isEmpty();
        assertThat(found(ALICE).spentCodes()).containsExactlyInAnyOrderElementsOf(hashes.stream()
            .map(hash -> fingerprint("recovery:" + hash)).collect(Collectors.toList()));
    }
}
