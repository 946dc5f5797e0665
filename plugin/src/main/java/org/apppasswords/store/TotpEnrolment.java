package org.apppasswords.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.apppasswords.totp.TotpSecret;

/**
 * A user's enabled second factor: the TOTP secret (a secret: encrypted at rest by persistent
 * stores), when it was enabled, the last time step accepted ({@link #NO_STEP_USED} before the
 * first one) and the hashes of the recovery codes not used yet. {@link #toString()} shows
 * neither the secret nor the hashes.
 */
public final class TotpEnrolment {
    public static final long NO_STEP_USED = Long.MIN_VALUE;

    private final TotpSecret secret;
    private final Instant enabledAt;
    private final long lastUsedStep;
    private final List<String> recoveryCodeHashes;

    public TotpEnrolment(TotpSecret secret, Instant enabledAt, long lastUsedStep, List<String> recoveryCodeHashes) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.enabledAt = Objects.requireNonNull(enabledAt, "enabledAt");
        this.lastUsedStep = lastUsedStep;
        this.recoveryCodeHashes = List.copyOf(recoveryCodeHashes);
    }

    public static TotpEnrolment enabled(TotpSecret secret, Instant enabledAt, List<String> recoveryCodeHashes) {
        return new TotpEnrolment(secret, enabledAt, NO_STEP_USED, recoveryCodeHashes);
    }

    public TotpEnrolment withLastUsedStep(long step) {
        return new TotpEnrolment(secret, enabledAt, step, recoveryCodeHashes);
    }

    public TotpEnrolment withRecoveryCodeHashes(List<String> hashes) {
        return new TotpEnrolment(secret, enabledAt, lastUsedStep, hashes);
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

    @Override
    public String toString() {
        return "TotpEnrolment[enabledAt=" + enabledAt + ", lastUsedStep=" + lastUsedStep
            + ", recoveryCodesLeft=" + recoveryCodeHashes.size() + ", secret=[REDACTED]]";
    }
}
