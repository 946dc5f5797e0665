package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 100 consecutive wrong codes behind the right primary password lock the TOTP path (NIST SP
 * 800-63B), through real IMAP: each guess from its own loopback address, so that only this rule
 * is at work. A recovery code still logs in and reopens it; so does an admin's reset. (A primary
 * password change reopening it: {@link PasswordChangeEndsCodeLockTest}; stale retries that are not
 * guesses: {@link StaleMailClientTest}.)
 */
class SecondFactorLockoutTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("throttle.account.maxFailures=1000")
        .withWebAdminJwt();

    private TotpUser user;

    @BeforeEach
    void createUser() throws Exception {
        user = TotpUser.create(james, "guessed");
    }

    private boolean imap(String source, String password) throws Exception {
        return ImapFrom.login(james.ports(), source, user.name, password);
    }

    /** A code that is none of the window's three. */
    private String wrongCode(int index) {
        long step = TotpUser.currentStep();
        String candidate = String.format("%06d", index);
        for (long s = step - 2; s <= step + 2; s++) {
            if (candidate.equals(user.codeForStep(s))) {
                return String.format("%06d", index + 500_000);
            }
        }
        return candidate;
    }

    private void hundredWrongCodes() throws Exception {
        for (int i = 0; i < 100; i++) {
            assertThat(imap("127.0.1." + (i + 1), user.primaryWithCode(wrongCode(i)))).as("guess " + i).isFalse();
        }
    }

    /** A fresh step's code: the previous test's may be spent; waits at most one step. */
    private String nextCode() {
        long step = TotpUser.currentStep();
        await().atMost(Duration.ofSeconds(35)).until(() -> TotpUser.currentStep() != step);
        return user.primaryWithCode(user.codeForStep(TotpUser.currentStep()));
    }

    @Test
    void hundredWrongCodesShouldLockTheTotpPathUntilARecoveryCode() throws Exception {
        hundredWrongCodes();

        assertThat(imap("127.0.2.1", user.primaryWithCurrentCode())).as("the right code is refused").isFalse();
        assertThat(imap("127.0.2.1", user.primaryWithCode(user.recoveryCodes.get(0).revealForDisplay()))).isTrue();
        assertThat(imap("127.0.2.1", nextCode())).as("reopened").isTrue();
    }

    @Test
    void anAdminResetShouldReopenTheTotpPath() throws Exception {
        hundredWrongCodes();
        assertThat(imap("127.0.2.1", user.primaryWithCurrentCode())).isFalse();

        james.webAdmin().delete("/users/" + user.name + "/second-factor").then().statusCode(204);
        TotpUser reEnrolled = TotpUser.enrol(james, user.name);

        assertThat(ImapFrom.login(james.ports(), "127.0.2.1", user.name,
            reEnrolled.primaryWithCode(reEnrolled.codeForStep(TotpUser.currentStep())))).isTrue();
        assertThat(imap("127.0.2.2", user.appPassword.password().reveal())).as("app passwords stayed").isTrue();
    }
}
