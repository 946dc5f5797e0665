package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryCodesTest {
    private final RecoveryCodes recoveryCodes = new RecoveryCodes(new SecureRandom());

    @Test
    void generateShouldProduceTenDistinctCodesOfTwelveSymbols() {
        List<RecoveryCode> codes = recoveryCodes.generate();

        assertThat(codes).hasSize(RecoveryCodes.COUNT).hasSize(10);
        assertThat(codes.stream().map(RecoveryCode::reveal).collect(Collectors.toSet())).hasSize(10);
        assertThat(codes).allSatisfy(code -> assertThat(code.reveal()).matches("[0-9a-hjkmnp-tv-z]{12}"));
    }

    @Test
    void revealForDisplayShouldGroupByFour() {
        RecoveryCode code = recoveryCodes.generate().get(0);

        assertThat(code.revealForDisplay()).matches("[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}");
        assertThat(code.revealForDisplay().replace("-", "")).isEqualTo(code.reveal());
    }

    @Test
    void recogniseShouldAcceptGeneratedCodesInEveryPresentation() {
        for (RecoveryCode code : recoveryCodes.generate()) {
            assertThat(RecoveryCodes.recognise(code.reveal())).contains(code.reveal());
            assertThat(RecoveryCodes.recognise(code.revealForDisplay())).contains(code.reveal());
            assertThat(RecoveryCodes.recognise(code.revealForDisplay().toUpperCase())).contains(code.reveal());
            assertThat(RecoveryCodes.recognise(" " + code.revealForDisplay().replace('-', ' ') + " ")).contains(code.reveal());
        }
    }

    @Test
    void toStringShouldNotContainTheCode() {
        for (RecoveryCode code : recoveryCodes.generate()) {
            assertThat(code.toString())
                .isEqualTo("[REDACTED]")
                .doesNotContain(code.reveal())
                .doesNotContain(code.revealForDisplay());
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"xm27w9a8y81", "xm27w9a8y81j0", "xm27w9a8y8ij", "xm27w9a8y8lj", "xm27w9a8y8oj",
        "xm27w9a8y8uj", "xm27w9a8y8$j", "xm27_w9a8_y81j", "xm27.w9a8.y81j", "123456", "-", "   "})
    void recogniseShouldRejectAnythingElse(String presented) {
        assertThat(RecoveryCodes.recognise(presented)).isEmpty();
    }

    @Test
    void recogniseShouldRejectAppPasswords() {
        assertThat(RecoveryCodes.recognise("japna28seyehv2qbawgfpa7ttgebyy5qvx02pjy1")).isEmpty();
    }
}
