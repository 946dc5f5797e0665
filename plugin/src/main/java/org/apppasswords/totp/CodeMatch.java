package org.apppasswords.totp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.james.core.Username;

/**
 * What a presented code turned out to be ({@link CodeCheck#match}), and how it is settled in the
 * store once the primary password matched. Only guesses count against the codes: no code at all,
 * and a code accepted before (a mail client replaying its saved {@code primary$CODE}), are refused
 * without counting; the same wrong code within one time step counts once.
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
    private final String wrongCodeFingerprint;
    private final Optional<String> recoveryCodeHash;

    private CodeMatch(Kind kind, long step, List<String> spentCodes, String wrongCodeFingerprint, Optional<String> recoveryCodeHash) {
        this.kind = kind;
        this.step = step;
        this.spentCodes = spentCodes;
        this.wrongCodeFingerprint = wrongCodeFingerprint;
        this.recoveryCodeHash = recoveryCodeHash;
    }

    /** A fresh TOTP code of {@code step}; {@code spentCodes}: the spent codes with this one. */
    static CodeMatch totp(long step, List<String> spentCodes) {
        return new CodeMatch(Kind.TOTP, step, spentCodes, "", Optional.empty());
    }

    static CodeMatch recovery(String hash) {
        return new CodeMatch(Kind.RECOVERY, 0, List.of(), "", Optional.of(hash));
    }

    static CodeMatch wrong(String wrongCodeFingerprint) {
        return new CodeMatch(Kind.WRONG, 0, List.of(), wrongCodeFingerprint, Optional.empty());
    }

    static CodeMatch notAGuess() {
        return new CodeMatch(Kind.NOT_A_GUESS, 0, List.of(), "", Optional.empty());
    }

    /**
     * Records this code for {@code user} whose primary password matched: a TOTP code is spent
     * unless a racing login spent its step first or {@code maxFailedCodes} wrong codes lock the
     * codes; a recovery code is spent (and ends such a lock); a wrong code is counted.
     */
    public Settled settle(SecondFactorStore store, Username user, int maxFailedCodes) {
        switch (kind) {
            case TOTP:
                return store.spendCode(user, step, spentCodes, maxFailedCodes) ? Settled.ACCEPTED_TOTP_CODE : Settled.REFUSED;
            case RECOVERY:
                return store.consumeRecoveryCode(user, recoveryCodeHash.orElseThrow()) ? Settled.ACCEPTED_RECOVERY_CODE : Settled.REFUSED;
            case WRONG:
                OptionalInt counted = store.countWrongCode(user, wrongCodeFingerprint, maxFailedCodes);
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
