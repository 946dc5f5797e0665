package org.apppasswords.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.configuration.ThrottleConfiguration;
import org.apppasswords.store.LoginFailureChange;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailures;
import org.apppasswords.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed primary-path attempts in the shared {@link LoginFailureStore} and locks, as
 * docs/throttling.md explains: per (account, address), per address across accounts, per account
 * (from any address: this only delays a distributed guesser, and never touches app passwords),
 * and the TOTP path after {@code throttle.secondFactor.maxFailures} consecutive wrong codes behind a
 * right primary password, until a recovery code or an admin reset.
 *
 * <p>An attempt is admitted before its secret is checked only if the failures in the store plus
 * the attempts in flight on this node ({@link InFlightAttempts}) stay within each limit, so that
 * parallel guesses cannot slip past an unlocked counter. A failure is then written in one
 * transaction for all its scopes; a success writes nothing unless it has a count to forget. A wrong
 * primary-path value already among the last few of a scope counts once there; every wrong code
 * counts. A lockout refuses; nothing here ever sleeps.
 */
final class LoginThrottle {
    private static final Logger LOGGER = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_RACES = 50;

    private final LoginFailureStore store;
    private final ThrottleRules rules;
    private final Clock clock;
    private final FailureFingerprint fingerprint;
    private final ThrottleEvents events;
    private final TrustedAddresses trusted;
    private final InFlightAttempts inFlight = new InFlightAttempts();

    LoginThrottle(LoginFailureStore store, ThrottleConfiguration configuration, Clock clock, FailureFingerprint fingerprint,
                  AuditLog audit, LoginMetrics metrics) {
        this.store = store;
        this.rules = new ThrottleRules(configuration);
        this.clock = clock;
        this.fingerprint = fingerprint;
        this.events = new ThrottleEvents(store, configuration, audit, metrics);
        this.trusted = new TrustedAddresses(configuration.forgetAfter());
    }

    /** Admits one primary-path attempt with {@code presented}, before it is checked, or refuses it as locked. One store read. */
    ThrottledAttempt begin(Username user, LoginOrigin origin, String presented) {
        List<ScopeKey> primary = new ArrayList<>(List.of(new ScopeKey(user, ThrottleState.addressScope(origin)),
            new ScopeKey(user, ThrottleState.ACCOUNT)));
        ThrottleState.addressWideKey(origin).ifPresent(key -> primary.add(new ScopeKey(key, ThrottleState.ADDRESS_WIDE)));
        ThrottledAttempt attempt = new ThrottledAttempt(user, origin, fingerprint.of(user, presented), clock.instant(), primary, inFlight);
        boolean begun = false;
        try {
            // Entered before the store is read: an attempt that settles meanwhile is then in the read or in the count.
            primary.forEach(attempt::enter);
            attempt.enter(attempt.secondFactor);
            attempt.read(store.findAll(names(attempt)));
            admit(attempt);
            begun = true;
        } finally {
            if (!begun || attempt.locked()) {
                // A locked attempt is still checked, for equal work, but its answer is ignored and it is never counted.
                attempt.close();
            }
        }
        events.cleanUpWhenDue(attempt.now);
        return attempt;
    }

    private void admit(ThrottledAttempt attempt) {
        for (ScopeKey key : attempt.primary) {
            if (!isClosed(attempt, key)) {
                continue;
            }
            if (key.scope.equals(ThrottleState.ACCOUNT) && trusted.isTrusted(attempt.ownRecords(), attempt.origin, attempt.now)) {
                // An account lockout does not stop an address with a recent success for the account (its own limits still do).
                attempt.counted.remove(key);
            } else {
                attempt.lock();
            }
        }
    }

    /**
     * Whether {@code key} refuses the attempt: locked in the store, or full with the attempts in
     * flight here. Below the limit a scope admits as many attempts as it has failures left; once a
     * lockout has ended, one at a time (its failure starts the next, longer, lockout).
     */
    private boolean isClosed(ThrottledAttempt attempt, ScopeKey key) {
        Optional<LoginFailures> record = attempt.record(key).filter(failures -> !rules.isForgotten(key.scope, failures, attempt.now));
        if (record.map(failures -> failures.isLockedAt(attempt.now)).orElse(false)) {
            return true;
        }
        int failures = record.map(LoginFailures::failures).orElse(0);
        return attempt.inFlight(key) > Math.max(1, rules.maxFailures(key.scope) - failures);
    }

