package org.apppasswords.throttle;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.configuration.ThrottleConfiguration;
import org.apppasswords.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down and stops guessing of primary passwords (docs/throttling.md): failed attempts are
 * counted per account from one address, per account, and per address for every account, each with
 * escalating lockouts; the counts are shared by every node through the {@link LoginFailureStore}.
 * App passwords never come here, so they are never counted nor locked.
 *
 * <p>{@link #guard} is the only way in. An attempt takes its places on this node before it reads the
 * counts and is checked only if every scope admits it ({@link InFlight}, {@link Counts}); a locked
 * attempt runs {@link Check#imitate} instead, so it never reaches James's repository and costs what
 * any attempt costs. A checked failure is written once, as one row (the same value again from the
 * same place writes nothing); a success forgives its address's failures (for that account from
 * that address only) and notes the address.
 */
public final class Throttle {
    /** A success from an address is noted at most this often per account and address. */
    static final Duration SUCCESS_REFRESH = Duration.ofHours(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(Throttle.class);

    private final LoginFailureStore store;
    private final ThrottleConfiguration configuration;
    private final Clock clock;
    private final FailureFingerprint fingerprints;
    private final LockoutListener listener;
    private final Housekeeping housekeeping;
    private final InFlight inFlight = new InFlight();

    public Throttle(LoginFailureStore store, ThrottleConfiguration configuration, Clock clock, SecureRandom random, LockoutListener listener) {
        this.store = store;
        this.configuration = configuration;
        this.clock = clock;
        this.fingerprints = new FailureFingerprint(random);
        this.listener = listener;
        this.housekeeping = new Housekeeping(store, configuration.forgetAfter(), configuration.maxRecords());
    }

    /**
     * Runs {@code check} for one primary-path attempt at {@code user} from {@code origin} presenting
     * {@code presented}, if the throttle admits it, and counts the outcome.
     *
     * @throws StoreUnavailableException when the counts cannot be read (fail closed), or a failure cannot be written
     */
    public Guarded guard(Username user, LoginOrigin origin, String presented, Check check) {
        Attempt attempt = new Attempt(user, origin, fingerprints.of(user, presented), clock.instant());
        housekeeping.runWhenDue(attempt.now);
        InFlight.Places places = inFlight.enter(attempt.scopes, attempt.fingerprint);
        try {
            Counts counts = new Counts(store.read(user, attempt.address, attempt.now.minus(configuration.forgetAfter())), attempt, configuration);
            Optional<Instant> lockedUntil = counts.lockedUntil(places);
            if (lockedUntil.isPresent()) {
                // It writes nothing, so its places can go now: held through the imitation (a full
                // hash), a flood of locked attempts would keep a scope full for everyone else.
                places.close();
                check.imitate();
                return Guarded.locked(lockedUntil.get());
            }
            Check.Outcome outcome = check.run();
            if (outcome == Check.Outcome.ACCEPTED) {
                succeeded(attempt, counts);
            } else {
                failed(attempt, counts, outcome, places);
            }
            return Guarded.checked(outcome);
        } finally {
            places.close();
        }
    }

    private void failed(Attempt attempt, Counts counts, Check.Outcome outcome, InFlight.Places places) {
        if (counts.alreadyCounted() || (outcome == Check.Outcome.REFUSED_UNKNOWN_ACCOUNT && housekeeping.isFull())) {
            return;
        }
        try {
            store.record(attempt.asFailure());
        } catch (RuntimeException e) {
            LOGGER.warn("A failed login could not be counted in the store; it counts on this node only, for a while");
            places.holdFor(scope -> Counts.firstLockout(scope, configuration));
            throw e;
        }
        housekeeping.recorded();
        counts.lockoutsStartedByAFailure().forEach((scope, until) -> listener.lockoutStarted(attempt.user, attempt.origin, scope.kind, until));
    }

    /** A success that cannot be written stays a success (a code may be spent already); the next one forgives. */
    private void succeeded(Attempt attempt, Counts counts) {
        boolean forgiveFailures = counts.hasFailuresFromAddress();
        boolean noteSuccess = attempt.address.isKnown() && counts.lastSuccess()
            .map(last -> last.plus(SUCCESS_REFRESH).isBefore(attempt.now)).orElse(true);
        if (!forgiveFailures && !noteSuccess) {
            return;
        }
        try {
            store.succeeded(attempt.user, attempt.address, attempt.now, forgiveFailures, noteSuccess);
        } catch (StoreUnavailableException e) {
            LOGGER.warn("The failures of a successful login could not be forgiven: {}", e.getMessage());
        }
    }

    /** One attempt as the throttle sees it: who, from where, which value (by fingerprint), when. */
    static final class Attempt {
        final Username user;
        final LoginOrigin origin;
        final ClientAddress address;
        final String fingerprint;
        final Instant now;
        /** Its (account, address) scope first, then the account and the address-wide scopes. */
        final List<Scope> scopes;

        Attempt(Username user, LoginOrigin origin, String fingerprint, Instant now) {
            this.user = user;
            this.origin = origin;
            this.address = ClientAddress.of(origin);
            this.fingerprint = fingerprint;
            this.now = now;
            this.scopes = Scope.of(user, address);
        }

        LoginFailure asFailure() {
            return new LoginFailure(user, address, fingerprint, now);
        }
    }
}
