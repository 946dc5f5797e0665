package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Wrong codes behind the right primary password lock the TOTP path
 * ({@code throttle.secondFactor.maxFailures}, 3 here). A primary password change made through James
 * (WebAdmin {@code PUT /users/{user}}) ends that lock: whoever guessed the codes held the old
 * password, and the owner who just chose a new one must be able to log in with it and a fresh code.
 * The address limit is set out of the way, so that only the TOTP path's lock is at work.
 */
class PasswordChangeEndsCodeLockTest {
    private static final int SECOND_FACTOR_MAX_FAILURES = 3;
    private static final String NEW_PASSWORD = "Changed-Passw0rd";

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties(String.join("\n",
        "throttle.secondFactor.maxFailures=" + SECOND_FACTOR_MAX_FAILURES,
        "throttle.address.maxFailures=100"));

    static {
        SecretLeakDetector.register(NEW_PASSWORD);
    }

    private static boolean imap(TotpUser user, String password) throws Exception {
        return Protocol.IMAP_LOGIN.login(james.ports(), user.name, password);
    }

    @Test
    void aPrimaryPasswordChangeShouldEndTheLockOfTheCodes() throws Exception {
        TotpUser user = TotpUser.create(james, "codelock");
        long step = TotpUser.currentStep();
        for (int i = 0; i < SECOND_FACTOR_MAX_FAILURES; i++) {
            assertThat(imap(user, user.primaryWithCode(wrongCode(user, step, i)))).as("wrong code " + i).isFalse();
        }
        assertThat(imap(user, user.primaryWithCode(user.codeForStep(step)))).as("the right code, while the codes are locked").isFalse();

        // James 3.8.1 answers 409 to a PUT on an existing user unless ?force is given.
        james.webAdmin().contentType("application/json").body(Map.of("password", NEW_PASSWORD))
            .put("/users/" + user.name + "?force").then().statusCode(204);

        String withFreshCode = NEW_PASSWORD + "$" + user.codeForStep(step + 1);
        SecretLeakDetector.register(withFreshCode);
        boolean freshCodeLogsIn = imap(user, withFreshCode);
        // Tells the lock from a change that did not apply: a recovery code passes the lock (and ends it).
        String withRecoveryCode = NEW_PASSWORD + "$" + user.recoveryCodes.get(0).reveal();
        SecretLeakDetector.register(withRecoveryCode);
        boolean recoveryCodeLogsIn = imap(user, withRecoveryCode);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(freshCodeLogsIn).as("the new primary password with a fresh code").isTrue();
            softly.assertThat(recoveryCodeLogsIn).as("the new primary password with a recovery code").isTrue();
        });
    }

    /** A well-formed code that none of the steps around {@code step} accepts, different for each {@code index}. */
    private static String wrongCode(TotpUser user, long step, int index) {
        for (int candidate = index * 1000; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean valid = false;
            for (long s = step - 2; s <= step + 2; s++) {
                valid |= code.equals(user.codeForStep(s));
            }
            if (!valid) {
                return code;
            }
        }
    }
}
