package org.apppasswords.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The failed logins counted against one scope of one account (see {@link LoginFailureStore}):
 * how many were counted since the last success, when the last one was, until when the scope is
 * locked, and the keyed fingerprints of the last few wrong values (so that a client retrying the
 * same wrong value counts once). A fingerprint is an HMAC under a key that never reaches the
 * store: it reveals nothing about the value. {@link #version} serves compare-and-set.
 */
public final class LoginFailures {
    /** The fingerprints kept per record: a few, so that one retrying client counts once. */
    public static final int KEPT_FINGERPRINTS = 5;
    /** A lockout that lasts until cleared (the TOTP path's): far beyond any real date, still an epoch-nanosecond BIGINT. */
    public static final Instant UNTIL_CLEARED = Instant.parse("2200-01-01T00:00:00Z");

    private final int failures;
    private final Instant lastFailureAt;
    private final Optional<Instant> lockedUntil;
    private final List<String> fingerprints;
    private final long version;

    public LoginFailures(int failures, Instant lastFailureAt, Optional<Instant> lockedUntil, List<String> fingerprints, long version) {
        this.failures = failures;
        this.lastFailureAt = Objects.requireNonNull(lastFailureAt, "lastFailureAt");
        this.lockedUntil = Objects.requireNonNull(lockedUntil, "lockedUntil");
        this.fingerprints = List.copyOf(fingerprints);
        this.version = version;
        if (fingerprints.size() > KEPT_FINGERPRINTS || fingerprints.stream().anyMatch(f -> f.isEmpty() || f.contains(","))) {
            throw new IllegalArgumentException("At most " + KEPT_FINGERPRINTS + " non-empty fingerprints without ','");
        }
    }

    /** The first failure of a scope. */
    public static LoginFailures first(Instant at, String fingerprint) {
        return new LoginFailures(1, at, Optional.empty(), List.of(fingerprint), 0);
    }

    /** One more counted failure: the fingerprint joins the kept ones (the oldest goes), the version moves on. */
    public LoginFailures plusFailure(Instant at, String fingerprint, Optional<Instant> newLockedUntil) {
        List<String> kept = new ArrayList<>(fingerprints);
        kept.add(fingerprint);
        while (kept.size() > KEPT_FINGERPRINTS) {
            kept.remove(0);
        }
        return new LoginFailures(failures + 1, at, newLockedUntil.isPresent() ? newLockedUntil : lockedUntil, kept, version + 1);
    }

    /** The same counts under the next version: a write that changes nothing but the version (equal store work). */
    public LoginFailures touched() {
        return new LoginFailures(failures, lastFailureAt, lockedUntil, fingerprints, version + 1);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }

    public boolean remembers(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }

    public int failures() {
        return failures;
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    public Optional<Instant> lockedUntil() {
        return lockedUntil;
    }

    public List<String> fingerprints() {
        return fingerprints;
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "LoginFailures{failures=" + failures + ", lastFailureAt=" + lastFailureAt + ", lockedUntil=" + lockedUntil
            + ", version=" + version + "}";
    }
}
