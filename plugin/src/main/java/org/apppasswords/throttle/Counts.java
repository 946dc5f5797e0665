package org.apppasswords.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apppasswords.configuration.ThrottleConfiguration;

/**
 * The counts of one attempt's scopes, derived from what the store holds: in each scope, the
 * distinct values that failed there within {@code throttle.forgetAfter} and the time of the last
 * one. A scope with {@code maxFailures} or more is locked for its rule's lockout from that last
 * failure (each further value doubling it), so that every count and lockout follows from the rows
 * alone. The account scope does not stop an address the account recently succeeded from.
 */
final class Counts {
    private final Map<Scope, Set<String>> values = new LinkedHashMap<>();
    private final Map<Scope, Instant> lastFailure = new LinkedHashMap<>();
    private final Throttle.Attempt attempt;
    private final ThrottleConfiguration configuration;
    private final Optional<Instant> lastSuccess;

    Counts(LoginFailureStore.History history, Throttle.Attempt attempt, ThrottleConfiguration configuration) {
        this.attempt = attempt;
        this.configuration = configuration;
        this.lastSuccess = history.lastSuccessFromAddress();
        for (Scope scope : attempt.scopes) {
            values.put(scope, new HashSet<>());
            for (LoginFailure failure : history.failures()) {
                if (scope.counts(failure)) {
                    values.get(scope).add(failure.fingerprint());
                    lastFailure.merge(scope, failure.at(), (one, other) -> one.isAfter(other) ? one : other);
                }
            }
        }
    }

    /**
     * Until when the attempt is refused: the latest end of a lockout among its scopes, or now when a
     * scope is full with the attempts in flight on this node (below its limit a scope admits as many
     * different values as it has failures left; once a lockout ended, one at a time). Empty: admitted.
     */
    Optional<Instant> lockedUntil(InFlight.Places places) {
        Optional<Instant> until = Optional.empty();
        for (Scope scope : attempt.scopes) {
            if (scope.kind == Scope.Kind.ACCOUNT && attempt.address.isKnown() && lastSuccess.isPresent()) {
                continue;
            }
            ThrottleConfiguration.Rule rule = scope.rule(configuration);
            int failures = values.get(scope).size();
            Instant end = lastFailure.containsKey(scope) ? lastFailure.get(scope).plus(rule.lockoutAfter(failures)) : attempt.now;
            boolean full = places.distinct(scope) > Math.max(1, rule.maxFailures() - failures);
            if (end.isAfter(attempt.now) || full) {
                Instant candidate = end.isAfter(attempt.now) ? end : attempt.now;
                until = until.filter(current -> current.isAfter(candidate)).or(() -> Optional.of(candidate));
            }
        }
        return until;
    }

    /** When the account last succeeded from this address, within {@code throttle.forgetAfter}. */
    Optional<Instant> lastSuccess() {
        return lastSuccess;
    }

    /**
     * Whether this very value already failed from this address for this account, and is not forgiven:
     * then it is counted in every scope already.
     */
    boolean alreadyCounted() {
        return values.get(attempt.scopes.get(0)).contains(attempt.fingerprint);
    }

    /** Whether the account has failures from this address that a success forgives. */
    boolean hasFailuresFromAddress() {
        return !values.get(attempt.scopes.get(0)).isEmpty();
    }

    /** The lockouts one more failure with this value starts, and their ends. */
    Map<Scope, Instant> lockoutsStartedByAFailure() {
        Map<Scope, Instant> started = new LinkedHashMap<>();
        for (Scope scope : attempt.scopes) {
            Set<String> failed = values.get(scope);
            if (failed.contains(attempt.fingerprint)) {
                continue;
            }
            Duration lockout = scope.rule(configuration).lockoutAfter(failed.size() + 1);
            if (!lockout.isZero()) {
                started.put(scope, attempt.now.plus(lockout));
            }
        }
        return started;
    }

    /** The first lockout of each scope: how long an unwritten failure keeps its places on this node. */
    static Duration firstLockout(Scope scope, ThrottleConfiguration configuration) {
        ThrottleConfiguration.Rule rule = scope.rule(configuration);
        return rule.lockoutAfter(rule.maxFailures());
    }
}
