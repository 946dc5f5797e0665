package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apppasswords.hashing.SaltedSha256SecretHasher;
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

    @Test
    void enabledShouldStartWithNoWrongCodeAndNoSpentCode() {
        assertThat(ENROLMENT.failedCodes()).isZero();
        assertThat(ENROLMENT.spentCodes()).isEmpty();
    }

    @Test
    void withWrongCodeShouldCountItAndSpendIt() {
        TotpEnrolment twice = ENROLMENT.withWrongCode("first").withWrongCode("second");

        assertThat(twice.failedCodes()).isEqualTo(2);
        assertThat(twice.spentCodes()).containsExactly("first", "second");
        assertThat(twice.recoveryCodeHashes()).isEqualTo(HASHES);
    }

    @Test
    void spentShouldRecordTheStepAndTheCodeAndForgetTheWrongCodes() {
        TotpEnrolment spent = ENROLMENT.withWrongCode("wrong").spent(42, "code");

        assertThat(spent.lastUsedStep()).isEqualTo(42);
        assertThat(spent.spentCodes()).containsExactly("wrong", "code");
        assertThat(spent.failedCodes()).isZero();
        assertThat(spent.recoveryCodeHashes()).isEqualTo(HASHES);
    }

    @Test
    void recoveryCodeSpentShouldKeepTheHashesLeftSpendItAndForgetTheWrongCodes() {
        TotpEnrolment spent = ENROLMENT.withWrongCode("wrong").recoveryCodeSpent(HASHES.subList(1, HASHES.size()), "recovery");

        assertThat(spent.recoveryCodeHashes()).isEqualTo(HASHES.subList(1, HASHES.size()));
        assertThat(spent.spentCodes()).containsExactly("wrong", "recovery");
        assertThat(spent.failedCodes()).isZero();
        assertThat(spent.lastUsedStep()).isEqualTo(TotpEnrolment.NO_STEP_USED);
    }

    @Test
    void spentCodesShouldKeepOnlyTheLastOnes() {
        TotpEnrolment enrolment = ENROLMENT;
        for (int step = 0; step < TotpEnrolment.SPENT_CODES_KEPT + 2; step++) {
            enrolment = enrolment.spent(step, "code " + step);
        }

        assertThat(enrolment.spentCodes()).containsExactlyElementsOf(IntStream.range(2, TotpEnrolment.SPENT_CODES_KEPT + 2)
            .mapToObj(step -> "code " + step).collect(Collectors.toList()));
    }

    @Test
    void spentCodesWithShouldNotChangeTheEnrolment() {
        assertThat(ENROLMENT.spentCodesWith("code")).containsExactly("code");
        assertThat(ENROLMENT.spentCodes()).isEmpty();
    }

    @Test
    void withoutWrongCodesShouldKeepTheStepAndTheSpentCodes() {
        TotpEnrolment forgiven = ENROLMENT.spent(42, "code").withWrongCode("wrong").withoutWrongCodes();

        assertThat(forgiven.failedCodes()).isZero();
        assertThat(forgiven.lastUsedStep()).isEqualTo(42);
        assertThat(forgiven.spentCodes()).containsExactly("code", "wrong");
    }

    @Test
    void spentCodesShouldNotFollowTheCallersList() {
        List<String> spent = new ArrayList<>(List.of("code"));
        TotpEnrolment enrolment = new TotpEnrolment(SECRET, Instant.EPOCH, 1, HASHES, 0, spent);

        spent.clear();

        assertThat(enrolment.spentCodes()).containsExactly("code");
        assertThatThrownBy(() -> enrolment.spentCodes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringShouldShowTheCountButNoFingerprint() {
        String fingerprint = SECRET.fingerprint("123456");
        TotpEnrolment enrolment = ENROLMENT.spent(42, fingerprint).withWrongCode(SECRET.fingerprint("654321"));

        assertThat(enrolment.toString())
            .contains("failedCodes=1")
            .doesNotContain(fingerprint)
            .doesNotContain(SECRET.fingerprint("654321"));
    }
}
