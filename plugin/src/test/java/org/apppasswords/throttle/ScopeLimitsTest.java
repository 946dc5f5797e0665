package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ALICE;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.FORGET_AFTER;
import static org.apppasswords.throttle.ThrottleFixture.MAX_RECORDS;
import static org.apppasswords.throttle.ThrottleFixture.OWNER;
import static org.apppasswords.throttle.ThrottleFixture.UNLIMITED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.configuration.ThrottleConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each scope on its own (the other two out of reach): it locks at its {@code maxFailures} for its
 * own {@code lockout}, counted from its last failure; each further failure, one at a time once a
 * lockout ended, doubles the lockout up to its {@code maxLockout}; and it locks nothing outside it.
 */
class ScopeLimitsTest {
    private static final int MAX = 3;

    /** Failures landing in one scope only, and attempts inside and outside it. */
    private static final class ScopeUnderTest {
        private final Scope.Kind kind;
        private final ThrottleFixture fixture;
        private int failures;

        ScopeUnderTest(Scope.Kind kind) {
            this.kind = kind;
            ThrottleConfiguration.Rule others = ThrottleFixture.rule(UNLIMITED);
            ThrottleConfiguration.Rule tested = new ThrottleConfiguration.Rule(MAX, lockout(kind), maxLockout(kind));
            this.fixture = ThrottleFixture.create(new ThrottleConfiguration(
                kind == Scope.Kind.ADDRESS ? tested : others,
                kind == Scope.Kind.ADDRESS_WIDE ? tested : others,
                kind == Scope.Kind.ACCOUNT ? tested : others, 100, FORGET_AFTER, MAX_RECORDS));
        }

        /** Different for each scope, so that a scope using another's rule shows. */
        static Duration lockout(Scope.Kind kind) {
            return Duration.ofMinutes(kind.ordinal() + 1);
        }

        static Duration maxLockout(Scope.Kind kind) {
            return lockout(kind).multipliedBy(8);
        }

        /** One more failure in the scope: a new value from the attacker, a new address, or a new name. */
        void fail() {
            failures++;
            switch (kind) {
                case ADDRESS:
                    fixture.fail(BOB, ATTACKER, 1);
                    break;
                case ACCOUNT:
                    fixture.fail(BOB, "192.0.2." + failures, 1);
                    break;
                default:
                    fixture.fail(Username.of("user" + failures + "@example.org"), ATTACKER, 1);
            }
        }

        void fail(int count) {
            for (int i = 0; i < count; i++) {
                fail();
            }
        }

        /** The right password, in the scope. */
        Optional<Instant> lockedUntil() {
            switch (kind) {
                case ADDRESS:
                    return fixture.lockedUntil(BOB, ATTACKER);
                case ACCOUNT:
                    return fixture.lockedUntil(BOB, OWNER);
                default:
                    return fixture.lockedUntil(ALICE, ATTACKER);
            }
        }

        /** The right password, outside the scope. */
        boolean logInElsewhere() {
            switch (kind) {
                case ADDRESS:
                    return fixture.logIn(ALICE, ATTACKER) && fixture.logIn(BOB, OWNER);
                case ACCOUNT:
                    return fixture.logIn(ALICE, "192.0.2.1");
                default:
                    return fixture.logIn(ALICE, OWNER);
            }
        }

        Instant now() {
            return fixture.clock.instant();
        }
    }

    @ParameterizedTest
    @EnumSource(Scope.Kind.class)
    void aScopeShouldLetTheRightPasswordThroughBelowItsLimit(Scope.Kind kind) {
        ScopeUnderTest scope = new ScopeUnderTest(kind);
        scope.fail(MAX - 1);

        assertThat(scope.lockedUntil()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Scope.Kind.class)
    void aScopeShouldLockAtItsLimitForItsLockout(Scope.Kind kind) {
        ScopeUnderTest scope = new ScopeUnderTest(kind);
        scope.fail(MAX);

        assertThat(scope.lockedUntil()).contains(scope.now().plus(ScopeUnderTest.lockout(kind)));
    }

    @ParameterizedTest
    @EnumSource(Scope.Kind.class)
    void aLockoutShouldLastUntilItsEndAndNoLonger(Scope.Kind kind) {
        ScopeUnderTest scope = new ScopeUnderTest(kind);
        scope.fail(MAX);

        scope.fixture.clock.advance(ScopeUnderTest.lockout(kind).minusNanos(1));
        assertThat(scope.lockedUntil()).as("a nanosecond before its end").isPresent();
        scope.fixture.clock.advance(Duration.ofNanos(1));
        assertThat(scope.lockedUntil()).as("at its end").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Scope.Kind.class)
    void eachFurtherFailureShouldDoubleTheLockoutUpToItsMaximum(Scope.Kind kind) {
        ScopeUnderTest scope = new ScopeUnderTest(kind);
        scope.fail(MAX);
        Duration expected = ScopeUnderTest.lockout(kind);
        for (int round = 1; round <= 5; round++) {
            scope.fixture.clock.advance(expected);
            scope.fail();
            expected = min(expected.multipliedBy(2), ScopeUnderTest.maxLockout(kind));

            assertThat(scope.lockedUntil()).as("after " + (MAX + round) + " failures").contains(scope.now().plus(expected));
        }
        assertThat(expected).isEqualTo(ScopeUnderTest.maxLockout(kind));
    }

    @ParameterizedTest
    @EnumSource(Scope.Kind.class)
    void theLockoutShouldBeCountedFromTheLastFailure(Scope.Kind kind) {
        ScopeUnderTest scope = new ScopeUnderTest(kind);
        for (int i = 0; i < MAX; i++) {
            scope.fixture.clock.advance(Duration.ofMinutes(10));
            scope.fail();
        }

        assertThat(scope.lockedUntil()).contains(scope.now().plus(ScopeUnderTest.lockout(kind)));
    }

    @ParameterizedTest
    @EnumSource(Scope.Kind.class)
    void aLockedScopeShouldLockNothingOutsideIt(Scope.Kind kind) {
        ScopeUnderTest scope = new ScopeUnderTest(kind);
        scope.fail(MAX);

        assertThat(scope.logInElsewhere()).isTrue();
        assertThat(scope.lockedUntil()).isPresent();
    }

    private static Duration min(Duration one, Duration other) {
        return one.compareTo(other) <= 0 ? one : other;
    }
}
