package org.apppasswords.totp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.james.core.Username;

/**
 * What a presented code turned out to be ({@link CodeCheck#match}), and how it is settled in the
 * store once the primary password matched. Only guesses count against the codes: no code at all,
 * and a code spent before (accepted or counted wrong: a mail client replaying its saved
 * {@code primary$CODE}, recovery code or typo), are refused without counting.
 */
public final class CodeMatch {
    /** How a settled code ended. */
    public enum Settled {
        ACCEPTED_TOTP_CODE,
        ACCEPTED_RECOVERY_CODE,
        REFUSED,
        /** Refused, and this wrong code reached the limit: the codes are locked from now on. */
        REFUSED_AND_LOCKED
    }

    private enum Kind { TOTP, RECOVERY, WRONG, NOT_A_GUESS }

    private final Kind kind;
    private final long step;
    private final List<String> spentCodes;
    private final String fingerprint;
    private final Optional<String> recoveryCodeHash;

    private CodeMatch(Kind kind, long step, List<String> spentCodes, String fingerprint, Optional<String> recoveryCodeHash) {
        this.kind = kind;
        this.step = step;
        this.spentCodes = spentCodes;
        this.fingerprint = fingerprint;
        this.recoveryCodeHash = recoveryCodeHash;
    }

    /** A fresh TOTP code of {@code step}; {@code spentCodes}: the spent codes with this one. */
    static CodeMatch totp(long step, List<String> spentCodes) {
        return new CodeMatch(Kind.TOTP, step, spentCodes, "", Optional.empty());
    }

    /** An unused recovery code, by its stored hash; {@code fingerprint}: the code's, to spend it. */
    static CodeMatch recovery(String hash, String fingerprint) {
        return new CodeMatch(Kind.RECOVERY, 0, List.of(), fingerprint, Optional.of(hash));
    }

    /** A code neither fresh nor spent; {@code fingerprint}: the code's, to spend it once counted. */
    static CodeMatch wrong(String fingerprint) {
        return new CodeMatch(Kind.WRONG, 0, List.of(), fingerprint, Optional.empty());
    }

    static CodeMatch notAGuess() {
        return new CodeMatch(Kind.NOT_A_GUESS, 0, List.of(), "", Optional.empty());
    }

    /**
     * Records this code for {@code user} whose primary password matched: a TOTP code is spent
     * unless a racing login spent its step first or {@code maxFailedCodes} wrong codes lock the
     * codes; a recovery code is spent (and ends such a lock); a wrong code is counted and spent.
     */
    public Settled settle(SecondFactorStore store, Username user, int maxFailedCodes) {
        switch (kind) {
            case TOTP:
                return store.spendCode(user, step, spentCodes, maxFailedCodes) ? Settled.ACCEPTED_TOTP_CODE : Settled.REFUSED;
            case RECOVERY:
                return store.consumeRecoveryCode(user, recoveryCodeHash.orElseThrow(), fingerprint)
                    ? Settled.ACCEPTED_RECOVERY_CODE : Settled.REFUSED;
            case WRONG:
                OptionalInt counted = store.countWrongCode(user, fingerprint, maxFailedCodes);
                return counted.isPresent() && counted.getAsInt() >= maxFailedCodes ? Settled.REFUSED_AND_LOCKED : Settled.REFUSED;
            default:
                return Settled.REFUSED;
        }
    }

    /** Whether the code is the one of a step this enrolment can still spend (settling it may yet lose a race). */
    boolean isFreshTotpCode() {
        return kind == Kind.TOTP;
    }
}
