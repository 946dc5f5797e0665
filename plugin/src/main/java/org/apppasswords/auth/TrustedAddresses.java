package org.apppasswords.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.LoginFailureChange;
import org.apppasswords.store.LoginFailures;

/**
 * Addresses with a recent success for an account, which an account-wide lockout does not stop:
 * the owner keeps signing in from where they signed in before while a distributed guesser has
 * locked the account for everyone else. Their own (account, address) and address-wide limits still
 * apply, so such an address has the small budget every address has. Kept as the scope
 * {@code trusted:ADDRESS} of the account, whose record's {@code lastFailureAt} holds the time of
 * the last success (refreshed at most once an hour), trusted for {@code throttle.forgetAfter}.
 * Attempts without an address are never trusted.
 */
final class TrustedAddresses {
    static final String PREFIX = "trusted:";
    private static final Duration REFRESH = Duration.ofHours(1);

    private final Duration trustFor;

    TrustedAddresses(Duration trustFor) {
        this.trustFor = trustFor;
    }

    static Optional<String> scope(LoginOrigin origin) {
        return ThrottleState.normalisedAddress(origin).map(address -> PREFIX + address);
    }

    /** Whether {@code origin}'s address had a success for the account whose records are {@code read}, recently enough. */
    boolean isTrusted(Map<String, LoginFailures> read, LoginOrigin origin, Instant now) {
        return scope(origin).map(read::get).map(record -> !record.lastFailureAt().plus(trustFor).isBefore(now)).orElse(false);
    }

    /** The change noting a success from the attempt's address: at most once an hour per account and address. */
    Optional<LoginFailureChange> remember(ThrottledAttempt attempt) {
        Optional<String> scope = scope(attempt.origin);
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        Optional<LoginFailures> current = attempt.record(new ScopeKey(attempt.user, scope.get()));
        if (current.map(record -> record.lastFailureAt().plus(REFRESH).isAfter(attempt.now)).orElse(false)) {
            return Optional.empty();
        }
        long version = current.map(record -> record.version() + 1).orElse(attempt.now.toEpochMilli());
        return Optional.of(LoginFailureChange.replace(attempt.user, scope.get(), current,
            new LoginFailures(0, attempt.now, Optional.empty(), List.of(), version)));
    }
}
