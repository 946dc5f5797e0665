package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.auth.ThrottleFixture.ACCOUNT_MAX;
import static org.apppasswords.auth.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.auth.ThrottleFixture.ATTACKER;
import static org.apppasswords.auth.ThrottleFixture.OWNER;
import static org.apppasswords.auth.ThrottleFixture.fail;
import static org.apppasswords.auth.ThrottleFixture.login;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.junit.jupiter.api.Test;

/**
 * Which counts an attempt lands in: a success gives back only its own (account, address) count;
 * IPv6 clients are counted per /64 and IPv4-mapped addresses as IPv4; one address is counted
 * across every account it tries.
 */
class ThrottleScopesTest {
    private static final int ADDRESS_WIDE_MAX = 6;

    @Test
    void anOwnerSuccessShouldNotClearTheAccountCount() throws Exception {
        LoginFixture fixture = ThrottleFixture.create();
        for (int address = 0; address < ACCOUNT_MAX - 1; address++) {
            fail(fixture, "192.0.2." + address, BOB, 1);
        }
        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).isTrue();

        fail(fixture, "192.0.2.200", BOB, 1);

        assertThat(login(fixture, "192.0.2.201", BOB, BOB_PASSWORD)).as("the account limit is reached").isFalse();
    }

    @Test
    void successesShouldNeverCountAgainstTheAccount() throws Exception {
        LoginFixture fixture = ThrottleFixture.create();
        for (int i = 0; i < ACCOUNT_MAX * 2; i++) {
            assertThat(login(fixture, "192.0.2." + i, BOB, BOB_PASSWORD)).isTrue();
        }

        assertThat(fixture.loginFailures.find(BOB)).doesNotContainKey(ThrottleState.ACCOUNT);
    }

    @Test
    void anAddressWithARecentSuccessShouldPassAnAccountLockout() throws Exception {
        LoginFixture fixture = ThrottleFixture.create();
        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).isTrue();
        for (int address = 0; address < ACCOUNT_MAX; address++) {
            fail(fixture, "192.0.2." + address, BOB, 1);
        }

        assertThat(login(fixture, "192.0.2.250", BOB, BOB_PASSWORD)).as("an address without a success").isFalse();
        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).as("the owner's address").isTrue();
    }

    @Test
    void aTrustedAddressShouldKeepItsOwnAddressLimit() throws Exception {
        LoginFixture fixture = ThrottleFixture.create();
        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).isTrue();
        for (int address = 0; address < ACCOUNT_MAX; address++) {
            fail(fixture, "192.0.2." + address, BOB, 1);
        }

        fail(fixture, OWNER, BOB, ADDRESS_MAX);

        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).isFalse();
    }

    @Test
    void theTrustShouldEndAfterTheForgetPeriod() throws Exception {
        LoginFixture fixture = ThrottleFixture.create();
        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).isTrue();
        fixture.clock.advance(ThrottleFixture.FORGET_AFTER.plusSeconds(1));
        for (int address = 0; address < ACCOUNT_MAX; address++) {
            fail(fixture, "192.0.2." + address, BOB, 1);
        }

        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).isFalse();
    }

    @Test
    void attemptsWithoutAnAddressShouldNeverBeTrusted() throws Exception {
        LoginFixture fixture = ThrottleFixture.create();
        assertThat(login(fixture, null, BOB, BOB_PASSWORD)).isTrue();
        for (int address = 0; address < ACCOUNT_MAX; address++) {
            fail(fixture, "192.0.2." + address, BOB, 1);
        }

        assertThat(login(fixture, null, BOB, BOB_PASSWORD)).isFalse();
    }

    @Test
    void addressesOfOneIpv6SlashSixtyFourShouldShareOneCount() throws Exception {
        LoginFixture fixture = ThrottleFixture.create();
        for (int i = 1; i <= ADDRESS_MAX; i++) {
            fail(fixture, "2001:db8:1:2::" + i, BOB, 1);
        }

        assertThat(login(fixture, "2001:db8:1:2:ffff::9", BOB, BOB_PASSWORD)).isFalse();
        assertThat(login(fixture, "2001:db8:1:3::1", BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void anIpv4MappedAddressShouldCountAsItsIpv4Address() throws Exception {
        LoginFixture fixture = ThrottleFixture.create();
        fail(fixture, "::ffff:" + ATTACKER, BOB, ADDRESS_MAX);

        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isFalse();
    }

    @Test
    void addressesShouldBeNormalisedAndOtherTextKeptSafe() {
        assertThat(ThrottleState.addressScope(from("2001:DB8:0:0:1:2:3:4"))).isEqualTo("address:2001:db8:0:0:0:0:0:0/64");
        assertThat(ThrottleState.addressScope(from("[2001:db8::1]"))).isEqualTo("address:2001:db8:0:0:0:0:0:0/64");
        assertThat(ThrottleState.addressScope(from("::ffff:192.0.2.1"))).isEqualTo("address:192.0.2.1");
        assertThat(ThrottleState.addressScope(from("mail.example.com,x@y"))).isEqualTo("address:mail.example.com_x_y");
        assertThat(ThrottleState.addressScope(LoginOrigin.unknown())).isEqualTo(ThrottleState.UNKNOWN_ADDRESS);
    }

    @Test
    void oneAddressSprayingManyAccountsShouldBeLockedOutOfEveryAccount() throws Exception {
        LoginFixture fixture = ThrottleFixture.create(ADDRESS_MAX, ADDRESS_WIDE_MAX, 10_000);
        for (int i = 0; i < ADDRESS_WIDE_MAX; i++) {
            fail(fixture, ATTACKER, Username.of("user" + i + "@example.org"), 1);
        }

        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isFalse();
        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void theAddressWideLockoutShouldEndByItself() throws Exception {
        LoginFixture fixture = ThrottleFixture.create(ADDRESS_MAX, ADDRESS_WIDE_MAX, 10_000);
        for (int i = 0; i < ADDRESS_WIDE_MAX; i++) {
            fail(fixture, ATTACKER, Username.of("user" + i + "@example.org"), 1);
        }
        fixture.clock.advance(ThrottleFixture.LOCKOUT.plusSeconds(1));

        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void attemptsWithoutAnAddressShouldHaveNoAddressWideCount() throws Exception {
        LoginFixture fixture = ThrottleFixture.create(ADDRESS_MAX, ADDRESS_WIDE_MAX, 10_000);
        for (int i = 0; i < ADDRESS_WIDE_MAX * 2; i++) {
            fail(fixture, null, Username.of("user" + i + "@example.org"), 1);
        }

        assertThat(login(fixture, null, BOB, BOB_PASSWORD)).isTrue();
    }

    private static LoginOrigin from(String address) {
        return new LoginOrigin(Optional.of(address), Optional.empty());
    }
}
