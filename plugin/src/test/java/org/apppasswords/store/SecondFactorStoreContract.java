package org.apppasswords.store;

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
    default void enableShouldReplaceThePreviousEnrolment() {
        testee().enable(ALICE, enrolment());
        testee().advanceLastUsedStep(ALICE, STEP);
        testee().enable(ALICE, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT.plusSeconds(60), recoveryHashes("b")));

        TotpEnrolment found = testee().find(ALICE).orElseThrow();
        assertThat(found.secret().revealBytes()).isEqualTo(OTHER_SECRET.revealBytes());
        assertThat(found.enabledAt()).isEqualTo(ENABLED_AT.plusSeconds(60));
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
}
