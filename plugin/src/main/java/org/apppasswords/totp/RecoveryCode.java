package org.apppasswords.totp;

import java.util.Objects;

/**
 * One single-use recovery code: 12 symbols of the app-password alphabet
 * ({@link org.apppasswords.apppassword.TokenAlphabet}), 60 bits from
 * {@link java.security.SecureRandom}. Normalised form {@code 7hq2x9mc4kd0}, display form
 * {@code 7hq2-x9mc-4kd0}.
 *
 * <p>Secret: shown once at enrolment, then stored only hashed. Read it through the
 * {@code reveal...} methods; {@link #toString()} says {@code [REDACTED]}; there is no
 * {@code equals}.
 */
public final class RecoveryCode {
    private final String code;

    RecoveryCode(String code) {
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Secret: the normalised 12-symbol form, the one to hash. */
    public String reveal() {
        return code;
    }

    /** Secret: {@code xxxx-xxxx-xxxx}, the form shown to the user. */
    public String revealForDisplay() {
        return code.substring(0, 4) + '-' + code.substring(4, 8) + '-' + code.substring(8);
    }

    @Override
    public String toString() {
        return "[REDACTED]";
    }
}
