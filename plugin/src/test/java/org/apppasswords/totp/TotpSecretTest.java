package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpSecretTest {
    // RFC 4648 base32 of ASCII "12345678901234567890" (the RFC 6238 SHA1 seed).
    private static final String RFC_SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void fromBase32ShouldDecodeUppercase() {
        assertThat(TotpSecret.fromBase32(RFC_SEED_BASE32).revealBytes())
            .isEqualTo("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void fromBase32ShouldDecodeLowercaseAndIgnorePadding() {
        assertThat(TotpSecret.fromBase32(RFC_SEED_BASE32.toLowerCase()).revealBase32()).isEqualTo(RFC_SEED_BASE32);
        assertThat(TotpSecret.fromBase32(RFC_SEED_BASE32 + "====").revealBase32()).isEqualTo(RFC_SEED_BASE32);
    }

    @Test
    void generateShouldProduceTwentyRandomBytesInUppercaseBase32() {
        TotpSecret secret = TotpSecret.generate(new SecureRandom());

        assertThat(secret.revealBytes()).hasSize(20);
        assertThat(secret.revealBase32()).matches("[A-Z2-7]{32}");
        assertThat(TotpSecret.fromBase32(secret.revealBase32()).revealBytes()).isEqualTo(secret.revealBytes());
        assertThat(TotpSecret.generate(new SecureRandom()).revealBase32()).isNotEqualTo(secret.revealBase32());
    }

    @Test
    void revealBytesShouldReturnACopy() {
        TotpSecret secret = TotpSecret.fromBase32(RFC_SEED_BASE32);
        secret.revealBytes()[0] = 0;

        assertThat(secret.revealBase32()).isEqualTo(RFC_SEED_BASE32);
    }

    @Test
    void toStringShouldNotContainTheSecret() {
        TotpSecret secret = TotpSecret.generate(new SecureRandom());

        assertThat(secret.toString())
            .isEqualTo("[REDACTED]")
            .doesNotContain(secret.revealBase32())
            .doesNotContain(secret.revealBase32().toLowerCase());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQA",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ8",
        "GEZDGNBV GY3TQOJQGEZDGNBVGY3TQOJQ",
        "GEZDGNBVGY3TQOJQ=EZDGNBVGY3TQOJQ",
        "JBSWY3DPEHPK3PXP"
    })
    void fromBase32ShouldRejectAnythingButTwentyBytesWithoutEchoingIt(String input) {
        assertThatThrownBy(() -> TotpSecret.fromBase32(input))
            .isInstanceOf(IllegalArgumentException.class)
            .satisfies(e -> {
                if (input != null && !input.isEmpty()) {
                    assertThat(e.getMessage()).doesNotContain(input).doesNotContain(input.substring(0, 8));
                }
            });
    }

    @Test
    void fingerprintShouldBeTheHmacSha256UnderTheSeedCutTo128Bits() {
        // Computed apart: base64url(HMAC-SHA-256(key "12345678901234567890", "123456")[0..16]), no padding.
        assertThat(TotpSecret.fromBase32(RFC_SEED_BASE32).fingerprint("123456")).isEqualTo("GT2rq9WL9asJvyhEBHGz8g");
    }

    @Test
    void fingerprintShouldBeStableForOneSecretAndValue() {
        TotpSecret secret = TotpSecret.generate(new SecureRandom());

        assertThat(secret.fingerprint("123456")).isEqualTo(secret.fingerprint("123456")).hasSize(22).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void fingerprintShouldDifferForAnotherValue() {
        TotpSecret secret = TotpSecret.fromBase32(RFC_SEED_BASE32);

        assertThat(secret.fingerprint("123456")).isNotEqualTo(secret.fingerprint("123457"));
    }

    @Test
    void fingerprintShouldDifferUnderAnotherSecret() {
        assertThat(TotpSecret.fromBase32(RFC_SEED_BASE32).fingerprint("123456"))
            .isNotEqualTo(TotpSecret.generate(new SecureRandom()).fingerprint("123456"));
    }
}
