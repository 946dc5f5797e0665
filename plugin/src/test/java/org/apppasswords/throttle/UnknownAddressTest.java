package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ALICE;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

/**
 * Attempts James gives no address for are counted under one unknown address ({@code -}), rather
 * than none: per account like any address, and together for every account in one address-wide
 * scope. They lock only attempts without an address.
 */
class UnknownAddressTest {
    @Test
    void attemptsWithoutAnAddressShouldShareOneAddressScopePerAccount() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, null, ADDRESS_MAX);

        assertThat(fixture.logIn(BOB, null)).isFalse();
    }

    @Test
    void attemptsWithoutAnAddressShouldLockNeitherAddressesNorOtherAccounts() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, null, ADDRESS_MAX);

        assertThat(fixture.logIn(BOB, OWNER)).isTrue();
        assertThat(fixture.logIn(ALICE, null)).isTrue();
    }

    @Test
    void attemptsWithoutAnAddressShouldShareOneAddressWideScope() {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(ADDRESS_MAX, 4, ThrottleFixture.ACCOUNT_MAX));
        for (int i = 0; i < 4; i++) {
            fixture.fail(Username.of("user" + i + "@example.org"), null, 1);
        }

        assertThat(fixture.logIn(BOB, null)).isFalse();
        assertThat(fixture.logIn(BOB, ATTACKER)).as("an attempt with an address").isTrue();
    }

    @Test
    void aBlankAddressShouldBeTheUnknownAddress() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, " ", ADDRESS_MAX);

        assertThat(fixture.logIn(BOB, null)).isFalse();
    }

    @Test
    void theTextOfTheUnknownAddressShouldNotShareItsScope() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, "-", ADDRESS_MAX);

        assertThat(fixture.logIn(BOB, null)).isTrue();
    }
}
