package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apppasswords.totp.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One stale mail client retrying its saved {@code primary$CODE} once a 30-second step, for longer
 * than the 100 wrong codes that lock the TOTP path (the server's clock is moved on a step at a time
 * instead of waiting: {@value #RETRIES} retries stand for an hour of a client polling every 30 s).
 * Its value was accepted once, so it is no guess in any step: the owner's codes must stay unlocked,
 * whether the value was a recovery code or a TOTP code the owner has since followed with more
 * code logins than the server remembers.
 */
class StaleCodesAcrossStepsTest {
    private static final int RETRIES = 120;
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final ShiftedClock CLOCK = new ShiftedClock();

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults().withTestModule(CLOCK.module());

    @RegisterExtension
    static AuditLines audit = new AuditLines();

    private static boolean imap(TotpUser user, String password) throws Exception {
        return Protocol.IMAP_LOGIN.login(james.ports(), user.name, password);
    }

    private static String freshCode(TotpUser user) {
        return user.primaryWithCode(user.codeForStep(Totp.timeStep(CLOCK.instant())));
    }

    private static void retryOnceAStep(TotpUser user, String saved) throws Exception {
        for (int i = 0; i < RETRIES; i++) {
            CLOCK.shift(STEP);
            assertThat(imap(user, saved)).as("retry %d", i).isFalse();
        }
    }

    private static void assertCodesNotLocked(TotpUser user) throws Exception {
        CLOCK.shift(STEP);
        assertThat(imap(user, freshCode(user))).as("the owner's fresh primary$CODE").isTrue();
        assertThat(audit.of("lockout-started", user.name)).isEmpty();
    }

    @Test
    void aSpentRecoveryCodeRetriedOnceAStepShouldNotLockTheCodes() throws Exception {
        TotpUser user = TotpUser.create(james, "stalerecoverysteps");
        String saved = user.primaryWithCode(user.recoveryCodes.get(0).reveal());
        assertThat(imap(user, saved)).as("the saved value, when its recovery code was unused").isTrue();

        retryOnceAStep(user, saved);

        assertCodesNotLocked(user);
    }

    @Test
    void anAcceptedCodeRetriedOnceAStepShouldNotLockTheCodesAfterManyLaterCodeLogins() throws Exception {
        TotpUser user = TotpUser.create(james, "stalecodesteps");
        String saved = freshCode(user);
        assertThat(imap(user, saved)).as("the saved primary$CODE, when its code was fresh").isTrue();
        // The owner goes on signing in with codes elsewhere, more often than the server remembers spent codes.
        for (int i = 0; i < 25; i++) {
            CLOCK.shift(STEP);
            assertThat(imap(user, freshCode(user))).as("the owner's login %d", i).isTrue();
        }

        retryOnceAStep(user, saved);

        assertCodesNotLocked(user);
    }
}
