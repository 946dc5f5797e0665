package org.apppasswords.selfservice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;

import org.apache.james.core.Username;

/**
 * Slows down guessing of a user's primary password or codes through the self-service API, per
 * username and <b>per node</b> (counters live in this JVM; shared counters come with the
 * throttling work). The first {@value #FREE_FAILURES} failures cost nothing; each later failure
 * locks the name for twice as long as the previous one, starting at {@link #FIRST_LOCK} and capped
 * at {@link #MAX_LOCK}. While locked, attempts are refused with 429 before any check is made, and
 * the lock never sleeps a thread. A success clears the name's record.
 *
 * <p>Failures counted: sign-in refusals, a wrong primary password when creating an app password,
 * a wrong code when disabling TOTP. The protocols (IMAP, SMTP...) are not throttled here.
 */
final class SignInThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** Records kept before idle ones are forgotten, so that random names cannot fill the heap. */
    private static final int HOUSEKEEPING_THRESHOLD = 10_000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final ConcurrentHashMap<Username, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Throws a 429 {@link ApiError} while {@code user} is locked. */
    void checkAllowed(Username user) {
        Failures record = failures.get(user);
        Instant now = clock.instant();
        if (record != null && now.isBefore(record.lockedUntil)) {
            long seconds = Math.max(1, Duration.between(now, record.lockedUntil).toSeconds() + 1);
            throw ApiError.tooManyAttempts(seconds);
        }
    }

    void recordFailure(Username user) {
        Instant now = clock.instant();
        failures.compute(user, (name, previous) -> {
            int count = previous == null ? 1 : previous.count + 1;
            return new Failures(count, now.plus(lockAfter(count)), now);
        });
        if (failures.size() > HOUSEKEEPING_THRESHOLD) {
            failures.values().removeIf(record -> record.lastFailure.plus(FORGET_AFTER).isBefore(now));
        }
    }

    void recordSuccess(Username user) {
        failures.remove(user);
    }

    static Duration lockAfter(int failureCount) {
        if (failureCount <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failureCount - FREE_FAILURES - 1, 20);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private static final class Failures {
        final int count;
        final Instant lockedUntil;
        final Instant lastFailure;

        Failures(int count, Instant lockedUntil, Instant lastFailure) {
            this.count = count;
            this.lockedUntil = lockedUntil;
            this.lastFailure = lastFailure;
        }
    }
}
