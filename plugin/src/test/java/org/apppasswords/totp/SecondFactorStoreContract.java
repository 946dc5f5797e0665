package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apppasswords.testing.Concurrently;
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
    default void enableShouldReturnTrueWhenTotpWasOff() {
        assertThat(testee().enable(ALICE, enrolment())).isTrue();
    }

    @Test
    default void enableShouldStoreTheWholeEnrolment() {
        testee().enable(ALICE, enrolment());

        TotpEnrolment found = found(ALICE);
        assertThat(found.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        assertThat(found.enabledAt()).isEqualTo(ENABLED_AT);
        assertThat(found.lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(found.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a"));
        assertThat(found.failedCodes()).isZero();
        assertThat(found.lastWrongCode()).isEmpty();
        assertThat(found.spentCodes()).isEmpty();
    }

    @Test
    default void enableShouldStoreWhatGuardsTheCodes() {
        testee().enable(ALICE, new TotpEnrolment(SECRET, ENABLED_AT, STEP, recoveryHashes("a"), 2, Optional.of(fingerprint("wrong")),
            List.of(fingerprint("a"), fingerprint("b"))));

        TotpEnrolment found = found(ALICE);
        assertThat(found.lastUsedStep()).isEqualTo(STEP);
        assertThat(found.failedCodes()).isEqualTo(2);
        assertThat(found.lastWrongCode()).contains(fingerprint("wrong"));
        assertThat(found.spentCodes()).containsExactly(fingerprint("a"), fingerprint("b"));
        assertThat(spend(ALICE, STEP)).isFalse();
        assertThat(testee().countWrongCode(ALICE, fingerprint("wrong"), MAX)).isEmpty();
    }

    @Test
    default void enableShouldRefuseWhileAnotherEnrolmentIsOn() {
        testee().enable(ALICE, enrolment());
        spend(ALICE, STEP);
        testee().countWrongCode(ALICE, fingerprint("wrong"), MAX);

        assertThat(testee().enable(ALICE, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT.plusSeconds(60), recoveryHashes("b")))).isFalse();

        TotpEnrolment found = found(ALICE);
        assertThat(found.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        assertThat(found.lastUsedStep()).isEqualTo(STEP);
        assertThat(found.failedCodes()).isEqualTo(1);
        assertThat(found.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a"));
    }

    @Test
    default void enableShouldStartAfreshAfterDisable() {
        testee().enable(ALICE, enrolment());
        spend(ALICE, STEP);
        lock(ALICE);
        testee().disable(ALICE);

        assertThat(testee().enable(ALICE, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT.plusSeconds(60), recoveryHashes("b")))).isTrue();

        TotpEnrolment found = found(ALICE);
        assertThat(found.secret().revealBytes()).isEqualTo(OTHER_SECRET.revealBytes());
        assertThat(found.lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(found.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("b"));
        assertThat(found.failedCodes()).isZero();
        assertThat(found.spentCodes()).isEmpty();
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
        spend(ALICE, STEP);
        testee().consumeRecoveryCode(ALICE, recoveryHashes("a").get(0));
        testee().countWrongCode(ALICE, fingerprint("wrong:1"), MAX);
        testee().countWrongCode(ALICE, fingerprint("wrong:2"), MAX);

        assertThat(testee().moveTo(ALICE, BOB)).isTrue();

        assertThat(testee().find(ALICE)).isEmpty();
        TotpEnrolment moved = found(BOB);
        assertThat(moved.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        assertThat(moved.enabledAt()).isEqualTo(ENABLED_AT);
        assertThat(moved.lastUsedStep()).isEqualTo(STEP);
        assertThat(moved.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("a").subList(1, 10));
        assertThat(moved.failedCodes()).isEqualTo(2);
        assertThat(moved.lastWrongCode()).contains(fingerprint("wrong:2"));
        assertThat(moved.spentCodes()).containsExactly(fingerprint("spent:" + STEP));
    }

    @Test
    default void moveToShouldKeepALockOfTheCodes() {
        testee().enable(ALICE, enrolment());
        lock(ALICE);

        testee().moveTo(ALICE, BOB);

        // A rename is no way out of a lock.
        assertThat(spend(BOB, STEP)).isFalse();
        assertThat(testee().countWrongCode(BOB, fingerprint("one more"), MAX)).isEmpty();
    }

    @Test
    default void moveToShouldKeepTheTargetsOwnEnrolment() {
        testee().enable(ALICE, enrolment());
        lock(ALICE);
        testee().enable(BOB, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT, recoveryHashes("b")));

        assertThat(testee().moveTo(ALICE, BOB)).isFalse();

        assertThat(testee().find(ALICE)).isEmpty();
        TotpEnrolment kept = found(BOB);
        assertThat(kept.secret().revealBytes()).isEqualTo(OTHER_SECRET.revealBytes());
        assertThat(kept.recoveryCodeHashes()).containsExactlyElementsOf(recoveryHashes("b"));
        assertThat(kept.failedCodes()).isZero();
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
        testee().countWrongCode(ALICE, fingerprint("wrong"), MAX);

        assertThat(testee().moveTo(ALICE, ALICE)).isFalse();

        assertThat(found(ALICE).failedCodes()).isEqualTo(1);
    }

    @Test
    default void concurrentEnablesShouldLeaveOneEnrolment() throws Exception {
        List<Boolean> enabled = Concurrently.run(Concurrently.THREADS,
            index -> testee().enable(ALICE, TotpEnrolment.enabled(SECRET, ENABLED_AT.plusSeconds(index), recoveryHashes("a"))));

        assertThat(Collections.frequency(enabled, true)).isEqualTo(1);
        assertThat(found(ALICE).enabledAt()).isEqualTo(ENABLED_AT.plusSeconds(enabled.indexOf(true)));
    }
}
