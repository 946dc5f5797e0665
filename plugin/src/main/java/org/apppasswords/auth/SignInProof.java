package org.apppasswords.auth;

/** What one presented secret proved on the primary path (login rules 3 and 4). */
public enum SignInProof {
    /** Wrong primary password, wrong or replayed code, unknown user: every failure looks alike. */
    NOTHING,
    /** The primary password of a user without TOTP. */
    PRIMARY_PASSWORD,
    /** {@code primary$CODE} (or a recovery code) of a user with TOTP; the code is now spent. */
    PRIMARY_PASSWORD_AND_SECOND_FACTOR
}
