package org.apppasswords.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Checks 6-digit HMAC-SHA1 TOTP codes (RFC 6238, 30-second steps) within one step of clock drift.
 *
 * <p>{@link #verify} always computes the codes of steps T-1, T and T+1 and compares each with
 * {@link MessageDigest#isEqual}, whatever the input, so a wrong, malformed or replayed code costs
 * the same as a right one. It returns the step that matched; the caller must record it
 * atomically as the user's last used step and pass it back next time, which is what refuses a
 * replay (RFC 6238 section 5.2). {@link Long#MIN_VALUE} means "no step used yet".
 *
 * <p>Codes and secrets are never logged. Thread-safe; time comes from the injected {@link Clock}.
 */
public final class TotpVerifier {
    /** Digits of a code. */
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    static final int WINDOW = 1;

    // Compared against when the presented code is malformed, so the work stays the same.
    private static final byte[] NO_CODE = new byte[DIGITS];

    private final Clock clock;

    public TotpVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The RFC 6238 T for the clock's current instant. */
    public long currentStep() {
        return Totp.timeStep(clock.instant());
    }

    /**
     * The greatest step among T-1, T, T+1 whose code equals {@code code} and which is strictly
     * greater than {@code lastUsedStep} ({@link Long#MIN_VALUE} when the user has used none).
     * Empty when {@code code} is null or not exactly 6 ASCII digits, when it matches no step in
     * the window, or when it matches only steps at or before {@code lastUsedStep} (a replay).
     */
    public OptionalLong verify(TotpSecret secret, String code, long lastUsedStep) {
        Objects.requireNonNull(secret, "secret");
        boolean wellFormed = isSixDigits(code);
        byte[] presented = wellFormed ? code.getBytes(StandardCharsets.US_ASCII) : NO_CODE;
        byte[] key = secret.revealBytes();
        long now = currentStep();
        boolean found = false;
        long matched = Long.MIN_VALUE;
        for (long step = now - WINDOW; step <= now + WINDOW; step++) {
            byte[] expected = Totp.code(key, step, DIGITS, Totp.Algorithm.SHA1).getBytes(StandardCharsets.US_ASCII);
            boolean usable = MessageDigest.isEqual(expected, presented) & step > lastUsedStep;
            // Steps ascend, so the last usable one is the greatest.
            found |= usable;
            matched = usable ? step : matched;
        }
        Arrays.fill(key, (byte) 0);
        return wellFormed && found ? OptionalLong.of(matched) : OptionalLong.empty();
    }

    private static boolean isSixDigits(String code) {
        if (code == null || code.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
