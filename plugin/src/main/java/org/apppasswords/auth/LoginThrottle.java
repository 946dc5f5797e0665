package org.apppasswords.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.james.core.Username;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.configuration.ThrottleConfiguration;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailures;
import org.apppasswords.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts primary-path attempts in the shared {@link LoginFailureStore} and locks, as
 * docs/throttling.md explains: per (account, address), per address across accounts, per account
 * (from any address: this only delays a distributed guesser, and never touches app passwords),
 * and the TOTP path after {@code throttle.secondFactor.maxFailures} consecutive wrong codes behind a
 * right primary password, until a recovery code or an admin reset. An attempt is counted
 * <em>before</em> its secret is checked, by a compare-and-set that also decides the lockout, so
 * that parallel guesses cannot slip past an unlocked counter; a success then gives its count back.
 * A wrong primary-path value already among the last few of a scope counts once there; every wrong
 * code counts. A lockout refuses; nothing here ever sleeps.
 */
final class LoginThrottle {
    private static final Logger LOGGER = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginFailureStore store;
    private final ThrottleConfiguration configuration;
    private final Clock clock;
    private final FailureFingerprint fingerprint;
    private final ThrottleEvents events;
    private final ScopeCounter counter;
    private final TrustedAddresses trusted;

    LoginThrottle(LoginFailureStore store, ThrottleConfiguration configuration, Clock clock, FailureFingerprint fingerprint,
                  AuditLog audit, LoginMetrics metrics) {
        this.store = store;
        this.configuration = configuration;
        this.clock = clock;
        this.fingerprint = fingerprint;
        this.events = new ThrottleEvents(store, configuration, audit, metrics);
        this.counter = new ScopeCounter(store);
        this.trusted = new TrustedAddresses(store, configuration.forgetAfter());
    }

    /** Reserves one primary-path attempt with {@code presented}, before it is checked: counted, remembered or locked. */
    ThrottledAttempt begin(Username user, LoginOrigin origin, String presented) {
        Optional<Username> wideKey = ThrottleState.addressWideKey(origin);
        ThrottledAttempt attempt = new ThrottledAttempt(user, origin, fingerprint.of(user, presented), clock.instant(),
            wideKey.isPresent() ? 3 : 2);
        Map<String, LoginFailures> own = store.find(user);
        attempt.read = own;
        Optional<LoginFailures> wide = wideKey.flatMap(key -> Optional.ofNullable(store.find(key).get(ThrottleState.ADDRESS_WIDE)));
        String addressScope = ThrottleState.addressScope(origin);
        // An account lockout does not stop an address with a recent success for the account (its own limits still do).
        LoginFailures account = own.get(ThrottleState.ACCOUNT);
        boolean passesAccountLockout = account != null && account.isLockedAt(attempt.now) && trusted.isTrusted(own, origin, attempt.now);
        if (lockedByRead(attempt, user, addressScope, own.get(addressScope))
            | (!passesAccountLockout && lockedByRead(attempt, user, ThrottleState.ACCOUNT, account))
            | wideKey.map(key -> lockedByRead(attempt, key, ThrottleState.ADDRESS_WIDE, wide.orElse(null))).orElse(false)) {
            return attempt;
        }
        if (reserve(attempt, user, addressScope, Optional.ofNullable(own.get(addressScope)))
            && (passesAccountLockout || reserve(attempt, user, ThrottleState.ACCOUNT, Optional.ofNullable(account)))
            && wideKey.isPresent()) {
            reserve(attempt, wideKey.get(), ThrottleState.ADDRESS_WIDE, wide);
        }
        events.cleanUpWhenDue(attempt.now);
        return attempt;
    }

    /** A scope locked already when read: the attempt is refused and counted nowhere. */
    private static boolean lockedByRead(ThrottledAttempt attempt, Username key, String scope, LoginFailures read) {
        if (read == null || !read.isLockedAt(attempt.now)) {
            return false;
        }
        attempt.lockedUntil(read.lockedUntil().orElseThrow());
        attempt.reservations.add(new ThrottledAttempt.Reservation(key, scope, false, Optional.of(read), read));
        return true;
    }

    private boolean reserve(ThrottledAttempt attempt, Username key, String scope, Optional<LoginFailures> read) {
        Optional<ThrottledAttempt.Reservation> reservation = counter.reserve(attempt, key, scope, read, Optional.of(attempt.fingerprint),
            failures -> !isForgotten(failures, attempt.now), count -> lockoutAfter(scope, count, attempt.now));
        reservation.ifPresent(attempt.reservations::add);
        reservation.filter(made -> made.counted).ifPresent(made -> events.lockoutStartedBy(attempt, made));
        return reservation.isPresent();
    }

