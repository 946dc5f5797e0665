package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mail client left with a stale setting keeps retrying it, every few minutes, for days: the bare
 * primary password of a user who has since enabled TOTP, or one {@code primary$CODE} it saved after
 * the code was accepted once (a TOTP or a recovery code, two such clients taking turns). Either is the same value again and again, not a guess at a code, so
 * {@value #RETRIES} retries (more than the 100 wrong codes that lock the TOTP path) must not lock
 * the owner's codes: a fresh {@code primary$CODE} still logs in over IMAP, and another one still
 * signs in to the self-service API. Default settings; the codes are those of steps T-1, T and
 * T+1, so no test waits for a new step.
 */
class StaleMailClientTest {
    private static final int RETRIES = 220;

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    private static boolean imap(TotpUser user, String password) throws Exception {
        return Protocol.IMAP_LOGIN.login(james.ports(), user.name, password);
    }

    @Test
    void aClientRetryingTheBarePrimaryPasswordShouldNotLockTheOwnersCodes() throws Exception {
        TotpUser user = TotpUser.create(james, "stalebare");
        long step = TotpUser.currentStep();

        for (int i = 0; i < RETRIES; i++) {
            assertThat(imap(user, TotpUser.PRIMARY_PASSWORD)).as("retry %d of the bare primary password", i).isFalse();
        }

        assertOwnerStillSignsIn(user, step);
    }

    @Test
    void aClientRetryingASavedCodeShouldNotLockTheOwnersCodes() throws Exception {
        TotpUser user = TotpUser.create(james, "stalecode");
        long step = TotpUser.currentStepWithAtLeast(Duration.ofSeconds(5));
        String saved = user.primaryWithCode(user.codeForStep(step - 1));
        assertThat(imap(user, saved)).as("the saved primary$CODE, when its code was fresh").isTrue();

        for (int i = 0; i < RETRIES; i++) {
            assertThat(imap(user, saved)).as("retry %d of the saved primary$CODE", i).isFalse();
        }

        assertOwnerStillSignsIn(user, step);
    }

    /** Lost phone: the laptop's and the tablet's mail clients each saved the recovery code typed in them, and take turns retrying. */
    @Test
    void twoClientsRetryingTheirSpentRecoveryCodesShouldNotLockTheOwnersCodes() throws Exception {
        TotpUser user = TotpUser.create(james, "stalerecovery");
        long step = TotpUser.currentStep();
        String laptop = user.primaryWithCode(user.recoveryCodes.get(0).reveal());
        String tablet = user.primaryWithCode(user.recoveryCodes.get(1).revealForDisplay());
        assertThat(imap(user, laptop)).as("the laptop's recovery code, when it was unused").isTrue();
        assertThat(imap(user, tablet)).as("the tablet's recovery code, when it was unused").isTrue();

        for (int i = 0; i < RETRIES; i++) {
            assertThat(imap(user, i % 2 == 0 ? laptop : tablet)).as("retry %d of a spent recovery code", i).isFalse();
        }

        assertOwnerStillSignsIn(user, step);
    }

    /** The codes of {@code step} and the next one: both fresh, both inside the window for the next 30 s at least. */
    private static void assertOwnerStillSignsIn(TotpUser user, long step) throws Exception {
        boolean imapLogin = imap(user, user.primaryWithCode(user.codeForStep(step)));
        int selfServiceSignIn = new SelfServiceClient(james.ports()).signIn(user.name, user.primaryWithCode(user.codeForStep(step + 1)))
            .statusCode();

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(imapLogin).as("a fresh primary$CODE over IMAP").isTrue();
            softly.assertThat(selfServiceSignIn).as("a self-service sign-in with another fresh primary$CODE").isEqualTo(200);
        });
    }
}
