package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * James's own {@code verifyFailureDelay} ({@code usersrepository.xml}) makes every refused login
 * of its repository answer after a delay, 1 s here. Once the (account, address) lockout has
 * started (5 distinct wrong passwords from one address, the default), every refusal of the primary
 * path must still take that delay: a locked right password answered at once tells a guesser that
 * the password was right (the lockout otherwise hides it), and an unknown name answered at once
 * tells which names exist. Lower bounds only, through real IMAP LOGIN from 127.0.0.1.
 */
class LockoutTimingTest {
    private static final String ADDRESS = "127.0.0.1";
    private static final int ADDRESS_MAX_FAILURES = 5;
    private static final Duration AT_LEAST = Duration.ofMillis(900);

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults()
        .withUsersRepository(DemoUsersRepository.with("<verifyFailureDelay>1s</verifyFailureDelay>"));

    private String user;

    @BeforeEach
    void lockTheUserOutOfThisAddress() throws Exception {
        user = TotpUser.newUserName("delayed");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        for (int i = 0; i < ADDRESS_MAX_FAILURES; i++) {
            TimedImapLogin guess = imap(user, "Wrong-Passw0rd-" + i);
            assertThat(guess.accepted).as("guess " + i).isFalse();
            assertThat(guess.took).as("guess %d, before the lockout: James's own delay", i).isGreaterThanOrEqualTo(AT_LEAST);
        }
    }

    private static TimedImapLogin imap(String name, String password) throws Exception {
        return TimedImapLogin.from(james.ports(), ADDRESS, name, password);
    }

    @Test
    void theRightPasswordRefusedByTheLockoutShouldTakeTheFailureDelay() throws Exception {
        TimedImapLogin locked = imap(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(locked.accepted).as("the right password, locked out").isFalse();
        assertThat(locked.took).as("the right password refused by the lockout").isGreaterThanOrEqualTo(AT_LEAST);
    }

    @Test
    void aWrongPasswordRefusedByTheLockoutShouldTakeTheFailureDelay() throws Exception {
        TimedImapLogin locked = imap(user, "Another-Wrong-Passw0rd");

        assertThat(locked.accepted).isFalse();
        assertThat(locked.took).as("a wrong password refused by the lockout").isGreaterThanOrEqualTo(AT_LEAST);
    }

    @Test
    void anUnknownNameShouldTakeTheFailureDelayFromTheLockedOutAddress() throws Exception {
        TimedImapLogin unknown = imap(TotpUser.newUserName("nobody"), TotpUser.PRIMARY_PASSWORD);

        assertThat(unknown.accepted).isFalse();
        assertThat(unknown.took).as("an unknown name").isGreaterThanOrEqualTo(AT_LEAST);
    }
}
