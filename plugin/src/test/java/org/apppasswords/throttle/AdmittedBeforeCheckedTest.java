package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.LOCKOUT;
import static org.apppasswords.throttle.ThrottleFixture.RIGHT_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

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
}
