package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.testing.CountingSecretHasher;
import org.apppasswords.testing.MutableClock;
import org.apppasswords.totp.CodeMatch.Settled;
import org.junit.jupiter.api.Test;

/**
 * The CODE of {@code primary$CODE}, read by {@link CodeCheck} and settled by {@link CodeMatch}
 * in a memory store. Codes are RFC 6238 Appendix B known answers for the SHA1 seed (ASCII
 * {@code 12345678901234567890}), cut to 6 digits: at T = 1111111109 s (step 37037036) the code is
 * {@code 081804} (RFC: 07081804), two seconds later, in the next step, {@code 050471} (RFC:
 * 14050471).
 */
class CodeCheckTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final Username BOB = Username.of("bob@example.org");
    private static final TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private static final Instant LAST_SECOND_OF_A_STEP = Instant.ofEpochSecond(1_111_111_109L);
    private static final long STEP = 37_037_036L;
    private static final String CODE = "081804";
    private static final String CODE_OF_THE_NEXT_STEP = "050471";
    private static final int MAX = 3;
    /** The generation of a user whose secrets no revocation ever touched. */
    private static final long NEVER_REVOKED = 0;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MutableClock clock = new MutableClock(LAST_SECOND_OF_A_STEP);
    private final CountingClock countingClock = new CountingClock(clock);
    private final CountingSecretHasher hasher = new CountingSecretHasher(new SaltedSha256SecretHasher(RANDOM));
    private final CodeCheck codes = new CodeCheck(new TotpVerifier(countingClock), hasher, RANDOM, Optional.empty());
    private final SecondFactorStore store = new MemorySecondFactorStore(new MemoryGenerations());
    private final List<RecoveryCode> recoveryCodes = new RecoveryCodes(RANDOM).generate();

    CodeCheckTest() {
        List<String> hashes = recoveryCodes.stream().map(code -> hasher.hash(code.reveal())).collect(Collectors.toList());
        store.enable(ALICE, TotpEnrolment.enabled(SECRET, Instant.EPOCH, hashes), NEVER_REVOKED);
    }

    private CodeMatch match(String code) {
        return codes.match(store.find(ALICE), code);
    }

    private Settled settle(String code) {
        return match(code).settle(store, ALICE, MAX);
    }

    private TotpEnrolment alice() {
        return store.find(ALICE).orElseThrow();
    }

    private void nextStep() {
        clock.advance(Duration.ofSeconds(2));
    }

    /** Six digits that are the code of no step from two before now to three after. */
    private String wrongCode(int skip) {
        long now = Totp.timeStep(clock.instant());
        List<String> near = new ArrayList<>();
        for (long step = now - 2; step <= now + 3; step++) {
            near.add(Totp.code(SECRET.revealBytes(), step, TotpVerifier.DIGITS, Totp.Algorithm.SHA1));
        }
        int found = 0;
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!near.contains(code) && found++ == skip) {
                return code;
            }
        }
    }

    @Test
    void theKnownAnswersShouldHoldForTheseSteps() {
        assertThat(Totp.code(SECRET.revealBytes(), STEP, 6, Totp.Algorithm.SHA1)).isEqualTo(CODE);
        assertThat(Totp.code(SECRET.revealBytes(), STEP + 1, 6, Totp.Algorithm.SHA1)).isEqualTo(CODE_OF_THE_NEXT_STEP);
        assertThat(Totp.timeStep(LAST_SECOND_OF_A_STEP.plusSeconds(2))).isEqualTo(STEP + 1);
    }

    @Test
    void matchShouldHashAgainstEverySlotWhateverTheInputAndTheUser() {
        store.enable(BOB, TotpEnrolment.enabled(SECRET, Instant.EPOCH, List.of(hasher.hash("7hq2x9mc4kd0"))), NEVER_REVOKED);
        List<String> inputs = List.of(CODE, recoveryCodes.get(0).reveal(), recoveryCodes.get(1).revealForDisplay().toUpperCase(),
            wrongCode(0), "", "not a code", "7hq2x9mc4kd1", "x".repeat(500));
        List<Integer> hashesPerMatch = new ArrayList<>();

        for (Optional<TotpEnrolment> enrolment : List.of(store.find(ALICE), store.find(BOB), Optional.<TotpEnrolment>empty())) {
            for (String input : inputs) {
                hasher.matches.set(0);
                codes.match(enrolment, input);
                hashesPerMatch.add(hasher.matches.get());
            }
        }

        assertThat(hashesPerMatch).hasSize(3 * inputs.size()).containsOnly(RecoveryCodes.COUNT);
    }

    @Test
    void matchShouldRunTheVerifierOnADummyForAUserWithoutTotp() {
        codes.match(store.find(ALICE), CODE);
        int withTotp = countingClock.reads.getAndSet(0);

        codes.match(Optional.empty(), CODE);

        // The verifier reads the clock once per check, whose three codes it always computes.
        assertThat(withTotp).isPositive();
        assertThat(countingClock.reads.get()).isEqualTo(withTotp);
    }

    @Test
    void aUserWithoutTotpShouldBeRefusedWhateverTheCodeAndNothingWritten() {
        CodeMatch match = codes.match(Optional.empty(), CODE);

        assertThat(match.settle(store, BOB, MAX)).isEqualTo(Settled.REFUSED);
        assertThat(store.find(BOB)).isEmpty();
    }

    @Test
    void aFreshTotpCodeShouldBeAcceptedAndSpent() {
        assertThat(settle(CODE)).isEqualTo(Settled.ACCEPTED_TOTP_CODE);

        assertThat(alice().lastUsedStep()).isEqualTo(STEP);
        assertThat(alice().spentCodes()).hasSize(1).doesNotContain(CODE);
    }

    @Test
    void aCodeOfTheNextStepShouldBeAcceptedForClockDrift() {
        assertThat(settle(CODE_OF_THE_NEXT_STEP)).isEqualTo(Settled.ACCEPTED_TOTP_CODE);

        assertThat(alice().lastUsedStep()).isEqualTo(STEP + 1);
    }

    @Test
    void aRecoveryCodeShouldBeAcceptedAndConsumed() {
        assertThat(settle(recoveryCodes.get(3).reveal())).isEqualTo(Settled.ACCEPTED_RECOVERY_CODE);

        assertThat(alice().recoveryCodeHashes()).hasSize(RecoveryCodes.COUNT - 1);
        assertThat(alice().lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
    }

    @Test
    void aRecoveryCodeAsDisplayedShouldBeAccepted() {
        assertThat(settle(recoveryCodes.get(3).revealForDisplay().toUpperCase())).isEqualTo(Settled.ACCEPTED_RECOVERY_CODE);
    }

    /** A mail client replaying the recovery code it was once given, however typed: refused, and no guess. */
    @Test
    void aRecoveryCodeUsedBeforeShouldBeRefusedWithoutCounting() {
        settle(recoveryCodes.get(3).reveal());

        assertThat(settle(recoveryCodes.get(3).reveal())).isEqualTo(Settled.REFUSED);
        nextStep();
        assertThat(settle(recoveryCodes.get(3).revealForDisplay().toUpperCase())).isEqualTo(Settled.REFUSED);

        assertThat(alice().failedCodes()).isZero();
    }

    @Test
    void aWrongCodeShouldBeRefusedAndCounted() {
        assertThat(settle(wrongCode(0))).isEqualTo(Settled.REFUSED);

        assertThat(alice().failedCodes()).isEqualTo(1);
        assertThat(alice().spentCodes()).hasSize(1).doesNotContain(wrongCode(0));
    }

    @Test
    void aMalformedCodeShouldBeRefusedAndCounted() {
        assertThat(settle("12345")).isEqualTo(Settled.REFUSED);

        assertThat(alice().failedCodes()).isEqualTo(1);
    }

    @Test
    void noCodeShouldBeRefusedWithoutCounting() {
        assertThat(settle("")).isEqualTo(Settled.REFUSED);

        assertThat(alice().failedCodes()).isZero();
        assertThat(alice().spentCodes()).isEmpty();
    }

    @Test
    void aSpentCodeShouldBeRefusedWithoutCountingInItsStep() {
        settle(CODE);

        assertThat(settle(CODE)).isEqualTo(Settled.REFUSED);

        assertThat(alice().failedCodes()).isZero();
    }

    @Test
    void aSpentCodeShouldBeRefusedWithoutCountingInTheNextStep() {
        settle(CODE);
        nextStep();

        assertThat(settle(CODE)).isEqualTo(Settled.REFUSED);

        assertThat(alice().failedCodes()).isZero();
        assertThat(alice().lastUsedStep()).isEqualTo(STEP);
    }

    @Test
    void aSpentCodeShouldBeRefusedWithoutCountingEvenWhenItIsTheCodeOfAFreshStep() {
        settle(CODE);
        // The same six digits come up again in a later step: here, the step is made fresh again.
        TotpEnrolment rewound = alice().withLastUsedStep(STEP - 5);
        SecondFactorStore replayed = new MemorySecondFactorStore(new MemoryGenerations());
        replayed.enable(ALICE, rewound, NEVER_REVOKED);

        assertThat(codes.match(replayed.find(ALICE), CODE).settle(replayed, ALICE, MAX)).isEqualTo(Settled.REFUSED);

        assertThat(replayed.find(ALICE).orElseThrow().failedCodes()).isZero();
        assertThat(replayed.find(ALICE).orElseThrow().lastUsedStep()).isEqualTo(STEP - 5);
    }

    @Test
    void theCodeOfAFreshStepShouldBeAcceptedWhenItWasNotSpent() {
        // The control of the test above: the same enrolment without the spent code accepts it.
        TotpEnrolment rewound = new TotpEnrolment(SECRET, Instant.EPOCH, STEP - 5, List.of(), 0, List.of());
        SecondFactorStore fresh = new MemorySecondFactorStore(new MemoryGenerations());
        fresh.enable(ALICE, rewound, NEVER_REVOKED);

        assertThat(codes.match(fresh.find(ALICE), CODE).settle(fresh, ALICE, MAX)).isEqualTo(Settled.ACCEPTED_TOTP_CODE);
    }

    @Test
    void theSameWrongCodeWithinAStepShouldCountOnce() {
        settle(wrongCode(0));

        assertThat(settle(wrongCode(0))).isEqualTo(Settled.REFUSED);

        assertThat(alice().failedCodes()).isEqualTo(1);
    }

    @Test
    void differentWrongCodesWithinAStepShouldEachCount() {
        settle(wrongCode(0));
        settle(wrongCode(1));

        assertThat(alice().failedCodes()).isEqualTo(2);
    }

    /** A mail client retrying what it saved, once a step for hours, counts once. */
    @Test
    void theSameWrongCodeInLaterStepsShouldNotCountAgain() {
        String wrong = wrongCode(0);
        settle(wrong);
        for (int step = 0; step < 2 * MAX; step++) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(settle(wrong)).isEqualTo(Settled.REFUSED);
        }

        assertThat(alice().failedCodes()).isEqualTo(1);
    }

    @Test
    void twoWrongCodesTakingTurnsShouldCountOnceEach() {
        for (int turn = 0; turn < 2 * MAX; turn++) {
            clock.advance(Duration.ofSeconds(30));
            settle(wrongCode(turn % 2));
        }

        assertThat(alice().failedCodes()).isEqualTo(2);
    }

    /** Counting a wrong code once only is safe because it is spent: repeating it can never get in. */
    @Test
    void aWrongCodeCountedShouldBeRefusedWhenItBecomesTheCodeOfTheStep() {
        String codeOfALaterStep = Totp.code(SECRET.revealBytes(), STEP + 3, TotpVerifier.DIGITS, Totp.Algorithm.SHA1);
        assertThat(settle(codeOfALaterStep)).isEqualTo(Settled.REFUSED);
        clock.advance(Duration.ofSeconds(2 + 2 * 30));
        assertThat(Totp.timeStep(clock.instant())).isEqualTo(STEP + 3);

        assertThat(settle(codeOfALaterStep)).isEqualTo(Settled.REFUSED);

        assertThat(alice().failedCodes()).isEqualTo(1);
        assertThat(alice().lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
    }

    @Test
    void theWrongCodeReachingTheMaximumShouldLockTheCodes() {
        assertThat(settle(wrongCode(0))).isEqualTo(Settled.REFUSED);
        assertThat(settle(wrongCode(1))).isEqualTo(Settled.REFUSED);

        assertThat(settle(wrongCode(2))).isEqualTo(Settled.REFUSED_AND_LOCKED);
    }

    @Test
    void aWrongCodeOnceLockedShouldBeRefusedWithoutCounting() {
        settle(wrongCode(0));
        settle(wrongCode(1));
        settle(wrongCode(2));

        assertThat(settle(wrongCode(3))).isEqualTo(Settled.REFUSED);

        assertThat(alice().failedCodes()).isEqualTo(MAX);
    }

    @Test
    void aFreshTotpCodeShouldBeRefusedWhileTheCodesAreLocked() {
        settle(wrongCode(0));
        settle(wrongCode(1));
        settle(wrongCode(2));

        assertThat(settle(CODE)).isEqualTo(Settled.REFUSED);

        assertThat(alice().lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(alice().failedCodes()).isEqualTo(MAX);
    }

    @Test
    void aRecoveryCodeShouldBeAcceptedWhileTheCodesAreLockedAndEndTheLock() {
        settle(wrongCode(0));
        settle(wrongCode(1));
        settle(wrongCode(2));

        assertThat(settle(recoveryCodes.get(0).reveal())).isEqualTo(Settled.ACCEPTED_RECOVERY_CODE);

        assertThat(alice().failedCodes()).isZero();
        assertThat(settle(CODE)).isEqualTo(Settled.ACCEPTED_TOTP_CODE);
    }

    @Test
    void anAcceptedCodeShouldEndTheCount() {
        settle(wrongCode(0));
        settle(wrongCode(1));

        settle(CODE);

        assertThat(alice().failedCodes()).isZero();
        assertThat(settle(wrongCode(2))).isEqualTo(Settled.REFUSED);
    }

    @Test
    void twoLoginsWithTheSameFreshCodeShouldBeAcceptedOnceAndNotCounted() {
        CodeMatch first = match(CODE);
        CodeMatch second = match(CODE);

        assertThat(first.settle(store, ALICE, MAX)).isEqualTo(Settled.ACCEPTED_TOTP_CODE);
        assertThat(second.settle(store, ALICE, MAX)).isEqualTo(Settled.REFUSED);

        assertThat(alice().failedCodes()).isZero();
    }

    /** Counts the reads of a clock. */
    private static final class CountingClock extends Clock {
        private final Clock delegate;
        private final AtomicInteger reads = new AtomicInteger();

        CountingClock(Clock delegate) {
            this.delegate = delegate;
        }

        @Override
        public Instant instant() {
            reads.incrementAndGet();
            return delegate.instant();
        }

        @Override
        public ZoneId getZone() {
            return delegate.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock stays in UTC");
        }
    }
}
