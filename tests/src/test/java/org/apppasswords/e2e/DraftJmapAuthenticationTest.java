package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Login rule 6: James 3.8.1's draft-JMAP {@code /authentication} grants a 15-minute access token
 * that nothing re-checks. The launcher lets only the bare primary password of a user without TOTP
 * obtain one, so no token can outlive the revocation of an app password or a second-factor reset.
 */
class DraftJmapAuthenticationTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    @Test
    void appPasswordShouldNotObtainAnAccessToken() throws Exception {
        TotpUser user = TotpUser.create(james, "draft");

        assertThat(accessTokenStatus(user.name, user.appPassword.password().reveal())).isEqualTo(DraftJmapClient.UNAUTHORIZED);
    }

    @Test
    void appPasswordOfUserWithoutTotpShouldNotObtainAnAccessToken() throws Exception {
        String user = TotpUser.newUserName("draft");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String appPassword = TotpUser.mint(james, Username.of(user), "draft client").password().reveal();

        assertThat(accessTokenStatus(user, appPassword)).isEqualTo(DraftJmapClient.UNAUTHORIZED);
    }

    @Test
    void primaryPasswordWithCodeShouldNotObtainAnAccessToken() throws Exception {
        TotpUser user = TotpUser.create(james, "draft");

        assertThat(accessTokenStatus(user.name, user.primaryWithCurrentCode())).isEqualTo(DraftJmapClient.UNAUTHORIZED);
    }

    @Test
    void primaryPasswordAloneOfTotpUserShouldNotObtainAnAccessToken() throws Exception {
        TotpUser user = TotpUser.create(james, "draft");

        assertThat(accessTokenStatus(user.name, TotpUser.PRIMARY_PASSWORD)).isEqualTo(DraftJmapClient.UNAUTHORIZED);
    }

    @Test
    void primaryPasswordOfUserWithoutTotpShouldStillObtainAnAccessToken() throws Exception {
        String user = TotpUser.newUserName("draft");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(accessTokenStatus(user, TotpUser.PRIMARY_PASSWORD)).isEqualTo(DraftJmapClient.CREATED);
    }

    @Test
    void refusedCodeShouldNotBeSpent() throws Exception {
        TotpUser user = TotpUser.create(james, "draft");
        String withCode = user.primaryWithCurrentCode();

        assertThat(accessTokenStatus(user.name, withCode)).isEqualTo(DraftJmapClient.UNAUTHORIZED);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, withCode)).isTrue();
    }

    @Test
    void refusedRecoveryCodeShouldNotBeSpent() throws Exception {
        TotpUser user = TotpUser.create(james, "draft");
        String withRecoveryCode = user.primaryWithCode(user.recoveryCodes.get(0).reveal());

        assertThat(accessTokenStatus(user.name, withRecoveryCode)).isEqualTo(DraftJmapClient.UNAUTHORIZED);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, withRecoveryCode)).isTrue();
    }

    private int accessTokenStatus(String user, String password) {
        return DraftJmapClient.accessTokenStatus(james.ports(), user, password);
    }
}
