package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code onPrimaryPasswordChange=keep}, app passwords survive a primary password change made through James. */
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
}
