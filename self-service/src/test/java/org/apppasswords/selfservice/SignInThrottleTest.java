package org.apppasswords.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

import io.netty.handler.codec.http.HttpResponseStatus;

class SignInThrottleTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final Username BOB = Username.of("bob@example.org");

    private final SteppingClock clock = new SteppingClock();
    private final SignInThrottle testee = new SignInThrottle(clock);

    private void fail(Username user, int times) {
        for (int i = 0; i < times; i++) {
            testee.recordFailure(user);
        }
    }

    @Test
    void checkAllowedShouldPassAfterTheFreeFailures() {
        fail(ALICE, SignInThrottle.FREE_FAILURES);

        assertThatCode(() -> testee.checkAllowed(ALICE)).doesNotThrowAnyException();
    }

    @Test
    void checkAllowedShouldAnswer429OnceTheFreeFailuresAreSpent() {
        fail(ALICE, SignInThrottle.FREE_FAILURES + 1);

        assertThatThrownBy(() -> testee.checkAllowed(ALICE))
            .isInstanceOfSatisfying(ApiError.class, error -> {
                assertThat(error.status()).isEqualTo(HttpResponseStatus.TOO_MANY_REQUESTS);
                assertThat(error.headers()).containsEntry("Retry-After", "31");
            });
    }

    @Test
    void lockShouldEndAfterItsDuration() {
        fail(ALICE, SignInThrottle.FREE_FAILURES + 1);
        clock.advance(SignInThrottle.FIRST_LOCK);

        assertThatCode(() -> testee.checkAllowed(ALICE)).doesNotThrowAnyException();
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

        assertThatCode(() -> testee.checkAllowed(BOB)).doesNotThrowAnyException();
    }

    @Test
    void successShouldClearTheFailures() {
        fail(ALICE, SignInThrottle.FREE_FAILURES);
        testee.recordSuccess(ALICE);
        fail(ALICE, SignInThrottle.FREE_FAILURES);

        assertThatCode(() -> testee.checkAllowed(ALICE)).doesNotThrowAnyException();
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
