package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.audit.AuditCapture;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.store.ChangedMeanwhileException;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.Test;

class SecondFactorServiceTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final Username BOB = Username.of("bob@example.org");
    private static final Instant START = Instant.parse("2024-03-01T12:00:10Z");
    // Base32 of the RFC 6238 SHA1 seed, ASCII "12345678901234567890".
    private static final TotpSecret TOTP_SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MemoryGenerations generations = new MemoryGenerations();
    private final SecondFactorStore secondFactors = new MemorySecondFactorStore(generations);
    private final SecretHasher hasher = new SaltedSha256SecretHasher(RANDOM);
    private final SecondFactorService service = new SecondFactorService(secondFactors, new RecoveryCodes(RANDOM), hasher,
        new MutableClock(START), new AuditLog(), SecurityNotices.NONE);

    /** Enables with the user's generation now, as a caller that nothing revoked meanwhile. */
    private List<RecoveryCode> enable(Username user, TotpSecret secret) {
        return service.enable(user, secret, TotpEnrolment.NO_STEP_USED, generations.current(user));
    }

    @Test
    void enableShouldStoreTheSecretAndOneHashPerRecoveryCode() {
        List<RecoveryCode> codes = enable(ALICE, TOTP_SECRET);

        TotpEnrolment enrolment = secondFactors.find(ALICE).orElseThrow();
        assertThat(codes).hasSize(RecoveryCodes.COUNT);
        assertThat(enrolment.secret().revealBytes()).isEqualTo(TOTP_SECRET.revealBytes());
        assertThat(enrolment.enabledAt()).isEqualTo(START);
        assertThat(enrolment.lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(enrolment.recoveryCodeHashes()).hasSize(RecoveryCodes.COUNT);
        for (int i = 0; i < codes.size(); i++) {
            assertThat(hasher.matches(codes.get(i).reveal(), enrolment.recoveryCodeHashes().get(i))).isTrue();
        }
    }

    @Test
    void enableShouldNeverStoreARecoveryCodeInTheClear() {
        List<RecoveryCode> codes = enable(ALICE, TOTP_SECRET);

        String stored = String.join(" ", secondFactors.find(ALICE).orElseThrow().recoveryCodeHashes());
        for (RecoveryCode code : codes) {
            assertThat(stored).doesNotContain(code.reveal());
        }
    }

    @Test
    void enableShouldRefuseWhileTotpIsOnAndKeepTheEarlierEnrolment() {
        List<RecoveryCode> first = enable(ALICE, TOTP_SECRET);
        TotpSecret second = TotpSecret.generate(new SecureRandom());

        assertThatThrownBy(() -> enable(ALICE, second))
            .isInstanceOf(SecondFactorAlreadyEnabledException.class);

        TotpEnrolment enrolment = secondFactors.find(ALICE).orElseThrow();
        assertThat(enrolment.secret().revealBytes()).isEqualTo(TOTP_SECRET.revealBytes());
        assertThat(enrolment.recoveryCodeHashes())
            .allMatch(hash -> first.stream().anyMatch(code -> hasher.matches(code.reveal(), hash)));
    }

    @Test
    void enableWithAConfirmedStepShouldSpendThatStepAtOnce() {
        service.enable(ALICE, TOTP_SECRET, 56_950_000L, generations.current(ALICE));

        assertThat(secondFactors.find(ALICE).orElseThrow().lastUsedStep()).isEqualTo(56_950_000L);
        assertThat(secondFactors.spendCode(ALICE, 56_950_000L, List.of(), 100)).isFalse();
        assertThat(secondFactors.spendCode(ALICE, 56_950_001L, List.of(), 100)).isTrue();
    }

    @Test
    void enableShouldStartWithNoWrongCodeAndNoSpentCode() {
        service.enable(ALICE, TOTP_SECRET, 56_950_000L, generations.current(ALICE));

        TotpEnrolment enrolment = secondFactors.find(ALICE).orElseThrow();
        assertThat(enrolment.failedCodes()).isZero();
        assertThat(enrolment.spentCodes()).isEmpty();
    }

    @Test
    void enableShouldThrowAndStoreNothingWhenTheSecretsWereRevokedSinceTheGenerationWasRead() {
        long readBeforeTheChecks = generations.current(ALICE);
        secondFactors.disable(ALICE);

        assertThatThrownBy(() -> service.enable(ALICE, TOTP_SECRET, 56_950_000L, readBeforeTheChecks))
            .isInstanceOf(ChangedMeanwhileException.class)
            .hasMessageContaining("changed meanwhile");
        assertThat(secondFactors.find(ALICE)).isEmpty();
    }

    @Test
    void enableShouldWriteNoAuditLineWhenRefusedAsChangedMeanwhile() {
        long readBeforeTheChecks = generations.current(ALICE);
        secondFactors.disable(ALICE);

        try (AuditCapture audit = new AuditCapture()) {
            assertThatThrownBy(() -> service.enable(ALICE, TOTP_SECRET, 56_950_000L, readBeforeTheChecks))
                .isInstanceOf(ChangedMeanwhileException.class);

            assertThat(audit.lines()).isEmpty();
        }
    }

    @Test
    void enableShouldKeepThePendingEnrolmentWhenRefusedAsChangedMeanwhile() {
        secondFactors.startEnrolment(ALICE, new PendingTotpEnrolment(TOTP_SECRET, START));
        long readBeforeTheChecks = generations.current(ALICE);
        // A password change ends the sessions (that could confirm the enrolment): the pending one may stay.
        new MemorySelfServiceSessionStore(generations).revokeAll(ALICE);

        assertThatThrownBy(() -> service.enable(ALICE, TOTP_SECRET, 56_950_000L, readBeforeTheChecks))
            .isInstanceOf(ChangedMeanwhileException.class);

        assertThat(secondFactors.findPendingEnrolment(ALICE)).isPresent();
        assertThat(secondFactors.find(ALICE)).isEmpty();
    }

    @Test
    void enableShouldSucceedWithTheGenerationReadAfterTheRevocation() {
        secondFactors.disable(ALICE);

        try (AuditCapture audit = new AuditCapture()) {
            service.enable(ALICE, TOTP_SECRET, 56_950_000L, generations.current(ALICE));

            assertThat(secondFactors.find(ALICE)).isPresent();
            assertThat(audit.lines("totp-enabled")).hasSize(1);
        }
    }

    @Test
    void disableShouldRemoveTheEnrolment() {
        enable(ALICE, TOTP_SECRET);

        assertThat(service.disable(ALICE)).isTrue();
        assertThat(secondFactors.find(ALICE)).isEmpty();
    }

    @Test
    void disableShouldReturnFalseWhenTotpIsOff() {
        enable(ALICE, TOTP_SECRET);

        assertThat(service.disable(BOB)).isFalse();
        assertThat(secondFactors.find(ALICE)).isPresent();
    }
}
