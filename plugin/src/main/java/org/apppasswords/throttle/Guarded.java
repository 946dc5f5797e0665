package org.apppasswords.throttle;

import java.time.Instant;
import java.util.Optional;

/** What {@link Throttle#guard} did with an attempt: ran its check, or refused it as locked out. */
public final class Guarded {
    private final Optional<Check.Outcome> outcome;
    private final Optional<Instant> lockedUntil;

    private Guarded(Optional<Check.Outcome> outcome, Optional<Instant> lockedUntil) {
        this.outcome = outcome;
        this.lockedUntil = lockedUntil;
    }

    static Guarded checked(Check.Outcome outcome) {
        return new Guarded(Optional.of(outcome), Optional.empty());
    }

    static Guarded locked(Instant until) {
        return new Guarded(Optional.empty(), Optional.of(until));
    }

    public boolean isLocked() {
        return lockedUntil.isPresent();
    }

    /** When the lockout that refused the attempt ends; empty when the check ran. */
    public Optional<Instant> lockedUntil() {
        return lockedUntil;
    }

    /** What the check found; empty when the attempt was locked out. */
    public Optional<Check.Outcome> outcome() {
        return outcome;
    }
}
