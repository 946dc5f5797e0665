package org.apppasswords.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * Where the store writes spent steps behind the login (the embedded H2 store), a crash may lose the
 * last ones: after a start, an enrolment older than the start takes no code of a step up to the
 * start's step + 1, so that no code spent before the crash can log in again (RFC 6238 5.2), while
 * enrolments made since, and stores that lose nothing, are not fenced. Codes from RFC 6238 Appendix
 * B's SHA-1 seed, cut to 6 digits.
 */
class CodeReplayFenceTest {
    private static final TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private static final Instant START = Instant.ofEpochSecond(1_111_111_080L);
    private static final long START_STEP = Totp.timeStep(START);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MutableClock clock = new MutableClock(START);
    private final TotpVerifier verifier = new TotpVerifier(clock);
    private final SaltedSha256SecretHasher hasher = new SaltedSha256SecretHasher(RANDOM);

    private static String code(long step) {
        return Totp.code(SECRET.revealBytes(), step, TotpVerifier.DIGITS, Totp.Algorithm.SHA1);
    }

    private static TotpEnrolment enabledAt(Instant at) {
        return TotpEnrolment.enabled(SECRET, at, List.of());
    }

    private CodeCheck fencedAfter(Instant start) {
        return new CodeCheck(verifier, hasher, RANDOM, Optional.of(start));
    }

    private boolean accepts(CodeCheck codes, TotpEnrolment enrolment, long step) {
        return codes.match(Optional.of(enrolment), code(step)).isFreshTotpCode();
    }

    @Test
    void anEnrolmentOlderThanTheStartShouldRefuseTheStepsACrashMayHaveLostTheSpendOf() {
        CodeCheck codes = fencedAfter(START);
        TotpEnrolment before = enabledAt(START.minus(Duration.ofDays(1)));

        assertThat(accepts(codes, before, START_STEP - 1)).as("the previous step").isFalse();
        assertThat(accepts(codes, before, START_STEP)).as("the start's step").isFalse();
        assertThat(accepts(codes, before, START_STEP + 1)).as("the next step, which a client ahead could have spent").isFalse();
    }

    @Test
    void anEnrolmentOlderThanTheStartShouldTakeCodesAgainFromTwoStepsAfterIt() {
        CodeCheck codes = fencedAfter(START);
        clock.advance(Duration.ofSeconds(60));

        assertThat(accepts(codes, enabledAt(START.minus(Duration.ofDays(1))), START_STEP + 2)).isTrue();
    }

    @Test
    void anEnrolmentMadeSinceTheStartShouldNotBeFenced() {
        CodeCheck codes = fencedAfter(START);

        assertThat(accepts(codes, enabledAt(START.plusSeconds(1)), START_STEP)).isTrue();
    }

    @Test
    void aStoreThatLosesNoSpentStepShouldNotBeFenced() {
        CodeCheck codes = new CodeCheck(verifier, hasher, RANDOM, Optional.empty());

        assertThat(accepts(codes, enabledAt(START.minus(Duration.ofDays(1))), START_STEP)).isTrue();
    }

    @Test
    void theFenceShouldNotLowerAStepSpentAfterIt() {
        CodeCheck codes = fencedAfter(START);
        clock.advance(Duration.ofSeconds(90));
        TotpEnrolment spentLater = enabledAt(START.minus(Duration.ofDays(1))).withLastUsedStep(START_STEP + 3);

        assertThat(accepts(codes, spentLater, START_STEP + 3)).as("a step already spent").isFalse();
        assertThat(accepts(codes, spentLater, START_STEP + 4)).isTrue();
    }
}
