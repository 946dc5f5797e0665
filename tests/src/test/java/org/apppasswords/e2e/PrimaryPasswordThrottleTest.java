package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apppasswords.james.WrappedUsersRepositoryProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The throttle of the primary path through real IMAP (docs/throttling.md), with short lockouts:
 * 3 failures lock an address out of an account for 5 seconds (long enough that a stalled machine
 * does not see it end between two logins of a test). IMAP clients connect from several
 * loopback addresses (127.0.0.0/8 is all loopback on Linux), so James sees distinct client
 * addresses. App passwords keep logging in throughout.
 */
class PrimaryPasswordThrottleTest {
    private static final String ATTACKER = "127.0.0.2";
    private static final String OWNER = "127.0.0.3";
    private static final Duration LOCKOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties(String.join("\n",
        "throttle.address.maxFailures=3",
        "throttle.address.lockout=PT5S",
        "throttle.address.maxLockout=PT5S",
        "throttle.account.maxFailures=1000"))
        .withTestModule(WrappedUsersRepositoryProbe.MODULE);

    private TotpUser user;

    @BeforeEach
    void createUser() throws Exception {
        user = TotpUser.create(james, "throttled");
    }

    private boolean imap(String source, String password) throws Exception {
        return ImapFrom.login(james.ports(), source, user.name, password);
    }

    private void wrongPasswords(String source, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            assertThat(imap(source, "Wrong-Passw0rd-" + i + "$123456")).isFalse();
        }
    }

    @Test
    void everyLoginPathShouldShareOneThrottle() {
        // The attempts in flight are counted per throttle: one per path would multiply each limit by the number of paths.
        assertThat(james.server().getProbe(WrappedUsersRepositoryProbe.class).oneLoginPipeline()).isTrue();
    }

    @Test
    void thePrimaryPathShouldBeRefusedAfterTheConfiguredFailuresEvenWithTheRightPasswordAndCode() throws Exception {
        wrongPasswords(ATTACKER, 3);

        assertThat(imap(ATTACKER, user.primaryWithCurrentCode())).isFalse();
    }

    @Test
    void anAppPasswordShouldStillLogInFromTheLockedAddress() throws Exception {
        wrongPasswords(ATTACKER, 3);

        assertThat(imap(ATTACKER, user.appPassword.password().revealForDisplay())).isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.secondAppPassword.password().reveal())).isTrue();
    }

    @Test
    void theOwnerShouldStillSignInFromAnotherAddress() throws Exception {
        wrongPasswords(ATTACKER, 3);

        assertThat(imap(OWNER, user.primaryWithCurrentCode())).isTrue();
    }

    @Test
    void theLockoutShouldEndByItself() throws Exception {
        wrongPasswords(ATTACKER, 3);
        String code = user.primaryWithCurrentCode();
        assertThat(imap(ATTACKER, code)).isFalse();

        // A locked attempt spends no code and counts nothing: retrying the same one until the lockout ends is harmless.
        await().atMost(LOCKOUT.plusSeconds(10)).until(() -> imap(ATTACKER, code));
    }

    @Test
    void theSameWrongPasswordRetriedShouldCountOnce() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(imap(ATTACKER, "Stale-Passw0rd")).isFalse();
        }

        assertThat(imap(ATTACKER, user.primaryWithCurrentCode())).isTrue();
    }
}
