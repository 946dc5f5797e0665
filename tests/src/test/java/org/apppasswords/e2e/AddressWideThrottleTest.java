package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One address spraying guesses over many names is locked out of every account's primary path
 * (throttle.addressWide.*), through real IMAP from distinct loopback addresses; other addresses
 * and app passwords are not affected. Each test sprays from an address of its own.
 */
class AddressWideThrottleTest {
    private static final int ADDRESS_WIDE_MAX = 4;

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties(String.join("\n",
        "throttle.addressWide.maxFailures=" + ADDRESS_WIDE_MAX,
        "throttle.addressWide.lockout=PT1M",
        "throttle.addressWide.maxLockout=PT1M"));

    private TotpUser user;

    @BeforeEach
    void createUser() throws Exception {
        user = TotpUser.create(james, "sprayed");
    }

    private static void spray(String source) throws Exception {
        for (int i = 0; i < ADDRESS_WIDE_MAX; i++) {
            assertThat(ImapFrom.login(james.ports(), source, "nobody" + i + "-" + source + "@example.org", "Passw0rd-" + i)).isFalse();
        }
    }

    @Test
    void theSprayingAddressShouldBeRefusedForAnotherAccountEvenWithTheRightPasswordAndCode() throws Exception {
        spray("127.0.4.1");

        assertThat(ImapFrom.login(james.ports(), "127.0.4.1", user.name, user.primaryWithCurrentCode())).isFalse();
    }

    @Test
    void theSprayingAddressShouldStayRefusedAfterTheOwnerSignsInElsewhere() throws Exception {
        spray("127.0.4.6");
        assertThat(ImapFrom.login(james.ports(), "127.0.4.7", user.name, user.primaryWithCurrentCode())).isTrue();

        assertThat(ImapFrom.login(james.ports(), "127.0.4.6", user.name, user.primaryWithCode(user.codeForStep(TotpUser.currentStep() + 1))))
            .isFalse();
    }

    @Test
    void anotherAddressShouldStillSignIn() throws Exception {
        spray("127.0.4.2");

        assertThat(ImapFrom.login(james.ports(), "127.0.4.3", user.name, user.primaryWithCurrentCode())).isTrue();
    }

    @Test
    void anAppPasswordShouldStillLogInFromTheSprayingAddress() throws Exception {
        spray("127.0.4.4");

        assertThat(ImapFrom.login(james.ports(), "127.0.4.4", user.name, user.appPassword.password().revealForDisplay())).isTrue();
    }

    @Test
    void fewerGuessesThanTheLimitShouldLeaveTheAddressOpen() throws Exception {
        for (int i = 0; i < ADDRESS_WIDE_MAX - 1; i++) {
            assertThat(ImapFrom.login(james.ports(), "127.0.4.5", "nobody" + i + "@example.org", "Passw0rd-" + i)).isFalse();
        }

        assertThat(ImapFrom.login(james.ports(), "127.0.4.5", user.name, user.primaryWithCurrentCode())).isTrue();
    }
}
