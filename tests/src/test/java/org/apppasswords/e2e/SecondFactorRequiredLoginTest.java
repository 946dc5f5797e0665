package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Login rule 4 with {@code secondFactor.required=true} in {@code conf/app-passwords.properties}:
 * the primary password alone opens nothing, for any user, while enrolled users keep both of
 * their ways in.
 */
class SecondFactorRequiredLoginTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("secondFactor.required=true\n");

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void primaryPasswordShouldBeRefusedWhenTotpIsNotEnabled(Protocol protocol) throws Exception {
        String user = TotpUser.newUserName("plain");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(protocol.login(james.ports(), user, TotpUser.PRIMARY_PASSWORD)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void primaryPasswordWithCodeShouldStillBeAccepted(Protocol protocol) throws Exception {
        TotpUser user = TotpUser.create(james, "totp");

        assertThat(protocol.login(james.ports(), user.name, user.primaryWithCurrentCode())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void appPasswordShouldStillBeAccepted(Protocol protocol) throws Exception {
        TotpUser user = TotpUser.create(james, "totp");

        assertThat(protocol.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
    }

    @Test
    void draftJmapAuthenticationShouldRefuseThePrimaryPasswordOfUserWithoutTotp() throws Exception {
        String user = TotpUser.newUserName("plain");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(DraftJmapClient.accessTokenStatus(james.ports(), user, TotpUser.PRIMARY_PASSWORD))
            .isEqualTo(DraftJmapClient.UNAUTHORIZED);
    }
}
