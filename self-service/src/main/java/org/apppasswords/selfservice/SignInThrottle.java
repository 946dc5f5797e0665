package org.apppasswords.selfservice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.james.core.Username;

import com.google.common.cache.CacheBuilder;

/**
 * Slows down guessing of a user's primary password or codes through the self-service API, per
 * username and <b>per node</b> (counters live in this JVM; shared counters come with the
 * throttling work). The first {@value #FREE_FAILURES} failures cost nothing; each later failure
 * locks the name for twice as long as the previous one, starting at {@link #FIRST_LOCK} and capped
 * at {@link #MAX_LOCK}. While locked, attempts are refused with 429 before any check is made, and
 * the lock never sleeps a thread. A success clears the name's record.
 *
 * <p>Sign-in, the one route open to anybody, uses {@link #beginAttempt}: it counts an attempt as a
 * failure <em>before</em> it is checked, in one atomic step with the lock check, so that parallel
 * guesses cannot all pass an unlocked name; {@link #recordSuccess} then clears it. The routes that
 * already need a session ({@link #checkAllowed}, then {@link #recordFailure}) count failures once
 * known, so that a user's own parallel requests (several app passwords created at once) are not
 * locked out; their parallelism is bounded by holding a token. Records are forgotten an hour after the last attempt, and
 * at most {@value #MAX_RECORDS} are kept (least recently used go first), so that random names
 * cannot fill the heap.
 *
 * <p>Attempts counted: sign-ins, the primary password asked again when creating an app password,
 * the code when confirming or disabling TOTP. The protocols (IMAP, SMTP...) are not throttled here.
 */
final class SignInThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final int MAX_RECORDS = 100_000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final ConcurrentMap<Username, Failures> failures = CacheBuilder.newBuilder()
        .maximumSize(MAX_RECORDS)
        .expireAfterAccess(FORGET_AFTER.toMinutes(), TimeUnit.MINUTES)
        .<Username, Failures>build()
        .asMap();
    private final Clock clock;

    @Inject
    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reserves one attempt for {@code user}: counted as a failure until {@link #recordSuccess}.
     * Throws a 429 {@link ApiError} while the name is locked, counting nothing.
     */
    void beginAttempt(Username user) {
        Instant now = clock.instant();
        boolean[] locked = {false};
        Failures record = failures.compute(user, (name, previous) -> {
            if (previous != null && now.isBefore(previous.lockedUntil)) {
                locked[0] = true;
                return previous;
            }
            int count = previous == null ? 1 : previous.count + 1;
            return new Failures(count, now.plus(lockAfter(count)));
        });
        if (locked[0]) {
            long seconds = Math.max(1, Duration.between(now, record.lockedUntil).toSeconds() + 1);
            throw ApiError.tooManyAttempts(seconds);
        }
    }

    /** Throws a 429 {@link ApiError} while {@code user} is locked; counts nothing. */
    void checkAllowed(Username user) {
        Instant now = clock.instant();
        Failures record = failures.get(user);
        if (record != null && now.isBefore(record.lockedUntil)) {
            throw ApiError.tooManyAttempts(Math.max(1, Duration.between(now, record.lockedUntil).toSeconds() + 1));
        }
    }

    void recordFailure(Username user) {
        Instant now = clock.instant();
        failures.compute(user, (name, previous) -> {
            int count = previous == null ? 1 : previous.count + 1;
            return new Failures(count, now.plus(lockAfter(count)));
        });
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

        Failures(int count, Instant lockedUntil) {
            this.count = count;
            this.lockedUntil = lockedUntil;
        }
    }
}
