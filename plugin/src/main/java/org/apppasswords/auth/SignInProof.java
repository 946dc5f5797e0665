package org.apppasswords.auth;

/** What one presented secret proved on the primary path (login rules 3 and 4). */
public enum SignInProof {
    /** Wrong primary password, wrong or replayed code, unknown user: every failure looks alike. */
    NOTHING,
    /**
     * Refused before it counted: this (account, address), or the whole account, is locked out of
     * the primary path for now. The secret was still checked, and ignored, so that the refusal costs
     * what any failure costs.
     */
    LOCKED,
    /** The primary password of a user without TOTP. */
    PRIMARY_PASSWORD,
    /** {@code primary$CODE} (or a recovery code) of a user with TOTP; the code is now spent. */
    PRIMARY_PASSWORD_AND_SECOND_FACTOR
}
