package org.apppasswords.totp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's enabled second factor: the TOTP secret (a secret: encrypted at rest by persistent
 * stores), when it was enabled, the last time step accepted ({@link #NO_STEP_USED} before the
 * first one), the hashes of the recovery codes not used yet, and what guards the codes: how many
 * wrong codes were counted since the last accepted one, the fingerprint of the last wrong code
 * (with its step), and the fingerprints of the last {@link #SPENT_CODES_KEPT} accepted codes
 * ({@link TotpSecret#fingerprint}). {@link #toString()} shows neither the secret nor the hashes.
 */
public final class TotpEnrolment {
    public static final long NO_STEP_USED = Long.MIN_VALUE;
    /** Accepted codes remembered: a mail client replaying one of these is neither accepted nor counted. */
    public static final int SPENT_CODES_KEPT = 10;

    private final TotpSecret secret;
    private final Instant enabledAt;
    private final long lastUsedStep;
    private final List<String> recoveryCodeHashes;
    private final int failedCodes;
    private final Optional<String> lastWrongCode;
    private final List<String> spentCodes;

    public TotpEnrolment(TotpSecret secret, Instant enabledAt, long lastUsedStep, List<String> recoveryCodeHashes, int failedCodes,
                         Optional<String> lastWrongCode, List<String> spentCodes) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.enabledAt = Objects.requireNonNull(enabledAt, "enabledAt");
        this.lastUsedStep = lastUsedStep;
        this.recoveryCodeHashes = List.copyOf(recoveryCodeHashes);
        this.failedCodes = failedCodes;
        this.lastWrongCode = Objects.requireNonNull(lastWrongCode, "lastWrongCode");
        this.spentCodes = List.copyOf(spentCodes);
    }

    public static TotpEnrolment enabled(TotpSecret secret, Instant enabledAt, List<String> recoveryCodeHashes) {
        return new TotpEnrolment(secret, enabledAt, NO_STEP_USED, recoveryCodeHashes, 0, Optional.empty(), List.of());
    }

    public TotpEnrolment withLastUsedStep(long step) {
        return new TotpEnrolment(secret, enabledAt, step, recoveryCodeHashes, failedCodes, lastWrongCode, spentCodes);
    }

    public TotpEnrolment withRecoveryCodeHashes(List<String> hashes) {
        return new TotpEnrolment(secret, enabledAt, lastUsedStep, hashes, failedCodes, lastWrongCode, spentCodes);
    }

    /** After an accepted code: its step, its fingerprint among the spent ones, and no wrong code counted. */
    public TotpEnrolment spent(long step, String codeFingerprint) {
        return new TotpEnrolment(secret, enabledAt, step, recoveryCodeHashes, 0, Optional.empty(), spentCodesWith(codeFingerprint));
    }

    /** After a wrong code. */
    public TotpEnrolment withWrongCode(String wrongCodeFingerprint) {
        return new TotpEnrolment(secret, enabledAt, lastUsedStep, recoveryCodeHashes, failedCodes + 1, Optional.of(wrongCodeFingerprint),
            spentCodes);
    }

    /** With no wrong code counted: a recovery code, a primary password change. */
    public TotpEnrolment withoutWrongCodes() {
        return new TotpEnrolment(secret, enabledAt, lastUsedStep, recoveryCodeHashes, 0, Optional.empty(), spentCodes);
    }

    /** The spent codes once {@code codeFingerprint} joins them, the oldest going beyond {@link #SPENT_CODES_KEPT}. */
    public List<String> spentCodesWith(String codeFingerprint) {
        List<String> kept = new ArrayList<>(spentCodes);
        kept.add(codeFingerprint);
        return kept.subList(Math.max(0, kept.size() - SPENT_CODES_KEPT), kept.size());
    }

    public TotpSecret secret() {
        return secret;
    }

    public Instant enabledAt() {
        return enabledAt;
    }

    public long lastUsedStep() {
        return lastUsedStep;
    }

    public List<String> recoveryCodeHashes() {
        return recoveryCodeHashes;
    }

    public int failedCodes() {
        return failedCodes;
    }

    public Optional<String> lastWrongCode() {
        return lastWrongCode;
    }

    public List<String> spentCodes() {
        return spentCodes;
    }

    @Override
    public String toString() {
        return "TotpEnrolment[enabledAt=" + enabledAt + ", lastUsedStep=" + lastUsedStep
            + ", recoveryCodesLeft=" + recoveryCodeHashes.size() + ", failedCodes=" + failedCodes + ", secret=[REDACTED]]";
    }
}
