package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ALICE;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.LOCKOUT;
import static org.apppasswords.throttle.ThrottleFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One address spraying many names, a few guesses each, stays under every per-account limit; the
 * address-wide count locks that address out of every account, names it never tried included, and
 * no other address.
 */
class AddressWideTest {
    private static final int ADDRESS_WIDE_MAX = 6;

    private ThrottleFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ThrottleFixture.create(ThrottleFixture.limits(ADDRESS_MAX, ADDRESS_WIDE_MAX, ThrottleFixture.ACCOUNT_MAX));
    }

    private void spray(String address, int names) {
        for (int i = 0; i < names; i++) {
            fixture.fail(Username.of("user" + i + "@example.org"), address, 1);
        }
    }

    @Test
    void sprayingBelowTheAddressWideLimitShouldLockNothing() {
        spray(ATTACKER, ADDRESS_WIDE_MAX - 1);

        assertThat(fixture.logIn(BOB, ATTACKER)).isTrue();
    }

    @Test
    void sprayingManyNamesShouldLockTheAddressOutOfEveryAccount() {
        spray(ATTACKER, ADDRESS_WIDE_MAX);

        assertThat(fixture.logIn(BOB, ATTACKER)).as("a name it never tried").isFalse();
        assertThat(fixture.logIn(Username.of("user0@example.org"), ATTACKER)).isFalse();
    }

    @Test
    void sprayingFromOneAddressShouldNotLockAnotherAddress() {
        spray(ATTACKER, ADDRESS_WIDE_MAX);

        assertThat(fixture.logIn(BOB, OWNER)).isTrue();
        assertThat(fixture.logIn(Username.of("user0@example.org"), OWNER)).isTrue();
    }

    @Test
    void sprayingNamesJamesDoesNotKnowShouldCountToo() {
        for (int i = 0; i < ADDRESS_WIDE_MAX; i++) {
            fixture.attempt(Username.of("nobody" + i + "@example.org"), ATTACKER, ThrottleFixture.newWrongValue(),
                FakeCheck.refusingUnknownAccount());
        }

        assertThat(fixture.logIn(ALICE, ATTACKER)).isFalse();
    }

    @Test
    void theAddressWideLockoutShouldEndByItself() {
        spray(ATTACKER, ADDRESS_WIDE_MAX);
        fixture.clock.advance(LOCKOUT);

        assertThat(fixture.logIn(BOB, ATTACKER)).isTrue();
    }

    @Test
    void addressesOfOneIpv6SlashSixtyFourShouldSprayAsOne() {
        for (int i = 0; i < ADDRESS_WIDE_MAX; i++) {
            fixture.fail(Username.of("user" + i + "@example.org"), "2001:db8:1:2::" + Integer.toHexString(i + 1), 1);
        }

        assertThat(fixture.logIn(BOB, "2001:db8:1:2:ffff::9")).isFalse();
        assertThat(fixture.logIn(BOB, "2001:db8:1:3::1")).as("the next /64").isTrue();
    }
}
