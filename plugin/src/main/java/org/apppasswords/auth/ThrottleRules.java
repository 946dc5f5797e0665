package org.apppasswords.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apppasswords.configuration.ThrottleConfiguration;
import org.apppasswords.store.LoginFailures;

/** The configured limits of each throttle scope, as the {@link LoginThrottle} reads them. */
final class ThrottleRules {
    private final ThrottleConfiguration configuration;

    ThrottleRules(ThrottleConfiguration configuration) {
        this.configuration = configuration;
    }

    int maxFailures(String scope) {
        return scope.equals(ThrottleState.SECOND_FACTOR) ? configuration.secondFactorMaxFailures() : rule(scope).maxFailures();
    }

    /** The lockout that the {@code count}th failure of {@code scope} starts at {@code now}: none below the limit, the TOTP path's until cleared. */
    Optional<Instant> lockoutAfter(String scope, int count, Instant now) {
        if (scope.equals(ThrottleState.SECOND_FACTOR)) {
            return count >= configuration.secondFactorMaxFailures() ? Optional.of(LoginFailures.UNTIL_CLEARED) : Optional.empty();
        }
        Duration lockout = rule(scope).lockoutAfter(count);
        return lockout.isZero() ? Optional.empty() : Optional.of(now.plus(lockout));
    }

    /** Address and account records start afresh after {@code throttle.forgetAfter} without a failure; TOTP failures stay consecutive. */
    boolean isForgotten(String scope, LoginFailures failures, Instant now) {
        return !scope.equals(ThrottleState.SECOND_FACTOR) && !failures.isLockedAt(now)
            && failures.lastFailureAt().plus(configuration.forgetAfter()).isBefore(now);
    }

    /**
     * How long a checked failure that the store did not take keeps its place in flight: the
     * scope's first lockout (the account's for the TOTP path, whose own lasts until cleared).
     */
    Duration holdOfUnwrittenFailure(ScopeKey key) {
        String scope = key.scope.equals(ThrottleState.SECOND_FACTOR) ? ThrottleState.ACCOUNT : key.scope;
        return rule(scope).lockoutAfter(rule(scope).maxFailures());
    }

    private ThrottleConfiguration.Rule rule(String scope) {
        return scope.equals(ThrottleState.ACCOUNT) ? configuration.account()
            : scope.equals(ThrottleState.ADDRESS_WIDE) ? configuration.addressWide() : configuration.address();
    }
}
