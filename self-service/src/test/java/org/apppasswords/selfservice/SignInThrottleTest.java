package org.apppasswords.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

import io.netty.handler.codec.http.HttpResponseStatus;

class SignInThrottleTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final Username BOB = Username.of("bob@example.org");

    private final SteppingClock clock = new SteppingClock();
    private final SignInThrottle testee = new SignInThrottle(clock);

    /** Attempts that never succeed: each one counts as a failure. */
    private void fail(Username user, int times) {
        for (int i = 0; i < times; i++) {
            testee.beginAttempt(user);
        }
    }

    @Test
    void beginAttemptShouldPassAfterTheFreeFailures() {
        fail(ALICE, SignInThrottle.FREE_FAILURES);

        assertThatCode(() -> testee.beginAttempt(ALICE)).doesNotThrowAnyException();
    }

    @Test
    void beginAttemptShouldAnswer429OnceTheFreeFailuresAreSpent() {
        fail(ALICE, SignInThrottle.FREE_FAILURES + 1);

        assertThatThrownBy(() -> testee.beginAttempt(ALICE))
            .isInstanceOfSatisfying(ApiError.class, error -> {
                assertThat(error.status()).isEqualTo(HttpResponseStatus.TOO_MANY_REQUESTS);
                assertThat(error.headers()).containsEntry("Retry-After", "31");
            });
    }

    @Test
    void lockShouldEndAfterItsDuration() {
        fail(ALICE, SignInThrottle.FREE_FAILURES + 1);
        clock.advance(SignInThrottle.FIRST_LOCK);

        assertThatCode(() -> testee.beginAttempt(ALICE)).doesNotThrowAnyException();
    }

    @Test
    void lockShouldDoubleWithEachFailureUpToTheCap() {
        assertThat(SignInThrottle.lockAfter(SignInThrottle.FREE_FAILURES)).isEqualTo(Duration.ZERO);
        assertThat(SignInThrottle.lockAfter(SignInThrottle.FREE_FAILURES + 1)).isEqualTo(SignInThrottle.FIRST_LOCK);
        assertThat(SignInThrottle.lockAfter(SignInThrottle.FREE_FAILURES + 2)).isEqualTo(SignInThrottle.FIRST_LOCK.multipliedBy(2));
        assertThat(SignInThrottle.lockAfter(SignInThrottle.FREE_FAILURES + 100)).isEqualTo(SignInThrottle.MAX_LOCK);
    }

    @Test
    void lockShouldConcernOneUserOnly() {
        fail(ALICE, SignInThrottle.FREE_FAILURES + 1);

        assertThatCode(() -> testee.beginAttempt(BOB)).doesNotThrowAnyException();
    }

    @Test
    void successShouldClearTheFailures() {
        fail(ALICE, SignInThrottle.FREE_FAILURES);
        testee.recordSuccess(ALICE);
        fail(ALICE, SignInThrottle.FREE_FAILURES);

        assertThatCode(() -> testee.beginAttempt(ALICE)).doesNotThrowAnyException();
    }

    @Test
    void parallelAttemptsShouldBeCountedBeforeTheyAreChecked() throws Exception {
        int attempts = 20;
        ExecutorService executor = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> admitted = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                admitted.add(executor.submit(() -> {
                    start.await();
                    try {
                        testee.beginAttempt(ALICE);
                        return true;
                    } catch (ApiError refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int checked = 0;
            for (Future<Boolean> outcome : admitted) {
                checked += outcome.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(checked).isEqualTo(SignInThrottle.FREE_FAILURES + 1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void checkAllowedShouldCountNothingAndRecordFailureShouldLock() {
        for (int i = 0; i < 50; i++) {
            testee.checkAllowed(ALICE);
        }
        for (int i = 0; i <= SignInThrottle.FREE_FAILURES; i++) {
            testee.recordFailure(ALICE);
        }

        assertThatThrownBy(() -> testee.checkAllowed(ALICE)).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> testee.beginAttempt(ALICE)).isInstanceOf(ApiError.class);
    }

    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2024-03-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
