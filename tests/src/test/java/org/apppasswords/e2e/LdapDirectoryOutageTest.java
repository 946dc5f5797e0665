package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The directory goes down while James runs: every login that needs it is refused with the
 * protocol's ordinary refusal (no error, never the bare password or an app password without the
 * existence check), and logins work again once the directory is back, without restarting James.
 */
class LdapDirectoryOutageTest {
    @RegisterExtension
    @Order(1)
    static TestSlapd slapd = new TestSlapd();

    @RegisterExtension
    @Order(2)
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults()
        .withUsersRepository(() -> slapd.usersRepositoryXml());

    @Test
    void loginsShouldBeRefusedWhileTheDirectoryIsDownAndAcceptedOnceItIsBack() throws Exception {
        String totpName = TotpUser.newUserName("outage");
        slapd.addUser(totpName, TotpUser.PRIMARY_PASSWORD);
        TotpUser user = TotpUser.enrol(james, totpName);
        String plain = TotpUser.newUserName("outage-plain");
        slapd.addUser(plain, TotpUser.PRIMARY_PASSWORD);
        String appPassword = user.appPassword.password().reveal();

        slapd.stop();
        try {
            for (Protocol protocol : new Protocol[] {Protocol.IMAP_LOGIN, Protocol.SMTP_AUTH}) {
                assertThat(protocol.login(james.ports(), user.name, appPassword)).as(protocol + " app password").isFalse();
                assertThat(protocol.login(james.ports(), user.name, user.primaryWithCurrentCode())).as(protocol + " primary$CODE").isFalse();
                assertThat(protocol.login(james.ports(), plain, TotpUser.PRIMARY_PASSWORD)).as(protocol + " bare password").isFalse();
            }
        } finally {
            slapd.start();
        }

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, appPassword)).isTrue();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user.name, appPassword)).isTrue();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), plain, TotpUser.PRIMARY_PASSWORD)).isTrue();
    }
}