    /**
     * The primary password matched and a TOTP code is to be spent: from now on a failure counts a
     * wrong code too. False while the TOTP path is locked, or full with the attempts in flight here.
     */
    boolean reserveSecondFactor(ThrottledAttempt attempt) {
        Optional<LoginFailures> record = attempt.record(attempt.secondFactor);
        int failures = record.map(LoginFailures::failures).orElse(0);
        boolean locked = record.map(stored -> stored.isLockedAt(attempt.now)).orElse(false)
            || failures + attempt.inFlight(attempt.secondFactor) > rules.maxFailures(ThrottleState.SECOND_FACTOR);
        if (!locked) {
            attempt.countSecondFactor();
        }
        return !locked;
    }

    /**
     * A refused attempt, whatever the reason: one transaction counting it in each scope (a locked
     * one is counted nowhere and only touches the record that locked it), so that every failure
     * writes the same number of changes. A change that loses a race is read again and retried. A
     * checked failure that cannot be written (the store fails, or the races are lost) keeps its
     * places in flight on this node for its scopes' first lockout, so that it still counts here.
     */
    void failed(ThrottledAttempt attempt) {
        boolean settled = false;
        try {
            settled = settle(attempt);
        } finally {
            if (!settled) {
                LOGGER.warn("A failed login could not be counted in the store; it counts on this node only, for a while");
                attempt.holdPlaces(rules::holdOfUnwrittenFailure);
            }
        }
    }

    private boolean settle(ThrottledAttempt attempt) {
        FailureCount count = new FailureCount(rules, attempt);
        Map<Username, Map<String, LoginFailures>> records = attempt.records();
        for (int race = 0; race < MAX_RACES; race++) {
            Settlement settlement = attempt.locked() ? count.touchingTheLock(records) : count.counting(records);
            if (settlement.isEmpty()) {
                return true;
            }
            if (store.apply(settlement.changes)) {
                settlement.replaced.stream().filter(Settlement.Replaced::startsLockout).forEach(change -> events.lockoutStarted(attempt, change));
                return true;
            }
            if (attempt.locked()) {
                // Touches only, for equal work: losing them loses no count.
                return true;
            }
            records = store.findAll(names(attempt));
        }
        return false;
    }

    /**
     * A proven primary password (and code, when {@code secondFactorProven}): this (account, address)
     * starts afresh, a proven code clears the TOTP count, and the address is noted as trusted. Writes
     * only what changes, usually nothing. A store that fails now does not undo the success (a code
     * may already be spent): the counts stay as they are, and the next success clears them.
     */
    void succeeded(ThrottledAttempt attempt, boolean secondFactorProven) {
        List<LoginFailureChange> forgetting = new ArrayList<>();
        List<ScopeKey> proven = secondFactorProven ? List.of(attempt.address(), attempt.secondFactor) : List.of(attempt.address());
        for (ScopeKey key : proven) {
            attempt.record(key).ifPresent(record -> forgetting.add(LoginFailureChange.remove(key.name, key.scope)));
        }
        List<LoginFailureChange> changes = new ArrayList<>(forgetting);
        trusted.remember(attempt).ifPresent(changes::add);
        try {
            // A lost race is another success noting the trusted address first: the counts are still forgotten.
            if (!changes.isEmpty() && !store.apply(changes) && !forgetting.isEmpty()) {
                store.apply(forgetting);
            }
        } catch (StoreUnavailableException e) {
            LOGGER.warn("The failure counts of a successful login could not be cleared: {}", e.getMessage());
        }
    }

    /** When the lockout of {@code origin}'s address, of the address everywhere or of the account ends; one read, no count. */
    Optional<Instant> lockedUntil(Username user, LoginOrigin origin) {
        Instant now = clock.instant();
        Optional<Username> wideKey = ThrottleState.addressWideKey(origin);
        Map<Username, Map<String, LoginFailures>> records = store.findAll(wideKey.map(key -> List.of(user, key)).orElse(List.of(user)));
        Map<String, LoginFailures> own = records.getOrDefault(user, Map.of());
        List<Optional<LoginFailures>> scopes = List.of(Optional.ofNullable(own.get(ThrottleState.addressScope(origin))),
            Optional.ofNullable(own.get(ThrottleState.ACCOUNT)),
            wideKey.flatMap(key -> Optional.ofNullable(records.getOrDefault(key, Map.of()).get(ThrottleState.ADDRESS_WIDE))));
        return scopes.stream()
            .flatMap(Optional::stream)
            .filter(failures -> failures.isLockedAt(now))
            .map(failures -> failures.lockedUntil().orElseThrow())
            .max(Instant::compareTo);
    }

    private static List<Username> names(ThrottledAttempt attempt) {
        return attempt.primary.stream().map(key -> key.name).distinct().collect(Collectors.toList());
    }
}
