package org.apppasswords.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.store.LoginFailures;

/**
 * The {@link Settlement} of one failed attempt, from the records as last read: one more failure in
 * each scope it counts in (a wrong value the scope remembers counts once), one more wrong code when
 * its primary password matched, each change starting the lockout its count reaches. Every failure
 * makes the same number of changes, touches filling in, whether or not the primary password
 * matched; a locked attempt only touches the record that locked it.
 */
final class FailureCount {
    /** Kept in the TOTP record instead of a fingerprint: every wrong code counts, a repeated one too. */
    private static final String NO_FINGERPRINT = "-";

    private final ThrottleRules rules;
    private final ThrottledAttempt attempt;

    FailureCount(ThrottleRules rules, ThrottledAttempt attempt) {
        this.rules = rules;
        this.attempt = attempt;
    }

    Settlement counting(Map<Username, Map<String, LoginFailures>> records) {
        Settlement settlement = new Settlement();
        for (ScopeKey key : attempt.counted) {
            Optional<LoginFailures> current = record(records, key);
            Optional<LoginFailures> alive = current.filter(failures -> !rules.isForgotten(key.scope, failures, attempt.now));
            if (alive.map(failures -> failures.remembers(attempt.fingerprint)).orElse(false)) {
                settlement.padWith(key, current.get());
            } else {
                settlement.replace(key, current, oneMore(key, current, alive, attempt.fingerprint));
            }
        }
        if (attempt.secondFactorCounted()) {
            Optional<LoginFailures> current = record(records, attempt.secondFactor);
            settlement.replace(attempt.secondFactor, current, oneMore(attempt.secondFactor, current, current, NO_FINGERPRINT));
        }
        settlement.padTo(attempt.primary.size() + 1);
        return settlement;
    }

    Settlement touchingTheLock(Map<Username, Map<String, LoginFailures>> records) {
        Settlement settlement = new Settlement();
        attempt.primary.stream()
            .filter(key -> record(records, key).map(failures -> failures.isLockedAt(attempt.now)).orElse(false))
            .findFirst()
            .ifPresent(key -> settlement.padWith(key, record(records, key).get()));
        settlement.padTo(attempt.primary.size() + 1);
        return settlement;
    }

    private LoginFailures oneMore(ScopeKey key, Optional<LoginFailures> current, Optional<LoginFailures> alive, String kept) {
        int count = alive.map(LoginFailures::failures).orElse(0) + 1;
        Optional<Instant> lockedUntil = rules.lockoutAfter(key.scope, count, attempt.now);
        return alive.isPresent()
            ? alive.get().plusFailure(attempt.now, kept, lockedUntil)
            // A record made again after a clear starts from the time, not 0: a stale update of the old one cannot match it.
            : new LoginFailures(1, attempt.now, lockedUntil, List.of(kept), current.map(failures -> failures.version() + 1)
                .orElse(attempt.now.toEpochMilli()));
    }

    private static Optional<LoginFailures> record(Map<Username, Map<String, LoginFailures>> records, ScopeKey key) {
        return Optional.ofNullable(records.getOrDefault(key.name, Map.of()).get(key.scope));
    }
}