    /**
     * The primary password matched and a TOTP code is to be spent: counts the code before it is
     * consumed. False, writing nothing, while the TOTP path is locked.
     */
    boolean reserveSecondFactor(ThrottledAttempt attempt) {
        Optional<LoginFailures> read = Optional.ofNullable(attempt.read.get(ThrottleState.SECOND_FACTOR));
        ThrottledAttempt probe = new ThrottledAttempt(attempt.user, attempt.origin, attempt.fingerprint, attempt.now, 0);
        Optional<ThrottledAttempt.Reservation> reservation = counter.reserve(probe, attempt.user, ThrottleState.SECOND_FACTOR, read,
            Optional.empty(), failures -> true, count -> count >= configuration.secondFactorMaxFailures()
                ? Optional.of(LoginFailures.UNTIL_CLEARED) : Optional.empty());
        for (int i = 0; i < probe.writes(); i++) {
            attempt.wrote();
        }
        reservation.ifPresent(made -> events.lockoutStartedBy(attempt, made));
        return reservation.isPresent();
    }

    /** A refused attempt (whatever the reason): brings its store writes up to the same number as every other failure's. */
    void failed(ThrottledAttempt attempt) {
        Optional<ThrottledAttempt.Reservation> last = attempt.lastReservation();
        while (last.isPresent() && attempt.writes() < attempt.primaryScopes + 1) {
            counter.touch(attempt, last.get());
        }
    }

    /**
     * A proven primary password (and code, when {@code secondFactorProven}): this (account,
     * address) starts afresh, the account and address-wide counts get this attempt back, and a
     * proven code clears the TOTP count. A store that fails now does not undo the success (a code
     * may already be spent): the counts stay as they are, and the next success clears them.
     */
    void succeeded(ThrottledAttempt attempt, boolean secondFactorProven) {
        try {
            giveBack(attempt, secondFactorProven);
        } catch (StoreUnavailableException e) {
            LOGGER.warn("The failure counts of a successful login could not be cleared: {}", e.getMessage());
        }
    }

    private void giveBack(ThrottledAttempt attempt, boolean secondFactorProven) {
        for (ThrottledAttempt.Reservation reservation : attempt.reservations) {
            if (!reservation.scope.startsWith(ThrottleState.ADDRESS_PREFIX)) {
                counter.release(reservation, attempt.fingerprint);
            }
        }
        trusted.remember(attempt);
        if (secondFactorProven) {
            store.clear(attempt.user, ThrottleState.addressScope(attempt.origin), ThrottleState.SECOND_FACTOR);
        } else {
            store.clear(attempt.user, ThrottleState.addressScope(attempt.origin));
        }
    }

    /** When the lockout of {@code origin}'s address, of the address everywhere or of the account ends; one read, no count. */
    Optional<Instant> lockedUntil(Username user, LoginOrigin origin) {
        Instant now = clock.instant();
        Map<String, LoginFailures> own = store.find(user);
        Optional<LoginFailures> wide = ThrottleState.addressWideKey(origin)
            .flatMap(key -> Optional.ofNullable(store.find(key).get(ThrottleState.ADDRESS_WIDE)));
        return Stream.of(Optional.ofNullable(own.get(ThrottleState.addressScope(origin))),
                Optional.ofNullable(own.get(ThrottleState.ACCOUNT)), wide)
            .flatMap(Optional::stream)
            .filter(failures -> failures.isLockedAt(now))
            .map(failures -> failures.lockedUntil().orElseThrow())
            .max(Instant::compareTo);
    }

    private Optional<Instant> lockoutAfter(String scope, int count, Instant now) {
        ThrottleConfiguration.Rule rule = scope.equals(ThrottleState.ACCOUNT) ? configuration.account()
            : scope.equals(ThrottleState.ADDRESS_WIDE) ? configuration.addressWide() : configuration.address();
        Duration lockout = rule.lockoutAfter(count);
        return lockout.isZero() ? Optional.empty() : Optional.of(now.plus(lockout));
    }

    /** Address and account records start afresh after {@code throttle.forgetAfter} without a failure; TOTP failures stay consecutive. */
    private boolean isForgotten(LoginFailures failures, Instant now) {
        return !failures.isLockedAt(now) && failures.lastFailureAt().plus(configuration.forgetAfter()).isBefore(now);
    }
}
