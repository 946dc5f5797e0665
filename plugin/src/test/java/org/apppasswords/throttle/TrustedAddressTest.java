package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ACCOUNT_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.FORGET_AFTER;
import static org.apppasswords.throttle.ThrottleFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The owner's usual address passes an account lockout: for {@code throttle.forgetAfter} after a
 * success from an address, the account scope does not stop attempts from it, while every other
 * address is stopped; that address keeps its own limits. A success is noted at most once an hour.
 */
class TrustedAddressTest {
    private ThrottleFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ThrottleFixture.create();
    }

    private void lockTheAccountFromManyAddresses() {
        for (int i = 0; i < ACCOUNT_MAX; i++) {
            fixture.fail(BOB, "192.0.2." + i, 1);
        }
    }

    @Test
    void anAddressWithARecentSuccessShouldPassAnAccountLockout() {
        assertThat(fixture.logIn(BOB, OWNER)).isTrue();
        lockTheAccountFromManyAddresses();

        assertThat(fixture.logIn(BOB, OWNER)).isTrue();
    }

    @Test
    void anAddressWithoutASuccessShouldBeStoppedByTheAccountLockout() {
        assertThat(fixture.logIn(BOB, OWNER)).isTrue();
        lockTheAccountFromManyAddresses();

        assertThat(fixture.logIn(BOB, ATTACKER)).isFalse();
        assertThat(fixture.logIn(BOB, "192.0.2.1")).as("an address that failed once").isFalse();
    }

    @Test
    void aTrustedAddressShouldKeepItsOwnAddressLimit() {
        assertThat(fixture.logIn(BOB, OWNER)).isTrue();
        lockTheAccountFromManyAddresses();
        fixture.fail(BOB, OWNER, ADDRESS_MAX);

        assertThat(fixture.logIn(BOB, OWNER)).isFalse();
    }

    @Test
    void theTrustShouldEndAfterForgetAfter() {
        assertThat(fixture.logIn(BOB, OWNER)).isTrue();
        fixture.clock.advance(FORGET_AFTER.plusSeconds(1));
        lockTheAccountFromManyAddresses();

        assertThat(fixture.logIn(BOB, OWNER)).isFalse();
    }

    @Test
    void anAttemptWithoutAnAddressShouldNeverBeTrusted() {
        assertThat(fixture.logIn(BOB, null)).isTrue();
        lockTheAccountFromManyAddresses();

        assertThat(fixture.logIn(BOB, null)).isFalse();
    }

    @Test
    void aSuccessShouldBeNotedAtMostOnceAnHour() {
        Instant first = fixture.clock.instant();
        fixture.logIn(BOB, OWNER);
        fixture.clock.advance(Duration.ofMinutes(59));
        fixture.logIn(BOB, OWNER);

        assertThat(fixture.stored(BOB, OWNER).lastSuccessFromAddress()).contains(first);
    }

    @Test
    void aSuccessAfterAnHourShouldRefreshTheNoteAndTheTrust() {
        fixture.logIn(BOB, OWNER);
        fixture.clock.advance(Duration.ofMinutes(61));
        Instant refreshed = fixture.clock.instant();
        fixture.logIn(BOB, OWNER);
        fixture.clock.advance(FORGET_AFTER.minusMinutes(30));
        lockTheAccountFromManyAddresses();

        assertThat(fixture.stored(BOB, OWNER).lastSuccessFromAddress()).contains(refreshed);
        assertThat(fixture.logIn(BOB, OWNER)).as("trusted for forgetAfter after the refreshed note").isTrue();
    }
}
