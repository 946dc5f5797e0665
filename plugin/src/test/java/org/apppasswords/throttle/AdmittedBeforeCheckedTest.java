package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.LOCKOUT;
import static org.apppasswords.throttle.ThrottleFixture.OWNER;
import static org.apppasswords.throttle.ThrottleFixture.RIGHT_PASSWORD;
import static org.apppasswords.throttle.ThrottleFixture.UNLIMITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apppasswords.configuration.ThrottleConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An attempt is admitted before its secret is checked: a locked one is never run (so it never
 * reaches James's repository nor a directory), does the work of a check instead
 * ({@link Check#imitate}), and changes nothing in the store.
 */
class AdmittedBeforeCheckedTest {
    private ThrottleFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ThrottleFixture.create();
    }

    @Test
    void anAdmittedAttemptShouldBeRunOnceAndNeverImitated() {
        FakeCheck check = FakeCheck.accepting();

        Guarded guarded = fixture.attempt(BOB, ATTACKER, RIGHT_PASSWORD, check);

        assertThat(guarded.outcome()).contains(Check.Outcome.ACCEPTED);
        assertThat(check.runs).hasValue(1);
        assertThat(check.imitations).hasValue(0);
    }

    @Test
    void theRightPasswordShouldBeLetThroughBelowTheLimit() {
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX - 1);

        assertThat(fixture.logIn(BOB, ATTACKER)).isTrue();
    }

    @Test
    void aLockedAttemptShouldBeImitatedAndNeverRun() {
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX);
        FakeCheck check = FakeCheck.accepting();

        Guarded guarded = fixture.attempt(BOB, ATTACKER, RIGHT_PASSWORD, check);

        assertThat(guarded.isLocked()).isTrue();
        assertThat(guarded.outcome()).isEmpty();
        assertThat(check.runs).hasValue(0);
        assertThat(check.imitations).hasValue(1);
    }

    @Test
    void aLockedWrongValueShouldWriteNothing() {
        fixture.fail(BOB, ATTACKER, "stale-password");
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX - 1);
        List<LoginFailure> before = fixture.stored(BOB, ATTACKER).failures();
        fixture.clock.advance(Duration.ofSeconds(10));

        fixture.attempt(BOB, ATTACKER, ThrottleFixture.newWrongValue(), FakeCheck.refusing());
        fixture.attempt(BOB, ATTACKER, "stale-password", FakeCheck.refusing());

        assertThat(fixture.stored(BOB, ATTACKER).failures()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aLockedRightPasswordShouldNeitherForgetTheFailuresNorNoteASuccess() {
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX);

        assertThat(fixture.logIn(BOB, ATTACKER)).isFalse();

        assertThat(fixture.stored(BOB, ATTACKER).failures()).hasSize(ADDRESS_MAX);
        assertThat(fixture.stored(BOB, ATTACKER).lastSuccessFromAddress()).isEmpty();
    }

    @Test
    void lockedAttemptsShouldNotLengthenTheLockout() {
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX);
        for (int i = 0; i < 20; i++) {
            fixture.clock.advance(Duration.ofSeconds(2));
            fixture.attempt(BOB, ATTACKER, ThrottleFixture.newWrongValue(), FakeCheck.refusing());
        }
        fixture.clock.advance(LOCKOUT.minusSeconds(40));

        assertThat(fixture.logIn(BOB, ATTACKER)).isTrue();
    }

    @Test
    void aCheckThatThrowsShouldLeaveNoPlaceInFlightAndCountNothing() {
        for (int i = 0; i <= ADDRESS_MAX; i++) {
            FakeCheck broken = new FakeCheck(Check.Outcome.REFUSED, () -> {
                throw new IllegalStateException("test: the directory is down");
            });
            assertThatThrownBy(() -> fixture.attempt(BOB, ATTACKER, ThrottleFixture.newWrongValue(), broken))
                .isInstanceOf(IllegalStateException.class);
        }

        assertThat(fixture.kept()).isZero();
        assertThat(fixture.logIn(BOB, ATTACKER)).isTrue();
    }

    @Test
    void aLockedAttemptShouldLeaveItsPlacesBeforeItsImitation() throws Exception {
        // The address locked for 10 minutes, the account for 1: once the account's lockout ended,
        // it admits one attempt at a time, and the attacker's locked ones must not take that turn.
        ThrottleFixture lockouts = ThrottleFixture.create(new ThrottleConfiguration(
            new ThrottleConfiguration.Rule(ADDRESS_MAX, Duration.ofMinutes(10), Duration.ofMinutes(10)), ThrottleFixture.rule(UNLIMITED),
            new ThrottleConfiguration.Rule(ADDRESS_MAX, LOCKOUT, LOCKOUT), 100, ThrottleFixture.FORGET_AFTER, ThrottleFixture.MAX_RECORDS));
        lockouts.fail(BOB, ATTACKER, ADDRESS_MAX);
        lockouts.clock.advance(LOCKOUT);
        CountDownLatch imitating = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        Check slowImitation = new Check() {
            @Override
            public Outcome run() {
                return Outcome.REFUSED;
            }

            @Override
            public void imitate() {
                imitating.countDown();
                awaitQuietly(released);
            }
        };
        ExecutorService attacker = Executors.newSingleThreadExecutor();
        try {
            Future<Guarded> locked = attacker.submit(() -> lockouts.attempt(BOB, ATTACKER, ThrottleFixture.newWrongValue(), slowImitation));
            assertThat(imitating.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(lockouts.logIn(BOB, OWNER)).as("the owner, while a locked attempt imitates a check").isTrue();
            released.countDown();
            assertThat(locked.get(10, TimeUnit.SECONDS).isLocked()).isTrue();
        } finally {
            released.countDown();
            attacker.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
