package org.apppasswords.apppassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** {@code appPasswords.idleExpiry}, read from the configuration as James wires it. */
class IdleExpiryTest {
    private static final Instant CREATED = Instant.parse("2024-03-01T12:00:00Z");
    private static final Duration LIMIT = Duration.ofDays(90);
    private static final StoredAppPassword NEVER_USED = StoredAppPassword.created(AppPasswordId.parse("qd3k7").orElseThrow(), "Mail",
        "$sha256$salt$hash", CREATED);

    private final MutableClock clock = new MutableClock(CREATED);

    private IdleExpiry expiry(Optional<Duration> limit) {
        return new IdleExpiry(AppPasswordsConfiguration.defaults().withAppPasswordIdleExpiry(limit), clock);
    }

    @Test
    void anAppPasswordShouldNeverExpireWhenExpiryIsOff() {
        clock.advance(Duration.ofDays(10_000));

        assertThat(expiry(Optional.empty()).isExpired(NEVER_USED)).isFalse();
    }

    @Test
    void aNeverUsedAppPasswordShouldLiveUntilJustBeforeTheLimitAfterItsCreation() {
        clock.advance(LIMIT.minusSeconds(1));

        assertThat(expiry(Optional.of(LIMIT)).isExpired(NEVER_USED)).isFalse();
    }

    @Test
    void aNeverUsedAppPasswordShouldExpireTheLimitAfterItsCreation() {
        clock.advance(LIMIT);

        assertThat(expiry(Optional.of(LIMIT)).isExpired(NEVER_USED)).isTrue();
    }

    @Test
    void aUseShouldRestartTheCount() {
        StoredAppPassword used = NEVER_USED.usedAt(CREATED.plus(Duration.ofDays(30)));
        clock.advance(LIMIT);

        assertThat(expiry(Optional.of(LIMIT)).isExpired(used)).isFalse();
    }

    @Test
    void anAppPasswordShouldExpireTheLimitAfterItsLastUse() {
        StoredAppPassword used = NEVER_USED.usedAt(CREATED.plus(Duration.ofDays(30)));
        clock.advance(LIMIT.plus(Duration.ofDays(30)));

        assertThat(expiry(Optional.of(LIMIT)).isExpired(used)).isTrue();
    }
}
