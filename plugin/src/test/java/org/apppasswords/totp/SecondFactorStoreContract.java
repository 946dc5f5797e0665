package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.testing.Concurrently;
import org.apppasswords.totp.SecondFactorStore.EnableOutcome;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc contract of {@link SecondFactorStore}, run once per backend: implement
 * {@link #testee()} to return an empty store for each test. Uses the interface only. This part
 * covers an enrolment's life (enable, find, disable, pending enrolments, renames); what guards its
 * codes is {@link SecondFactorCodesContract}, inherited.
 */
public interface SecondFactorStoreContract extends SecondFactorCodesContract {
    @Test
    default void findShouldReturnEmptyWhenTotpIsOff() {
        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void enableShouldSayEnabledWhenTotpWasOff() {
        assertThat(enable(ALICE, enrolment())).isEqualTo(EnableOutcome.ENABLED);
    }

    @Test
    default void enableShouldStoreTheWholeEnrolment() {
        enable(ALICE, enrolment());

        TotpEnrolment found = found(ALICE);
        assertThat(found.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        assertThat(found.enabledAt()).isEqualTo(ENABLED_AT);
        assertThat(found.lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(found.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a"));
        assertThat(found.failedCodes()).isZero();
        assertThat(found.spentCodes()).isEmpty();
    }

    @Test
    default void enableShouldStoreWhatGuardsTheCodes() {
        enable(ALICE, new TotpEnrolment(SECRET, ENABLED_AT, STEP, recoveryHashes("a"), 2, List.of(fingerprint("a"), fingerprint("b"))));

        TotpEnrolment found = found(ALICE);
        assertThat(found.lastUsedStep()).isEqualTo(STEP);
        assertThat(found.failedCodes()).isEqualTo(2);
        assertThat(found.spentCodes()).containsExactly(fingerprint("a"), fingerprint("b"));
        assertThat(spend(ALICE, STEP)).isFalse();
        assertThat(testee().countWrongCode(ALICE, fingerprint("b"), MAX)).isEmpty();
    }

    @Test
    default void enableShouldRefuseWhileAnotherEnrolmentIsOn() {
        enable(ALICE, enrolment());
        spend(ALICE, STEP);
        testee().countWrongCode(ALICE, fingerprint("wrong"), MAX);

        assertThat(enable(ALICE, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT.plusSeconds(60), recoveryHashes("b"))))
            .isEqualTo(EnableOutcome.ALREADY_ENABLED);

        TotpEnrolment found = found(ALICE);
        assertThat(found.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        assertThat(found.lastUsedStep()).isEqualTo(STEP);
        assertThat(found.failedCodes()).isEqualTo(1);
        assertThat(found.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a"));
    }

    @Test
    default void enableShouldStartAfreshAfterDisable() {
        enable(ALICE, enrolment());
        spend(ALICE, STEP);
        lock(ALICE);
        testee().disable(ALICE);

        assertThat(enable(ALICE, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT.plusSeconds(60), recoveryHashes("b"))))
            .isEqualTo(EnableOutcome.ENABLED);

        TotpEnrolment found = found(ALICE);
        assertThat(found.secret().revealBytes()).isEqualTo(OTHER_SECRET.revealBytes());
        assertThat(found.lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(found.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("b"));
        assertThat(found.failedCodes()).isZero();
        assertThat(found.spentCodes()).isEmpty();
    }

    @Test
    default void disableShouldRemoveTheEnrolment() {
        enable(ALICE, enrolment());

        assertThat(testee().disable(ALICE)).isTrue();
        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void disableShouldReturnFalseWhenTotpIsOff() {
        assertThat(testee().disable(ALICE)).isFalse();
    }

    @Test
    default void disableShouldReturnFalseWhenAlreadyDisabled() {
        enable(ALICE, enrolment());
        testee().disable(ALICE);

        assertThat(testee().disable(ALICE)).isFalse();
    }

    @Test
    default void disableShouldNotTouchAnotherUser() {
        enable(ALICE, enrolment());
        enable(BOB, enrolment());

        testee().disable(ALICE);

        assertThat(testee().find(BOB)).isPresent();
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
        assertThat(spend(ALICE, STEP)).isFalse();
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

        enable(ALICE, enrolment());

        assertThat(testee().findPendingEnrolment(ALICE)).isEmpty();
    }

    @Test
    default void disableShouldDropThePendingEnrolment() {
        testee().startEnrolment(ALICE, new PendingTotpEnrolment(SECRET, ENABLED_AT));

        assertThat(testee().disable(ALICE)).isFalse();

        assertThat(testee().findPendingEnrolment(ALICE)).isEmpty();
    }

    @Test
    default void copyToShouldGiveTheNewNameTheWholeEnrolmentAndLeaveItWithTheOldName() {
        enable(ALICE, enrolment());
        spend(ALICE, STEP);
        consume(ALICE, recoveryHashes("a").get(0));
        testee().countWrongCode(ALICE, fingerprint("wrong:1"), MAX);
        testee().countWrongCode(ALICE, fingerprint("wrong:2"), MAX);

        assertThat(testee().copyTo(ALICE, BOB)).isTrue();

        // James 3.8.1's rename keeps the old user: its bare password must stay as refused as before.
        for (Username name : List.of(ALICE, BOB)) {
            TotpEnrolment copy = found(name);
            assertThat(copy.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
            assertThat(copy.enabledAt()).isEqualTo(ENABLED_AT);
            assertThat(copy.lastUsedStep()).isEqualTo(STEP);
            assertThat(copy.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a").subList(1, 10));
            assertThat(copy.failedCodes()).isEqualTo(2);
            assertThat(copy.spentCodes()).containsExactly(fingerprint("spent:" + STEP), fingerprint("recovery:" + recoveryHashes("a").get(0)),
                fingerprint("wrong:1"), fingerprint("wrong:2"));
        }
    }

    @Test
    default void copyToShouldLeaveTwoEnrolmentsThatChangeApart() {
        enable(ALICE, enrolment());
        testee().copyTo(ALICE, BOB);

        assertThat(spend(BOB, STEP)).isTrue();
        assertThat(consume(BOB, recoveryHashes("a").get(0))).isTrue();
        testee().disable(BOB);

        assertThat(found(ALICE).lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(found(ALICE).recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a"));
        assertThat(spend(ALICE, STEP)).isTrue();
    }

    @Test
    default void copyToShouldKeepALockOfTheCodesUnderBothNames() {
        enable(ALICE, enrolment());
        lock(ALICE);

        testee().copyTo(ALICE, BOB);

        // A rename is no way out of a lock.
        for (Username name : List.of(ALICE, BOB)) {
            assertThat(spend(name, STEP)).isFalse();
            assertThat(testee().countWrongCode(name, fingerprint("one more"), MAX)).isEmpty();
        }
    }

    @Test
    default void copyToShouldKeepTheTargetsOwnEnrolment() {
        enable(ALICE, enrolment());
        lock(ALICE);
        enable(BOB, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT, recoveryHashes("b")));

        assertThat(testee().copyTo(ALICE, BOB)).isFalse();

        assertThat(found(ALICE).secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        TotpEnrolment kept = found(BOB);
        assertThat(kept.secret().revealBytes()).isEqualTo(OTHER_SECRET.revealBytes());
        assertThat(kept.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("b"));
        assertThat(kept.failedCodes()).isZero();
    }

    @Test
    default void copyToShouldReturnFalseWhenTotpIsOff() {
        assertThat(testee().copyTo(ALICE, BOB)).isFalse();
        assertThat(testee().find(ALICE)).isEmpty();
        assertThat(testee().find(BOB)).isEmpty();
    }

    @Test
    default void copyToShouldDropAPendingEnrolment() {
        testee().startEnrolment(ALICE, new PendingTotpEnrolment(SECRET, ENABLED_AT));

        testee().copyTo(ALICE, BOB);

        assertThat(testee().findPendingEnrolment(ALICE)).isEmpty();
        assertThat(testee().findPendingEnrolment(BOB)).isEmpty();
    }

    @Test
    default void copyToTheSameNameShouldKeepTheEnrolment() {
        enable(ALICE, enrolment());
        testee().countWrongCode(ALICE, fingerprint("wrong"), MAX);

        assertThat(testee().copyTo(ALICE, ALICE)).isFalse();

        assertThat(found(ALICE).failedCodes()).isEqualTo(1);
    }

    @Test
    default void concurrentEnablesShouldLeaveOneEnrolment() throws Exception {
        List<EnableOutcome> enabled = Concurrently.run(Concurrently.THREADS,
            index -> enable(ALICE, TotpEnrolment.enabled(SECRET, ENABLED_AT.plusSeconds(index), recoveryHashes("a"))));

        assertThat(Collections.frequency(enabled, EnableOutcome.ENABLED)).isEqualTo(1);
        assertThat(Collections.frequency(enabled, EnableOutcome.ALREADY_ENABLED)).isEqualTo(Concurrently.THREADS - 1);
        assertThat(found(ALICE).enabledAt()).isEqualTo(ENABLED_AT.plusSeconds(enabled.indexOf(EnableOutcome.ENABLED)));
    }
}
