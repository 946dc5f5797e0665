package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.LOCKOUT;
import static org.apppasswords.throttle.ThrottleFixture.RIGHT_PASSWORD;
import static org.apppasswords.throttle.ThrottleFixture.UNLIMITED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apppasswords.testing.Concurrently;
import org.junit.jupiter.api.Test;

/**
 * Guesses racing on one node cannot slip past a limit: an attempt takes its place in flight before
 * it reads the counts and leaves it only once its failure is written, so with a limit of 5 at most
 * 5 different values are ever checked, however many race. Every admitted check here waits until
 * every attempt of the race was either admitted or refused, so that all the admitted ones are in
 * flight together: the store holds none of them while the others decide.
 */
class ParallelGuessesTest {
    private static final int LIMIT = 5;
    private static final int THREADS = Concurrently.THREADS;

    /** One attempt of a race: who, from where, with what. */
    @FunctionalInterface
    private interface Racer {
        Guarded attempt(int index, Check check);
    }

    /** The attempts of one race, and how many of them were checked. */
    private static final class Race {
        final List<Guarded> results;
        final int checked;

        Race(List<Guarded> results, int checked) {
            this.results = results;
            this.checked = checked;
        }

        long locked() {
            return results.stream().filter(Guarded::isLocked).count();
        }
    }

    private static Race race(Check.Outcome outcome, Racer racer) throws Exception {
        AtomicInteger settled = new AtomicInteger();
        CountDownLatch allSettled = new CountDownLatch(1);
        Runnable settle = () -> {
            if (settled.incrementAndGet() == THREADS) {
                allSettled.countDown();
            }
        };
        FakeCheck check = new FakeCheck(outcome, () -> {
            settle.run();
            try {
                allSettled.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Guarded> results = Concurrently.run(THREADS, index -> {
            Guarded guarded = racer.attempt(index, check);
            if (guarded.isLocked()) {
                settle.run();
            }
            return guarded;
        });
        return new Race(results, check.runs.get());
    }

    @Test
    void parallelGuessesFromOneAddressShouldHaveAtMostTheAddressLimitChecked() throws Exception {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(LIMIT, UNLIMITED, UNLIMITED));

        Race race = race(Check.Outcome.REFUSED, (index, check) -> fixture.attempt(BOB, ATTACKER, "guess-" + index, check));

        assertThat(race.checked).isBetween(1, LIMIT);
        assertThat(race.locked()).isEqualTo(THREADS - race.checked);
        assertThat(fixture.kept()).as("every checked guess counted").isEqualTo(race.checked);
    }

    @Test
    void parallelGuessesFromManyAddressesShouldHaveAtMostTheAccountLimitChecked() throws Exception {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(UNLIMITED, UNLIMITED, LIMIT));

        Race race = race(Check.Outcome.REFUSED, (index, check) -> fixture.attempt(BOB, "192.0.2." + index, "guess-" + index, check));

        assertThat(race.checked).isBetween(1, LIMIT);
        assertThat(fixture.kept()).isEqualTo(race.checked);
    }

    @Test
    void parallelGuessesAtManyNamesShouldHaveAtMostTheAddressWideLimitChecked() throws Exception {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(UNLIMITED, LIMIT, UNLIMITED));

        Race race = race(Check.Outcome.REFUSED_UNKNOWN_ACCOUNT,
            (index, check) -> fixture.attempt(Username.of("user" + index + "@example.org"), ATTACKER, "guess", check));

        assertThat(race.checked).isBetween(1, LIMIT);
        assertThat(fixture.kept()).isEqualTo(race.checked);
    }

    @Test
    void parallelGuessesShouldOnlyFillWhatTheStoredFailuresLeave() throws Exception {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(LIMIT, UNLIMITED, UNLIMITED));
        fixture.fail(BOB, ATTACKER, LIMIT - 2);

        Race race = race(Check.Outcome.REFUSED, (index, check) -> fixture.attempt(BOB, ATTACKER, "guess-" + index, check));

        assertThat(race.checked).isBetween(1, 2);
    }

    @Test
    void onceALockoutEndedOneGuessAtATimeShouldBeChecked() throws Exception {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(LIMIT, UNLIMITED, UNLIMITED));
        fixture.fail(BOB, ATTACKER, LIMIT);
        fixture.clock.advance(LOCKOUT);

        Race race = race(Check.Outcome.REFUSED, (index, check) -> fixture.attempt(BOB, ATTACKER, "guess-" + index, check));

        assertThat(race.checked).isEqualTo(1);
    }

    @Test
    void theSameWrongValueInParallelShouldTakeOnePlace() throws Exception {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(LIMIT, UNLIMITED, UNLIMITED));

        Race race = race(Check.Outcome.REFUSED, (index, check) -> fixture.attempt(BOB, ATTACKER, "a stale password", check));

        assertThat(race.checked).as("a mail client opening many connections with one password").isEqualTo(THREADS);
        assertThat(fixture.kept()).isEqualTo(1);
        assertThat(fixture.logIn(BOB, ATTACKER)).isTrue();
    }

    @Test
    void theRightPasswordInParallelShouldAlwaysBeChecked() throws Exception {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(LIMIT, UNLIMITED, UNLIMITED));

        Race race = race(Check.Outcome.ACCEPTED, (index, check) -> fixture.attempt(BOB, ATTACKER, RIGHT_PASSWORD, check));

        assertThat(race.checked).isEqualTo(THREADS);
        assertThat(race.results).allSatisfy(guarded -> assertThat(guarded.outcome()).contains(Check.Outcome.ACCEPTED));
    }

    @Test
    void parallelGuessesOverTwoNodesShouldHaveAtMostTheLimitCheckedOnEach() throws Exception {
        ThrottleFixture node = ThrottleFixture.create(ThrottleFixture.limits(LIMIT, UNLIMITED, UNLIMITED));
        ThrottleFixture otherNode = node.anotherNode();

        Race race = race(Check.Outcome.REFUSED,
            (index, check) -> (index % 2 == 0 ? node : otherNode).attempt(BOB, ATTACKER, "guess-" + index, check));

        assertThat(race.checked).as("the attempts in flight are counted per node").isBetween(1, 2 * LIMIT);
        assertThat(node.kept()).isEqualTo(race.checked);
    }
}
