package org.apppasswords.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.LoginFailures;

/**
 * One primary-path attempt as {@link LoginThrottle#begin} admitted it, before its secret is
 * checked: refused by a lockout ({@link #locked()}), or in flight in each of its scopes until
 * {@link #close()}. The {@link LoginThrottle} settles it: a failure is counted in the store, a
 * success forgets what it proves wrong. Use it in try-with-resources, so that an attempt that
 * throws leaves its scopes too.
 */
final class ThrottledAttempt implements AutoCloseable {
    final Username user;
    final LoginOrigin origin;
    final String fingerprint;
    final Instant now;
    /** The origin's primary scopes: its address, the account, and address-wide when the address is known. */
    final List<ScopeKey> primary;
    /** The primary scopes a failure of this attempt counts in: all but an account lockout its trusted address passes. */
    final List<ScopeKey> counted;
    final ScopeKey secondFactor;
    private final InFlightAttempts inFlight;
    private final Map<ScopeKey, Integer> entered = new LinkedHashMap<>();
    private Map<Username, Map<String, LoginFailures>> read = Map.of();
    private boolean locked;
    private boolean secondFactorCounted;

    ThrottledAttempt(Username user, LoginOrigin origin, String fingerprint, Instant now, List<ScopeKey> primary, InFlightAttempts inFlight) {
        this.user = user;
        this.origin = origin;
        this.fingerprint = fingerprint;
        this.now = now;
        this.primary = List.copyOf(primary);
        this.counted = new ArrayList<>(primary);
        this.secondFactor = new ScopeKey(user, ThrottleState.SECOND_FACTOR);
        this.inFlight = inFlight;
    }

    /** Enters {@code key} on this node, noting how many distinct values are in flight there, this one included. */
    void enter(ScopeKey key) {
        entered.put(key, inFlight.enter(key, fingerprint));
    }

    int inFlight(ScopeKey key) {
        return entered.getOrDefault(key, 0);
    }

    void read(Map<Username, Map<String, LoginFailures>> records) {
        read = records;
    }

    Map<Username, Map<String, LoginFailures>> records() {
        return read;
    }

    Map<String, LoginFailures> ownRecords() {
        return read.getOrDefault(user, Map.of());
    }

    Optional<LoginFailures> record(ScopeKey key) {
        return Optional.ofNullable(read.getOrDefault(key.name, Map.of()).get(key.scope));
    }

    /** The (account, address) scope: the one a success starts afresh. */
    ScopeKey address() {
        return primary.get(0);
    }

    /** The primary path is refused: a scope of this attempt is locked or full (the attempt counts nowhere). */
    boolean locked() {
        return locked;
    }

    void lock() {
        locked = true;
    }

    /** The primary password matched: a failure from now on counts a wrong code too. */
    void countSecondFactor() {
        secondFactorCounted = true;
    }

    boolean secondFactorCounted() {
        return secondFactorCounted;
    }

    /**
     * Keeps every scope this attempt entered for {@code holdFor} of it instead of leaving it now: a
     * checked failure that the store did not take still counts on this node for a while.
     */
    void holdPlaces(Function<ScopeKey, Duration> holdFor) {
        entered.keySet().forEach(key -> inFlight.leaveAfter(key, fingerprint, holdFor.apply(key)));
        entered.clear();
    }

    /** Leaves every scope this attempt entered (unless {@link #holdPlaces held}); again, nothing. */
    @Override
    public void close() {
        entered.keySet().forEach(key -> inFlight.leave(key, fingerprint));
        entered.clear();
    }
}
