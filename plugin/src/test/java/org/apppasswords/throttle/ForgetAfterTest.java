package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ALICE;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.FORGET_AFTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failures older than {@code throttle.forgetAfter} no longer count, whether or not housekeeping
 * has removed them yet; housekeeping removes them from the store, off the login's thread.
 */
class ForgetAfterTest {
    private ThrottleFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ThrottleFixture.create();
    }

    @Test
    void failuresOlderThanForgetAfterShouldNoLongerCount() {
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX - 1);
        fixture.clock.advance(FORGET_AFTER.plusNanos(1));
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX - 1);

        assertThat(fixture.logIn(BOB, ATTACKER)).isTrue();
    }

    @Test
    void failuresOfExactlyForgetAfterAgoShouldStillCount() {
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX - 1);
        fixture.clock.advance(FORGET_AFTER);
        fixture.fail(BOB, ATTACKER, 1);

        assertThat(fixture.logIn(BOB, ATTACKER)).isFalse();
    }

    @Test
    void aValueForgottenShouldCountAgain() {
        fixture.fail(BOB, ATTACKER, "stale");
        fixture.clock.advance(FORGET_AFTER.plusNanos(1));
        fixture.fail(BOB, ATTACKER, "stale");
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX - 1);

        assertThat(fixture.logIn(BOB, ATTACKER)).isFalse();
    }

    @Test
    void housekeepingShouldRemoveWhatNoLongerCounts() {
        fixture.fail(BOB, ATTACKER, 2);
        fixture.clock.advance(FORGET_AFTER.plus(Duration.ofMinutes(1)));

        fixture.fail(ALICE, ATTACKER, 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fixture.kept()).isEqualTo(1));
        assertThat(fixture.stored(ALICE, ATTACKER).failures()).extracting(LoginFailure::user).containsExactly(ALICE);
    }

    @Test
    void housekeepingThatFailsShouldNotFailTheLogin() {
        FailingWrites store = new FailingWrites(new MemoryLoginFailureStore());
        store.refuseRemovals = true;
        ThrottleFixture failing = new ThrottleFixture(store, ThrottleFixture.limits(ADDRESS_MAX, 100, 100),
            new MutableClock(ThrottleFixture.START));

        failing.fail(BOB, ATTACKER, 1);

        assertThat(failing.logIn(BOB, ATTACKER)).isTrue();
    }
}
