package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpVerifierTest {
    // Base32 of the RFC 6238 SHA1 seed, ASCII "12345678901234567890".
    private static final TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private static final long NOW = 1111111111L;
    private static final long T = NOW / 30;
    private static final long NONE = Long.MIN_VALUE;

    private final TotpVerifier verifier = verifierAt(NOW);

    @Test
    void currentStepShouldFollowTheClock() {
        assertThat(verifier.currentStep()).isEqualTo(T);
    }

    @Test
    void verifyShouldAcceptCurrentStep() {
        assertThat(verifier.verify(SECRET, code(T), NONE)).hasValue(T);
    }

    @Test
    void verifyShouldAcceptPreviousStep() {
        assertThat(verifier.verify(SECRET, code(T - 1), NONE)).hasValue(T - 1);
    }

    @Test
    void verifyShouldAcceptNextStep() {
        assertThat(verifier.verify(SECRET, code(T + 1), NONE)).hasValue(T + 1);
    }

    @Test
    void verifyShouldAcceptStepAfterTheLastUsedOne() {
        assertThat(verifier.verify(SECRET, code(T + 1), T)).hasValue(T + 1);
    }

    @Test
    void verifyShouldReturnGreatestMatchingStep() {
        // Found by search, checked independently with Python's hmac: the RFC 6238 SHA1 seed gives
        // 186519 for both steps 37079356 and 37079357.
        long step = 37079356L;
        assertThat(code(step)).isEqualTo("186519").isEqualTo(code(step + 1));

        assertThat(verifierAt(step * 30 + 15).verify(SECRET, "186519", NONE)).hasValue(step + 1);
        assertThat(verifierAt(step * 30 + 15).verify(SECRET, "186519", step)).hasValue(step + 1);
        assertThat(verifierAt(step * 30 + 15).verify(SECRET, "186519", step + 1)).isEmpty();
    }

    @Test
    void verifyShouldRejectTwoStepsBefore() {
        assertThat(verifier.verify(SECRET, code(T - 2), NONE)).isEmpty();
    }

    @Test
    void verifyShouldRejectTwoStepsAfter() {
        assertThat(verifier.verify(SECRET, code(T + 2), NONE)).isEmpty();
    }

    @Test
    void verifyShouldRejectWrongCode() {
        String wrong = code(T).equals("000000") ? "000001" : "000000";

        assertThat(verifier.verify(SECRET, wrong, NONE)).isEmpty();
    }

    @Test
    void verifyShouldRejectCodeOfAnotherSecret() {
        TotpSecret other = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJR");

        assertThat(verifier.verify(other, code(T), NONE)).isEmpty();
    }

    @Test
    void verifyShouldRejectReplayedStep() {
        assertThat(verifier.verify(SECRET, code(T), T)).isEmpty();
    }

    @Test
    void verifyShouldRejectCodeOfStepBeforeTheLastUsedOne() {
        assertThat(verifier.verify(SECRET, code(T - 1), T)).isEmpty();
        assertThat(verifier.verify(SECRET, code(T), T + 1)).isEmpty();
    }

    @Test
    void verifyShouldRejectEverythingOnceTheWindowIsUsed() {
        assertThat(verifier.verify(SECRET, code(T + 1), T + 1)).isEmpty();
    }

    @Test
    void verifyShouldRejectEightDigitCodeOfTheRightStep() {
        // RFC 6238 Appendix B: 14050471 at T = 1111111111.
        assertThat(verifier.verify(SECRET, "14050471", NONE)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "1234567", "abcdef", "12345a", " 12345", "12 345", "-12345", "+12345",
        "\u0661\u0662\u0663\u0664\u0665\u0666", "050471 ", "050471\n"})
    void verifyShouldRejectMalformedCodes(String code) {
        assertThat(verifier.verify(SECRET, code, NONE)).isEmpty();
    }

    @Test
    void verifyShouldRejectCurrentCodeWhenTruncatedExtendedOrSpaced() {
        String current = code(T);

        assertThat(verifier.verify(SECRET, current.substring(1), NONE)).isEmpty();
        assertThat(verifier.verify(SECRET, current + "0", NONE)).isEmpty();
        assertThat(verifier.verify(SECRET, current.substring(0, 3) + " " + current.substring(3), NONE)).isEmpty();
    }

    private static String code(long step) {
        return Totp.code(SECRET.revealBytes(), step, 6, Totp.Algorithm.SHA1);
    }

    private static TotpVerifier verifierAt(long epochSeconds) {
        return new TotpVerifier(Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC));
    }
}
