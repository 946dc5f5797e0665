package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Login rule 4 with the default {@code secondFactor.required=false}: a user without TOTP logs in as before. */
class PrimaryPasswordOnlyUserLoginTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void primaryPasswordShouldBeAcceptedWhenTotpIsNotEnabled(Protocol protocol) throws Exception {
        String user = TotpUser.newUserName("plain");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(protocol.login(james.ports(), user, TotpUser.PRIMARY_PASSWORD)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void wrongPrimaryPasswordShouldBeRefusedWhenTotpIsNotEnabled(Protocol protocol) throws Exception {
        String user = TotpUser.newUserName("plain");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(protocol.login(james.ports(), user, "Wrong-Passw0rd")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void unknownUserShouldBeRefused(Protocol protocol) throws Exception {
        assertThat(protocol.login(james.ports(), TotpUser.newUserName("ghost"), TotpUser.PRIMARY_PASSWORD)).isFalse();
    }
}
