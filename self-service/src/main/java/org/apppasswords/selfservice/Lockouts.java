package org.apppasswords.selfservice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.auth.SelfServiceSignIn;

/** The 429 of a locked-out attempt, with the seconds left in {@code Retry-After}. */
final class Lockouts {
    private Lockouts() {
    }

    static ApiError tooManyAttempts(SelfServiceSignIn signIn, Username user, LoginOrigin origin, Clock clock) {
        Instant now = clock.instant();
        long seconds = signIn.lockedUntil(user, origin)
            .map(until -> Duration.between(now, until).toSeconds() + 1)
            .orElse(1L);
        return ApiError.tooManyAttempts(Math.max(1, seconds));
    }
}
