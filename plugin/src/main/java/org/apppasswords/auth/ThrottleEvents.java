package org.apppasswords.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.apppasswords.audit.AuditLog;
import org.apppasswords.configuration.ThrottleConfiguration;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@link LoginThrottle} does besides counting: the audit line and metric of a lockout
 * that a failure started, and the hourly forgetting of idle address and account records on a
 * dedicated daemon thread of its own (never a login's thread, never the common pool).
 */
final class ThrottleEvents {
    private static final Logger LOGGER = LoggerFactory.getLogger(ThrottleEvents.class);
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);
    private static final ExecutorService CLEANER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "app-passwords-throttle-cleanup");
        thread.setDaemon(true);
        return thread;
    });

    private final LoginFailureStore store;
    private final ThrottleConfiguration configuration;
    private final AuditLog audit;
    private final LoginMetrics metrics;
    private final AtomicReference<Instant> nextCleanup = new AtomicReference<>(Instant.MIN);

    ThrottleEvents(LoginFailureStore store, ThrottleConfiguration configuration, AuditLog audit, LoginMetrics metrics) {
        this.store = store;
        this.configuration = configuration;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** Audits and counts the lockout that {@code change}, written for {@code attempt}, started. */
    void lockoutStarted(ThrottledAttempt attempt, Settlement.Replaced change) {
        Instant until = change.after.lockedUntil().orElseThrow();
        String scope = change.key.scope;
        String scopeName = scope.equals(ThrottleState.SECOND_FACTOR) ? "totp"
            : scope.startsWith(ThrottleState.ADDRESS_PREFIX) ? "address" : scope;
        audit.lockoutStarted(attempt.user, attempt.origin, scopeName,
            until.equals(LoginFailures.UNTIL_CLEARED) ? Optional.empty() : Optional.of(until));
        metrics.lockout(scopeName);
    }

    /** At most once an hour per node: forgets idle address, address-wide and account records and old trusted addresses. */
    void cleanUpWhenDue(Instant now) {
        Instant due = nextCleanup.get();
        if (now.isBefore(due) || !nextCleanup.compareAndSet(due, now.plus(CLEANUP_INTERVAL))) {
            return;
        }
        Instant idleSince = now.minus(configuration.forgetAfter());
        try {
            CLEANER.execute(() -> {
                try {
                    store.removeIdle(ThrottleState.ADDRESS_PREFIX, idleSince, now);
                    store.removeIdle(ThrottleState.ADDRESS_WIDE, idleSince, now);
                    store.removeIdle(ThrottleState.ACCOUNT, idleSince, now);
                    store.removeIdle(TrustedAddresses.PREFIX, idleSince, now);
                } catch (RuntimeException e) {
                    LOGGER.warn("Idle login failure records could not be forgotten; the next cleanup retries: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOGGER.warn("Idle login failure records could not be forgotten now; the next cleanup retries");
        }
    }
}
