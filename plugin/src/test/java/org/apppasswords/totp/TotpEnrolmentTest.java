package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;

class TotpEnrolmentTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TotpSecret SECRET = TotpSecret.generate(RANDOM);
    private static final List<String> HASHES = List.of(
        new SaltedSha256SecretHasher(RANDOM).hash("7hq2x9mc4kd0"),
        new SaltedSha256SecretHasher(RANDOM).hash("m3k8p2v9a1zq"));
    private static final TotpEnrolment ENROLMENT = TotpEnrolment.enabled(SECRET, Instant.parse("2024-03-01T12:00:00Z"), HASHES);

    @Test
    void toStringShouldNotContainTheSecret() {
        String base32 = SECRET.revealBase32();

        assertThat(ENROLMENT.toString())
            .doesNotContain(base32)
            .doesNotContain(base32.substring(0, 8))
            .doesNotContain(base32.toLowerCase())
            .contains("[REDACTED]");
    }

    @Test
    void toStringShouldNotContainTheRecoveryCodeHashes() {
        for (String hash : HASHES) {
            assertThat(ENROLMENT.toString())
                .doesNotContain(hash)
                .doesNotContain(hash.split("\\$")[3]);
        }
        assertThat(ENROLMENT.toString()).doesNotContain("sha256");
    }

    @Test
    void toStringShouldCountTheRecoveryCodesLeft() {
        assertThat(ENROLMENT.toString()).contains("recoveryCodesLeft=2");
    }

    @Test
    void recoveryCodeHashesShouldNotFollowTheCallersList() {
        List<String> hashes = new ArrayList<>(HASHES);
        TotpEnrolment enrolment = TotpEnrolment.enabled(SECRET, Instant.EPOCH, hashes);

        hashes.clear();

        assertThat(enrolment.recoveryCodeHashes()).hasSize(2);
        assertThatThrownBy(() -> enrolment.recoveryCodeHashes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void enabledShouldStartWithNoStepUsed() {
        assertThat(ENROLMENT.lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
        assertThat(ENROLMENT.withLastUsedStep(42).lastUsedStep()).isEqualTo(42);
        assertThat(ENROLMENT.withLastUsedStep(42).recoveryCodeHashes()).isEqualTo(HASHES);
    }
}
