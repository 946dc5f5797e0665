package org.apppasswords.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.james.core.Username;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.configuration.ThrottleConfiguration;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed primary-path logins in the shared {@link LoginFailureStore} and locks, as
 * docs/throttling.md explains: per (account, address) after a few failures, per account after many
 * (from any address: this only delays a distributed guesser, and never touches app passwords), and
 * the TOTP path after {@code throttle.secondFactor.maxFailures} consecutive wrong codes behind a
 * right primary password, until a recovery code or an admin reset. A wrong value already among
 * the last few of a scope counts once. A lockout refuses; nothing here ever sleeps.
 */
final class LoginThrottle {
    private static final Logger LOGGER = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_RACES = 10;
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

    private final LoginFailureStore store;
    private final ThrottleConfiguration configuration;
    private final Clock clock;
    private final FailureFingerprint fingerprint;
    private final AuditLog audit;
    private final LoginMetrics metrics;
    private final AtomicReference<Instant> nextCleanup = new AtomicReference<>(Instant.MIN);

    LoginThrottle(LoginFailureStore store, ThrottleConfiguration configuration, Clock clock, FailureFingerprint fingerprint,
                  AuditLog audit, LoginMetrics metrics) {
        this.store = store;
        this.configuration = configuration;
        this.clock = clock;
        this.fingerprint = fingerprint;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** One store read, before the attempt is checked. */
    ThrottleState read(Username user, LoginOrigin origin) {
        return new ThrottleState(user, origin, store.find(user), clock.instant());
    }

    /** A wrong primary password (or an unknown user): counts against the address and the account. */
    void primaryFailed(ThrottleState state, String presented) {
        String value = fingerprint.of(state.user, presented);
        count(state, state.addressScope, value);
        count(state, ThrottleState.ACCOUNT, value);
        cleanUpWhenDue(state.now);
    }

    /** A right primary password with a wrong, replayed or locked-out code: counts like a wrong password, and against the TOTP path. */
    void secondFactorFailed(ThrottleState state, String presented) {
        primaryFailed(state, presented);
        count(state, ThrottleState.SECOND_FACTOR, fingerprint.of(state.user, presented));
    }

    /** A proven primary password (and code, when {@code secondFactorProven}): this address and the account start afresh. */
    void succeeded(ThrottleState state, boolean secondFactorProven) {
        if (!state.hasRecords()) {
            return;
        }
        if (secondFactorProven) {
            store.clear(state.user, state.addressScope, ThrottleState.ACCOUNT, ThrottleState.SECOND_FACTOR);
        } else {
            store.clear(state.user, state.addressScope, ThrottleState.ACCOUNT);
        }
    }

    private void count(ThrottleState state, String scope, String value) {
        Optional<LoginFailures> current = state.record(scope);
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<LoginFailures> live = current.filter(failures -> !isForgotten(scope, failures, state.now));
            if (live.map(failures -> failures.remembers(value) || failures.isLockedAt(state.now)).orElse(false)) {
                return;
            }
            int count = live.map(LoginFailures::failures).orElse(0) + 1;
            Optional<Instant> lockedUntil = lockoutAfter(scope, count, state.now);
            LoginFailures updated = live.isPresent()
                ? live.get().plusFailure(state.now, value, lockedUntil)
                : new LoginFailures(1, state.now, lockedUntil, List.of(value), current.map(failures -> failures.version() + 1).orElse(0L));
            if (store.replace(state.user, scope, current, updated)) {
                lockedUntil.ifPresent(until -> lockoutStarted(state, scope, until));
                return;
            }
            current = Optional.ofNullable(store.find(state.user).get(scope));
        }
        LOGGER.warn("A failed login could not be counted after {} concurrent updates of the same counter", MAX_RACES);
    }

    private Optional<Instant> lockoutAfter(String scope, int count, Instant now) {
        if (scope.equals(ThrottleState.SECOND_FACTOR)) {
            return count >= configuration.secondFactorMaxFailures() ? Optional.of(LoginFailures.UNTIL_CLEARED) : Optional.empty();
        }
        ThrottleConfiguration.Rule rule = scope.equals(ThrottleState.ACCOUNT) ? configuration.account() : configuration.address();
        Duration lockout = rule.lockoutAfter(count);
        return lockout.isZero() ? Optional.empty() : Optional.of(now.plus(lockout));
    }

    /** Address and account records start afresh after {@code throttle.forgetAfter} without a failure; TOTP failures stay consecutive. */
    private boolean isForgotten(String scope, LoginFailures failures, Instant now) {
        return !scope.equals(ThrottleState.SECOND_FACTOR) && !failures.isLockedAt(now)
            && failures.lastFailureAt().plus(configuration.forgetAfter()).isBefore(now);
    }

    private void lockoutStarted(ThrottleState state, String scope, Instant until) {
        String scopeName = scope.equals(ThrottleState.ACCOUNT) ? "account"
            : scope.equals(ThrottleState.SECOND_FACTOR) ? "totp" : "address";
        audit.lockoutStarted(state.user, state.origin, scopeName,
            until.equals(LoginFailures.UNTIL_CLEARED) ? Optional.empty() : Optional.of(until));
        metrics.lockout(scopeName);
    }

    /** At most once an hour per node, off the login's thread: forgets idle address and account records. */
    private void cleanUpWhenDue(Instant now) {
        Instant due = nextCleanup.get();
        if (now.isBefore(due) || !nextCleanup.compareAndSet(due, now.plus(CLEANUP_INTERVAL))) {
            return;
        }
        Instant idleSince = now.minus(configuration.forgetAfter());
        CompletableFuture.runAsync(() -> {
            try {
                store.removeIdle(ThrottleState.ADDRESS_PREFIX, idleSince, now);
                store.removeIdle(ThrottleState.ACCOUNT, idleSince, now);
            } catch (RuntimeException e) {
                LOGGER.warn("Idle login failure records could not be forgotten; the next cleanup retries: {}", e.getMessage());
            }
        });
    }
}
