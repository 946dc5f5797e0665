package org.apppasswords.totp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user's enabled second factor: the TOTP secret (a secret: encrypted at rest by persistent
 * stores), when it was enabled, the last time step accepted ({@link #NO_STEP_USED} before the
 * first one), the hashes of the recovery codes not used yet, and what guards the codes: how many
 * wrong codes were counted since the last accepted one, and the fingerprints
 * ({@link TotpSecret#fingerprint}) of the last {@link #SPENT_CODES_KEPT} codes spent. A code is
 * spent once accepted (a TOTP or a recovery code) or counted wrong; a spent code is refused, never
 * accepted again and never counted again, so that a mail client replaying what it saved (or two
 * such clients taking turns) costs one count at most. {@link #toString()} shows neither the secret
 * nor the hashes.
 */
public final class TotpEnrolment {
    public static final long NO_STEP_USED = Long.MIN_VALUE;
    /** Spent codes remembered (accepted or counted wrong): one of these again is neither accepted nor counted. */
    public static final int SPENT_CODES_KEPT = 20;

    private final TotpSecret secret;
    private final Instant enabledAt;
    private final long lastUsedStep;
    private final List<String> recoveryCodeHashes;
    private final int failedCodes;
    private final List<String> spentCodes;

    public TotpEnrolment(TotpSecret secret, Instant enabledAt, long lastUsedStep, List<String> recoveryCodeHashes, int failedCodes,
                         List<String> spentCodes) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.enabledAt = Objects.requireNonNull(enabledAt, "enabledAt");
        this.lastUsedStep = lastUsedStep;
        this.recoveryCodeHashes = List.copyOf(recoveryCodeHashes);
        this.failedCodes = failedCodes;
        this.spentCodes = List.copyOf(spentCodes);
    }

    public static TotpEnrolment enabled(TotpSecret secret, Instant enabledAt, List<String> recoveryCodeHashes) {
        return new TotpEnrolment(secret, enabledAt, NO_STEP_USED, recoveryCodeHashes, 0, List.of());
    }

    public TotpEnrolment withLastUsedStep(long step) {
        return new TotpEnrolment(secret, enabledAt, step, recoveryCodeHashes, failedCodes, spentCodes);
    }

    public TotpEnrolment withRecoveryCodeHashes(List<String> hashes) {
        return new TotpEnrolment(secret, enabledAt, lastUsedStep, hashes, failedCodes, spentCodes);
    }

    /** After an accepted TOTP code: its step, its fingerprint among the spent ones, and no wrong code counted. */
    public TotpEnrolment spent(long step, String codeFingerprint) {
        return new TotpEnrolment(secret, enabledAt, step, recoveryCodeHashes, 0, spentCodesWith(codeFingerprint));
    }

    /** After a recovery code: the hashes left, its fingerprint among the spent ones, and no wrong code counted. */
    public TotpEnrolment recoveryCodeSpent(List<String> hashesLeft, String codeFingerprint) {
        return new TotpEnrolment(secret, enabledAt, lastUsedStep, hashesLeft, 0, spentCodesWith(codeFingerprint));
    }

    /** After a wrong code: one more counted, and spent. */
    public TotpEnrolment withWrongCode(String codeFingerprint) {
        return new TotpEnrolment(secret, enabledAt, lastUsedStep, recoveryCodeHashes, failedCodes + 1, spentCodesWith(codeFingerprint));
    }

    /** With no wrong code counted: a primary password change. */
    public TotpEnrolment withoutWrongCodes() {
        return new TotpEnrolment(secret, enabledAt, lastUsedStep, recoveryCodeHashes, 0, spentCodes);
    }

    /** The spent codes once {@code codeFingerprint} joins them. */
    public List<String> spentCodesWith(String codeFingerprint) {
        return spentCodesWith(spentCodes, codeFingerprint);
    }

    /** {@code spent} once {@code codeFingerprint} joins them, the oldest going beyond {@link #SPENT_CODES_KEPT}. */
    public static List<String> spentCodesWith(List<String> spent, String codeFingerprint) {
        List<String> kept = new ArrayList<>(spent);
        kept.add(codeFingerprint);
        return List.copyOf(kept.subList(Math.max(0, kept.size() - SPENT_CODES_KEPT), kept.size()));
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

    public List<String> spentCodes() {
        return spentCodes;
    }

    @Override
    public String toString() {
        return "TotpEnrolment[enabledAt=" + enabledAt + ", lastUsedStep=" + lastUsedStep
            + ", recoveryCodesLeft=" + recoveryCodeHashes.size() + ", failedCodes=" + failedCodes + ", secret=[REDACTED]]";
    }
}
