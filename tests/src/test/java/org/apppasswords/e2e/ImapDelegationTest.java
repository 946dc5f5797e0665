package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * IMAP AUTHENTICATE PLAIN with an authorization identity (RFC 4616): an app password logs in its
 * own user, and acts for another user only where James's delegation allows it.
 */
class ImapDelegationTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    private TotpUser caller;
    private TotpUser other;

    @BeforeEach
    void createUsers() throws Exception {
        caller = TotpUser.create(james, "caller");
        other = TotpUser.create(james, "other");
    }

    @Test
    void appPasswordShouldNotActForUserWhoHasNotDelegated() throws Exception {
        assertThat(Protocol.imapAuthenticatePlain(james.ports(), other.name, caller.name, caller.appPassword.password().reveal()))
            .isFalse();
    }

    @Test
    void primaryPasswordWithCodeShouldNotActForUserWhoHasNotDelegated() throws Exception {
        assertThat(Protocol.imapAuthenticatePlain(james.ports(), other.name, caller.name, caller.primaryWithCurrentCode()))
            .isFalse();
    }

    @Test
    void appPasswordShouldActForUserWhoDelegatedToTheCaller() throws Exception {
        james.data().addAuthorizedUser(Username.of(other.name), Username.of(caller.name));

        assertThat(Protocol.imapAuthenticatePlain(james.ports(), other.name, caller.name, caller.appPassword.password().reveal()))
            .isTrue();
    }

    @Test
    void administratorsAppPasswordShouldNotActForAnyUser() throws Exception {
        String adminAppPassword = TotpUser.mint(james, Username.of(JamesWithAppPasswords.ADMIN), "admin client").password().reveal();

        assertThat(Protocol.imapAuthenticatePlain(james.ports(), other.name, JamesWithAppPasswords.ADMIN, adminAppPassword))
            .isFalse();
    }

    @Test
    void appPasswordShouldNotLogInTheUserNamedAsAuthorizationIdentityWithoutDelegation() throws Exception {
        assertThat(Protocol.imapAuthenticatePlain(james.ports(), caller.name, other.name, caller.appPassword.password().reveal()))
            .isFalse();
    }
}
