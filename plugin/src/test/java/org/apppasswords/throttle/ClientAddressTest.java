package org.apppasswords.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.apppasswords.audit.LoginOrigin;
import org.junit.jupiter.api.Test;

/**
 * Where an attempt is counted from: IPv4 as given, IPv6 per /64 (one subscriber, one address),
 * IPv4-mapped IPv6 as its IPv4 address, no address as the one unknown address. Also through the
 * throttle: addresses of one /64 share their counts, and a mapped address shares its IPv4's.
 */
class ClientAddressTest {
    private static ClientAddress of(String address) {
        return ClientAddress.of(new LoginOrigin(Optional.of(address), Optional.empty()));
    }

    @Test
    void anIpv4AddressShouldBeKeptAsGiven() {
        assertThat(of("203.0.113.7").asString()).isEqualTo("203.0.113.7");
    }

    /** Text that only looks like an address is never handed to the resolver (which would look it up as a host name). */
    @Test
    void textThatOnlyLooksLikeAnAddressShouldBeKeptAsText() {
        assertThat(of("999.1.1.1").asString()).isEqualTo("999.1.1.1");
        assertThat(of("dead.beef.cafe.face").asString()).isEqualTo("dead.beef.cafe.face");
        assertThat(of("1.2.3.04").asString()).isEqualTo("1.2.3.04");
    }

    @Test
    void anIpv6AddressShouldBeCountedAsItsSlashSixtyFour() {
        assertThat(of("2001:DB8:0:0:1:2:3:4").asString()).isEqualTo("2001:db8:0:0:0:0:0:0/64");
    }

    @Test
    void addressesOfOneSlashSixtyFourShouldBeOneAddress() {
        assertThat(of("2001:db8:1:2::1")).isEqualTo(of("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    }

    @Test
    void addressesOfNeighbouringSlashSixtyFoursShouldBeTwoAddresses() {
        assertThat(of("2001:db8:1:2::1")).isNotEqualTo(of("2001:db8:1:3::1"));
    }

    @Test
    void aBracketedOrZonedIpv6AddressShouldBeItsSlashSixtyFour() {
        assertThat(of("[2001:db8::1]")).isEqualTo(of("2001:db8::2"));
        assertThat(of("fe80::1%eth0").asString()).isEqualTo("fe80:0:0:0:0:0:0:0/64");
    }

    @Test
    void anIpv4MappedAddressShouldBeItsIpv4Address() {
        assertThat(of("::ffff:192.0.2.1")).isEqualTo(of("192.0.2.1"));
        assertThat(of("::ffff:192.0.2.1").asString()).isEqualTo("192.0.2.1");
    }

    @Test
    void noAddressShouldBeTheUnknownAddress() {
        assertThat(ClientAddress.of(LoginOrigin.unknown())).isSameAs(ClientAddress.UNKNOWN);
        assertThat(of("  ")).isSameAs(ClientAddress.UNKNOWN);
        assertThat(ClientAddress.UNKNOWN.isKnown()).isFalse();
        assertThat(of("192.0.2.1").isKnown()).isTrue();
    }

    @Test
    void theTextOfTheUnknownAddressShouldNotBecomeIt() {
        assertThat(of("-")).isNotEqualTo(ClientAddress.UNKNOWN);
        assertThat(of("-").isKnown()).isTrue();
    }

    @Test
    void textThatIsNoAddressShouldBeKeptAndCutToTheStoredLength() {
        assertThat(of("mail.example.com").asString()).isEqualTo("mail.example.com");
        assertThat(of("x".repeat(200)).asString()).hasSize(ClientAddress.MAX_LENGTH);
        assertThat(of("999.1.1.1").asString()).isEqualTo("999.1.1.1");
    }

    @Test
    void aStoredAddressShouldReadBackAsItself() {
        ClientAddress address = of("2001:db8::1");

        assertThat(ClientAddress.stored(address.asString())).isEqualTo(address);
        assertThat(ClientAddress.stored(ClientAddress.UNKNOWN.asString())).isSameAs(ClientAddress.UNKNOWN);
    }

    @Test
    void theThrottleShouldCountAnIpv4MappedAddressWithItsIpv4Address() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(ThrottleFixture.BOB, "::ffff:" + ThrottleFixture.ATTACKER, ThrottleFixture.ADDRESS_MAX);

        assertThat(fixture.logIn(ThrottleFixture.BOB, ThrottleFixture.ATTACKER)).isFalse();
    }

    @Test
    void theThrottleShouldCountAddressesOfOneSlashSixtyFourTogether() {
        ThrottleFixture fixture = ThrottleFixture.create();
        for (int i = 1; i <= ThrottleFixture.ADDRESS_MAX; i++) {
            fixture.fail(ThrottleFixture.BOB, "2001:db8:1:2::" + i, 1);
        }

        assertThat(fixture.logIn(ThrottleFixture.BOB, "2001:db8:1:2:ffff::9")).isFalse();
        assertThat(fixture.logIn(ThrottleFixture.BOB, "2001:db8:1:3::1")).isTrue();
    }
}
