package org.apppasswords.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.configuration.ThrottleConfiguration;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.testing.MutableClock;

/**
 * One {@link Throttle} on its own, as a node builds it, over a real store, with a clock that stands
 * still until the test moves it and a listener that keeps the lockouts started. Small limits:
 * {@value #ADDRESS_MAX} failures per (account, address), {@value #ACCOUNT_MAX} per account, and an
 * address-wide limit too high to matter unless a test sets one.
 */
final class ThrottleFixture {
    static final Instant START = Instant.parse("2024-03-01T12:00:00Z");
    static final Username BOB = Username.of("bob@example.org");
    static final Username ALICE = Username.of("alice@example.org");
    static final String ATTACKER = "203.0.113.7";
    static final String OWNER = "198.51.100.20";
    static final String RIGHT_PASSWORD = "the right password";
    static final int ADDRESS_MAX = 3;
    static final int ACCOUNT_MAX = 10;
    static final int UNLIMITED = 10_000;
    static final Duration LOCKOUT = Duration.ofMinutes(1);
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(8);
    static final Duration FORGET_AFTER = Duration.ofHours(24);
    static final long MAX_RECORDS = 100_000;

    private static final AtomicInteger VALUES = new AtomicInteger();

    final MutableClock clock;
    final LoginFailureStore store;
    final ThrottleConfiguration configuration;
    final RecordingLockouts lockouts = new RecordingLockouts();
    final Throttle throttle;

    ThrottleFixture(LoginFailureStore store, ThrottleConfiguration configuration, MutableClock clock) {
        this.clock = clock;
        this.store = store;
        this.configuration = configuration;
        this.throttle = new Throttle(store, configuration, clock, new SecureRandom(), lockouts);
    }

    static ThrottleFixture create() {
        return create(limits(ADDRESS_MAX, UNLIMITED, ACCOUNT_MAX));
    }

    static ThrottleFixture create(ThrottleConfiguration configuration) {
        return new ThrottleFixture(new MemoryLoginFailureStore(), configuration, new MutableClock(START));
    }

    /** Another node: another throttle, with its own attempts in flight and fingerprint key, over the same store and clock. */
    ThrottleFixture anotherNode() {
        return new ThrottleFixture(store, configuration, clock);
    }

    /** Each scope locking after its {@code max} failures, for {@link #LOCKOUT} doubling up to {@link #MAX_LOCKOUT}. */
    static ThrottleConfiguration limits(int addressMax, int addressWideMax, int accountMax) {
        return new ThrottleConfiguration(rule(addressMax), rule(addressWideMax), rule(accountMax), 100, FORGET_AFTER, MAX_RECORDS);
    }

    static ThrottleConfiguration.Rule rule(int maxFailures) {
        return new ThrottleConfiguration.Rule(maxFailures, LOCKOUT, MAX_LOCKOUT);
    }

    /** An attempt from {@code address} as James gives it (null: James gave none). */
    static LoginOrigin from(String address) {
        return address == null ? LoginOrigin.unknown() : new LoginOrigin(Optional.of(address), Optional.of("IMAP"));
    }

    static String newWrongValue() {
        return "wrong-" + VALUES.incrementAndGet();
    }

    Guarded attempt(Username user, String address, String presented, Check check) {
        return throttle.guard(user, from(address), presented, check);
    }

    /** {@code value}, wrong, checked: the test fails here if the throttle locked it out instead. */
    void fail(Username user, String address, String value) {
        FakeCheck check = FakeCheck.refusing();
        Guarded guarded = attempt(user, address, value, check);

        assertThat(guarded.isLocked()).as("a wrong value meant to be checked, from " + address).isFalse();
        assertThat(check.runs).hasValue(1);
    }

    /** {@code count} different wrong values, each checked. */
    void fail(Username user, String address, int count) {
        for (int i = 0; i < count; i++) {
            fail(user, address, newWrongValue());
        }
    }

    /** The right password: whether it was let through to its check (and then accepted, a success like any other). */
    boolean logIn(Username user, String address) {
        return !attempt(user, address, RIGHT_PASSWORD, FakeCheck.accepting()).isLocked();
    }

    /** Until when the right password is refused; empty when it was let through (and accepted, a success like any other). */
    Optional<Instant> lockedUntil(Username user, String address) {
        return attempt(user, address, RIGHT_PASSWORD, FakeCheck.accepting()).lockedUntil();
    }

    /** What the store holds about {@code user} and {@code address}, however old. */
    LoginFailureStore.History stored(Username user, String address) {
        return store.read(user, ClientAddress.of(from(address)), Instant.EPOCH);
    }

    /** How many failures the store keeps in all (the one store call that counts them without changing anything). */
    long kept() {
        return store.removeBefore(Instant.EPOCH);
    }
}
