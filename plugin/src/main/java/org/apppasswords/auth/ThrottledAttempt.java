package org.apppasswords.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.LoginFailures;

/**
 * One primary-path attempt as {@link LoginThrottle#begin} reserved it, before its secret is
 * checked: refused by a lockout ({@link #locked()}), or counted in each scope (or remembered
 * there: the same wrong value again). The attempt then reports its outcome to the throttle, which
 * gives reservations back on success. Counts the store writes it made, so that every failure can
 * make the same number.
 */
final class ThrottledAttempt {
    /** One scope's reservation: the record before it and the record this attempt last wrote or read. */
    static final class Reservation {
        final Username key;
        final String scope;
        final boolean counted;
        final Optional<LoginFailures> before;
        final LoginFailures latest;

        Reservation(Username key, String scope, boolean counted, Optional<LoginFailures> before, LoginFailures latest) {
            this.key = key;
            this.scope = scope;
            this.counted = counted;
            this.before = before;
            this.latest = latest;
        }
    }

    final Username user;
    final LoginOrigin origin;
    final String fingerprint;
    final Instant now;
    final int primaryScopes;
    /** The user's records as read when the attempt began (the second-factor reservation starts from them). */
    Map<String, LoginFailures> read = Map.of();
    final List<Reservation> reservations = new ArrayList<>();
    private Optional<Instant> lockedUntil = Optional.empty();
    private int writes;

    ThrottledAttempt(Username user, LoginOrigin origin, String fingerprint, Instant now, int primaryScopes) {
        this.user = user;
        this.origin = origin;
        this.fingerprint = fingerprint;
        this.now = now;
        this.primaryScopes = primaryScopes;
    }

    /** The primary path is refused: a scope of this attempt is locked (the attempt counted nowhere after that). */
    boolean locked() {
        return lockedUntil.isPresent();
    }

    Optional<Instant> lockedUntil() {
        return lockedUntil;
    }

    void lockedUntil(Instant until) {
        lockedUntil = Optional.of(lockedUntil.filter(current -> current.isAfter(until)).orElse(until));
    }

    void wrote() {
        writes++;
    }

    int writes() {
        return writes;
    }

    /** The last record this attempt knows, of any scope: what an equal-work write touches. */
    Optional<Reservation> lastReservation() {
        return reservations.isEmpty() ? Optional.empty() : Optional.of(reservations.get(reservations.size() - 1));
    }
}
