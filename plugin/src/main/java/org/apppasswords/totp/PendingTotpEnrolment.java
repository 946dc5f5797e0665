package org.apppasswords.totp;

import java.time.Instant;
import java.util.Objects;

import org.apppasswords.totp.TotpSecret;

/**
 * A TOTP enrolment the user started but has not confirmed with a first code: the secret shown to
 * them (a secret: encrypted at rest by persistent stores) and when it was shown. It grants
 * nothing. {@link #toString()} hides the secret.
 */
public final class PendingTotpEnrolment {
    private final TotpSecret secret;
    private final Instant startedAt;

    public PendingTotpEnrolment(TotpSecret secret, Instant startedAt) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    public TotpSecret secret() {
        return secret;
    }

    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public String toString() {
        return "PendingTotpEnrolment[startedAt=" + startedAt + ", secret=[REDACTED]]";
    }
}
