package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers from RFC 6238 Appendix B (Test Vectors), also listed in DESIGN.md. */
class TotpTest {
    private static final byte[] SEED_SHA1 = ascii("12345678901234567890");
    private static final byte[] SEED_SHA256 = ascii("12345678901234567890123456789012");
    private static final byte[] SEED_SHA512 = ascii("1234567890123456789012345678901234567890123456789012345678901234");

    @ParameterizedTest
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"
    })
    void codeShouldMatchRfc6238AppendixB(long epochSeconds, String sha1, String sha256, String sha512) {
        long step = Totp.timeStep(Instant.ofEpochSecond(epochSeconds));

        assertThat(Totp.code(SEED_SHA1, step, 8, Totp.Algorithm.SHA1)).isEqualTo(sha1);
        assertThat(Totp.code(SEED_SHA256, step, 8, Totp.Algorithm.SHA256)).isEqualTo(sha256);
        assertThat(Totp.code(SEED_SHA512, step, 8, Totp.Algorithm.SHA512)).isEqualTo(sha512);
    }

    @Test
    void codeShouldTruncateToSixDigitsKeepingLeadingZeroes() {
        // RFC 6238 Appendix B, T = 1111111109: 07081804, so the 6-digit code is 081804.
        long step = Totp.timeStep(Instant.ofEpochSecond(1111111109L));

        assertThat(Totp.code(SEED_SHA1, step, 6, Totp.Algorithm.SHA1)).isEqualTo("081804");
    }

    @Test
    void timeStepShouldFloorThirtySecondSteps() {
        assertThat(Totp.timeStep(Instant.ofEpochSecond(0))).isEqualTo(0);
        assertThat(Totp.timeStep(Instant.ofEpochSecond(29))).isEqualTo(0);
        assertThat(Totp.timeStep(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.timeStep(Instant.ofEpochSecond(59, 999_999_999))).isEqualTo(1);
        assertThat(Totp.timeStep(Instant.ofEpochSecond(-1))).isEqualTo(-1);
        assertThat(Totp.STEP.getSeconds()).isEqualTo(30);
    }

    @Test
    void codeShouldRejectUnsupportedDigits() {
        assertThatThrownBy(() -> Totp.code(SEED_SHA1, 1, 5, Totp.Algorithm.SHA1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.code(SEED_SHA1, 1, 9, Totp.Algorithm.SHA1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codeShouldRejectEmptyKey() {
        assertThatThrownBy(() -> Totp.code(new byte[0], 1, 6, Totp.Algorithm.SHA1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
