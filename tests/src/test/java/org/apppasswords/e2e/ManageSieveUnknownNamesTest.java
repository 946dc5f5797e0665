package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * James 3.8.1's ManageSieve refuses a name its repository does not know by itself, before any
 * password check. Through the launcher that refusal takes the login rules like any other: James's
 * {@code verifyFailureDelay} (1 s here, where a known name takes it too), a {@code login-refused}
 * audit line, and a count against the address-wide limit (4 here), so that names can be neither
 * told apart by time nor sprayed without limit.
 */
class ManageSieveUnknownNamesTest {
    private static final int ADDRESS_WIDE_MAX = 4;
    private static final Duration AT_LEAST = Duration.ofMillis(900);

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties(String.join("\n",
            "throttle.addressWide.maxFailures=" + ADDRESS_WIDE_MAX, "throttle.addressWide.lockout=PT1M"))
        .withUsersRepository(DemoUsersRepository.with("<verifyFailureDelay>1s</verifyFailureDelay>"));

    @RegisterExtension
    static AuditLines audit = new AuditLines();

    @Test
    void unknownNamesShouldBeDelayedAuditedAndCountedAgainstTheAddress() throws Exception {
        String known = TotpUser.newUserName("sieveowner");
        james.data().addUser(known, TotpUser.PRIMARY_PASSWORD);

        for (int i = 0; i < ADDRESS_WIDE_MAX + 1; i++) {
            String unknown = TotpUser.newUserName("nobody");
            long start = System.nanoTime();
            assertThat(Protocol.MANAGESIEVE.login(james.ports(), unknown, "Wrong-Passw0rd-" + i)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("unknown name %d", i).isGreaterThanOrEqualTo(AT_LEAST);
            assertThat(audit.of("login-refused", unknown)).as("unknown name %d", i).hasSize(1);
        }

        // The spray locked this address out of every account's primary path, the right password included.
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), known, TotpUser.PRIMARY_PASSWORD)).isFalse();
    }
}
