package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.LOCKOUT;
import static org.apppasswords.throttle.ThrottleFixture.UNLIMITED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

/**
 * The listener (the audit log's {@code lockout-started} line and the {@code appPasswords.lockout.*}
 * metrics) hears of each lockout once, from the failure that starts it, with its scope and its end;
 * a locked attempt, a repeated value and a failure below the limit start none.
 */
class LockoutListenerTest {
    private static void assertStarted(RecordingLockouts.Started started, Username user, String address, Scope.Kind scope, Instant until) {
        assertThat(started.user).isEqualTo(user);
        assertThat(started.origin.address()).contains(address);
        assertThat(started.scope).isEqualTo(scope);
        assertThat(started.until).isEqualTo(until);
    }

    @Test
    void failuresBelowTheLimitShouldStartNoLockout() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX - 1);

        assertThat(fixture.lockouts.started).isEmpty();
    }

    @Test
    void theFailureReachingTheLimitShouldStartTheAddressLockoutOnce() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX);

        assertThat(fixture.lockouts.started).singleElement()
            .satisfies(started -> assertStarted(started, BOB, ATTACKER, Scope.Kind.ADDRESS, fixture.clock.instant().plus(LOCKOUT)));
    }

    @Test
    void lockedAttemptsShouldStartNothing() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX);
        for (int i = 0; i < 5; i++) {
            fixture.attempt(BOB, ATTACKER, ThrottleFixture.newWrongValue(), FakeCheck.refusing());
        }

        assertThat(fixture.lockouts.started).hasSize(1);
    }

    @Test
    void aRepeatedValueShouldStartNothing() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, ATTACKER, "stale");
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX - 1);
        fixture.clock.advance(LOCKOUT);

        fixture.fail(BOB, ATTACKER, "stale");

        assertThat(fixture.lockouts.started).hasSize(1);
    }

    @Test
    void eachFurtherFailureShouldStartTheNextLockout() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX);
        fixture.clock.advance(LOCKOUT);

        fixture.fail(BOB, ATTACKER, 1);

        assertThat(fixture.lockouts.started).hasSize(2);
        assertStarted(fixture.lockouts.started.get(1), BOB, ATTACKER, Scope.Kind.ADDRESS, fixture.clock.instant().plus(LOCKOUT.multipliedBy(2)));
    }

    @Test
    void theAccountLockoutShouldBeStartedByTheFailureFromTheLastAddress() {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(UNLIMITED, UNLIMITED, 3));
        fixture.fail(BOB, "192.0.2.1", 1);
        fixture.fail(BOB, "192.0.2.2", 1);
        fixture.fail(BOB, "192.0.2.3", 1);

        assertThat(fixture.lockouts.started).singleElement()
            .satisfies(started -> assertStarted(started, BOB, "192.0.2.3", Scope.Kind.ACCOUNT, fixture.clock.instant().plus(LOCKOUT)));
    }

    @Test
    void theAddressWideLockoutShouldNameTheAccountWhoseFailureStartedIt() {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(UNLIMITED, 3, UNLIMITED));
        Username last = Username.of("user3@example.org");
        fixture.fail(Username.of("user1@example.org"), ATTACKER, 1);
        fixture.fail(Username.of("user2@example.org"), ATTACKER, 1);
        fixture.fail(last, ATTACKER, 1);

        assertThat(fixture.lockouts.started).singleElement()
            .satisfies(started -> assertStarted(started, last, ATTACKER, Scope.Kind.ADDRESS_WIDE, fixture.clock.instant().plus(LOCKOUT)));
    }

    @Test
    void aFailureStartingLockoutsInSeveralScopesShouldReportEach() {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(3, 3, 3));
        fixture.fail(BOB, ATTACKER, 3);

        assertThat(fixture.lockouts.started).extracting(started -> started.scope)
            .containsExactlyInAnyOrder(Scope.Kind.ADDRESS, Scope.Kind.ACCOUNT, Scope.Kind.ADDRESS_WIDE);
    }
}
