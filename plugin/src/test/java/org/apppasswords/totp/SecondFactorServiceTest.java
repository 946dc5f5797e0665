package org.apppasswords.totp;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.START;
import static org.apppasswords.auth.LoginFixture.TOTP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;

import org.apppasswords.auth.LoginFixture;
import org.apppasswords.totp.TotpEnrolment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecondFactorServiceTest {
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
    }

    @Test
    void enableShouldStoreTheSecretAndOneHashPerRecoveryCode() {
        List<RecoveryCode> codes = fixture.secondFactorService.enable(ALICE, TOTP_SECRET);

        TotpEnrolment enrolment = fixture.secondFactors.find(ALICE).orElseThrow();
        assertThat(codes).hasSize(RecoveryCodes.COUNT);
        assertThat(enrolment.secret().revealBytes()).isEqualTo(TOTP_SECRET.revealBytes());
        assertThat(enrolment.enabledAt()).isEqualTo(START);
        assertThat(enrolment.lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(enrolment.recoveryCodeHashes()).hasSize(RecoveryCodes.COUNT);
        for (int i = 0; i < codes.size(); i++) {
            assertThat(fixture.hasher.matches(codes.get(i).reveal(), enrolment.recoveryCodeHashes().get(i))).isTrue();
        }
    }

    @Test
    void enableShouldNeverStoreARecoveryCodeInTheClear() {
        List<RecoveryCode> codes = fixture.secondFactorService.enable(ALICE, TOTP_SECRET);

        String stored = String.join(" ", fixture.secondFactors.find(ALICE).orElseThrow().recoveryCodeHashes());
        for (RecoveryCode code : codes) {
            assertThat(stored).doesNotContain(code.reveal());
        }
    }

    @Test
    void enableShouldRefuseWhileTotpIsOnAndKeepTheEarlierEnrolment() {
        List<RecoveryCode> first = fixture.secondFactorService.enable(ALICE, TOTP_SECRET);
        TotpSecret second = TotpSecret.generate(new SecureRandom());

        assertThatThrownBy(() -> fixture.secondFactorService.enable(ALICE, second))
            .isInstanceOf(SecondFactorAlreadyEnabledException.class);

        TotpEnrolment enrolment = fixture.secondFactors.find(ALICE).orElseThrow();
        assertThat(enrolment.secret().revealBytes()).isEqualTo(TOTP_SECRET.revealBytes());
        assertThat(enrolment.recoveryCodeHashes())
            .allMatch(hash -> first.stream().anyMatch(code -> fixture.hasher.matches(code.reveal(), hash)));
    }

    @Test
    void enableWithAConfirmedStepShouldSpendThatStepAtOnce() {
        fixture.secondFactorService.enable(ALICE, TOTP_SECRET, 56_950_000L);

        assertThat(fixture.secondFactors.find(ALICE).orElseThrow().lastUsedStep()).isEqualTo(56_950_000L);
        assertThat(fixture.secondFactors.advanceLastUsedStep(ALICE, 56_950_000L)).isFalse();
    }

    @Test
    void disableShouldRemoveTheEnrolment() {
        fixture.secondFactorService.enable(ALICE, TOTP_SECRET);

        assertThat(fixture.secondFactorService.disable(ALICE)).isTrue();
        assertThat(fixture.secondFactors.find(ALICE)).isEmpty();
    }

    @Test
    void disableShouldReturnFalseWhenTotpIsOff() {
        fixture.secondFactorService.enable(ALICE, TOTP_SECRET);

        assertThat(fixture.secondFactorService.disable(BOB)).isFalse();
        assertThat(fixture.secondFactors.find(ALICE)).isPresent();
    }
}
