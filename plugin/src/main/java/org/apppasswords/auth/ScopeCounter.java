package org.apppasswords.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.james.core.Username;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailures;

/**
 * The compare-and-set loops of the {@link LoginThrottle} on one scope's record: reserving an
 * attempt (one more failure counted, and the lockout it starts, in the same write, unless the
 * scope is locked), giving a reservation back, and an equal-work write. A loop that keeps losing
 * races refuses the attempt rather than let it through uncounted.
 */
final class ScopeCounter {
    private static final int MAX_RACES = 50;

    private final LoginFailureStore store;

    ScopeCounter(LoginFailureStore store) {
        this.store = store;
    }

    /**
     * Counts {@code attempt} in ({@code key}, {@code scope}) unless the scope is locked (then the
     * attempt is marked locked and nothing is written) or {@code fingerprint} is among the scope's
     * remembered wrong values (then nothing is written either). {@code live} drops a record that
     * starts afresh (forgotten); {@code lockoutAfter} gives the lockout a count starts.
     *
     * @return the reservation, empty when the scope is locked or the races were lost
     */
    Optional<ThrottledAttempt.Reservation> reserve(ThrottledAttempt attempt, Username key, String scope, Optional<LoginFailures> read,
                                                   Optional<String> fingerprint, Function<LoginFailures, Boolean> live,
                                                   Function<Integer, Optional<Instant>> lockoutAfter) {
        Optional<LoginFailures> current = read;
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<LoginFailures> alive = current.filter(live::apply);
            if (alive.map(failures -> failures.isLockedAt(attempt.now)).orElse(false)) {
                attempt.lockedUntil(alive.get().lockedUntil().orElseThrow());
                attempt.reservations.add(new ThrottledAttempt.Reservation(key, scope, false, alive, alive.get()));
                return Optional.empty();
            }
            if (fingerprint.isPresent() && alive.map(failures -> failures.remembers(fingerprint.get())).orElse(false)) {
                return Optional.of(new ThrottledAttempt.Reservation(key, scope, false, alive, alive.get()));
            }
            int count = alive.map(LoginFailures::failures).orElse(0) + 1;
            Optional<Instant> lockedUntil = lockoutAfter.apply(count);
            String kept = fingerprint.orElse("-");
            LoginFailures updated = alive.isPresent()
                ? alive.get().plusFailure(attempt.now, kept, lockedUntil)
                : new LoginFailures(1, attempt.now, lockedUntil, List.of(kept), current.map(failures -> failures.version() + 1)
                    // A record made again after a clear starts from the time, not 0: a stale update of the old one cannot match it.
                    .orElse(attempt.now.toEpochMilli()));
            attempt.wrote();
            if (store.replace(key, scope, current, updated)) {
                return Optional.of(new ThrottledAttempt.Reservation(key, scope, true, alive, updated));
            }
            current = Optional.ofNullable(store.find(key).get(scope));
        }
        attempt.lockedUntil(attempt.now);
        return Optional.empty();
    }

    /** Gives {@code reservation} back: one failure fewer, its fingerprint forgotten, and the lockout it started undone. */
    void release(ThrottledAttempt.Reservation reservation, String fingerprint) {
        if (!reservation.counted) {
            return;
        }
        Optional<Instant> before = reservation.before.flatMap(LoginFailures::lockedUntil);
        boolean startedLockout = !reservation.latest.lockedUntil().equals(before);
        Optional<LoginFailures> current = Optional.of(reservation.latest);
        for (int race = 0; race < MAX_RACES; race++) {
            if (race > 0) {
                current = Optional.ofNullable(store.find(reservation.key).get(reservation.scope));
            }
            if (current.isEmpty()) {
                return;
            }
            Optional<Instant> lockedUntil = startedLockout && current.get().lockedUntil().equals(reservation.latest.lockedUntil())
                ? before : current.get().lockedUntil();
            if (store.replace(reservation.key, reservation.scope, current, current.get().released(fingerprint, lockedUntil))) {
                return;
            }
        }
    }

    /** One write that changes nothing but a version, so that every failure costs the same number of writes. */
    void touch(ThrottledAttempt attempt, ThrottledAttempt.Reservation reservation) {
        attempt.wrote();
        store.replace(reservation.key, reservation.scope, Optional.of(reservation.latest), reservation.latest.touched());
    }
}
