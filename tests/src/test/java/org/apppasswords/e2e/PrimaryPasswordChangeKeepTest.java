package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code onPrimaryPasswordChange=keep}, app passwords and self-service sessions survive a
 * primary password change made through James.
 */
class PrimaryPasswordChangeKeepTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("onPrimaryPasswordChange=keep\n");

    @Test
    void primaryPasswordChangeShouldKeepAppPasswords() throws Exception {
        TotpUser user = TotpUser.create(james, "keep");

        UserLifecycleThroughWebAdminTest.changePrimaryPassword(james, user.name, UserLifecycleThroughWebAdminTest.NEW_PRIMARY_PASSWORD);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
        assertThat(Protocol.POP3.login(james.ports(), user.name, user.secondAppPassword.password().reveal())).isTrue();
    }

    @Test
    void primaryPasswordChangeShouldKeepSelfServiceSessions() throws Exception {
        TotpUser user = TotpUser.create(james, "keepsession");
        String session = UUID.randomUUID().toString();
        james.appPasswords().openSelfServiceSession(Username.of(user.name), session);

        UserLifecycleThroughWebAdminTest.changePrimaryPassword(james, user.name, UserLifecycleThroughWebAdminTest.NEW_PRIMARY_PASSWORD);

        assertThat(james.appPasswords().selfServiceSessionIsValid(session)).isTrue();
    }
}
