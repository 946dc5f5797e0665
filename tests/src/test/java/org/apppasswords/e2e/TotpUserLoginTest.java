package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Login rules 1 to 3 and 5 of DESIGN.md for a user with TOTP enabled and two app passwords,
 * through every protocol James speaks, against a real James started by the operator's launcher.
 */
class TotpUserLoginTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withManyRefusalsFromLoopback()
        .withTestModule(UsersBehindJamesBackProbe.MODULE);

    private TotpUser user;

    @BeforeEach
    void createUser() throws Exception {
        user = TotpUser.create(james, "totp");
    }

    private boolean login(Protocol protocol, String password) throws Exception {
        return protocol.login(james.ports(), user.name, password);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void appPasswordShouldBeAcceptedAsGenerated(Protocol protocol) throws Exception {
        assertThat(login(protocol, user.appPassword.password().revealForDisplay())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void appPasswordShouldBeAcceptedWithoutDashes(Protocol protocol) throws Exception {
        assertThat(login(protocol, user.appPassword.password().reveal())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void appPasswordShouldBeAcceptedInUpperCase(Protocol protocol) throws Exception {
        assertThat(login(protocol, user.secondAppPassword.password().revealForDisplay().toUpperCase())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void primaryPasswordWithCurrentCodeShouldBeAccepted(Protocol protocol) throws Exception {
        assertThat(login(protocol, user.primaryWithCurrentCode())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void primaryPasswordWithUnusedRecoveryCodeShouldBeAcceptedOnce(Protocol protocol) throws Exception {
        String withRecoveryCode = user.primaryWithCode(user.recoveryCodes.get(3).revealForDisplay());

        assertThat(login(protocol, withRecoveryCode)).isTrue();
        assertThat(login(protocol, withRecoveryCode)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void primaryPasswordAloneShouldBeRefused(Protocol protocol) throws Exception {
        assertThat(login(protocol, TotpUser.PRIMARY_PASSWORD)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void primaryPasswordWithWrongCodeShouldBeRefused(Protocol protocol) throws Exception {
        String right = user.codeForStep(TotpUser.currentStep());
        String wrong = String.format("%06d", (Integer.parseInt(right) + 500_000) % 1_000_000);

        assertThat(login(protocol, user.primaryWithCode(wrong))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void replayedCodeShouldBeRefused(Protocol protocol) throws Exception {
        String withCode = user.primaryWithCurrentCode();
        assertThat(login(protocol, withCode)).isTrue();

        assertThat(login(protocol, withCode)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void codeOfAnEarlierStepThanTheLastAcceptedShouldBeRefused(Protocol protocol) throws Exception {
        long step = TotpUser.currentStep();
        assertThat(login(protocol, user.primaryWithCode(user.codeForStep(step + 1)))).isTrue();

        assertThat(login(protocol, user.primaryWithCode(user.codeForStep(step)))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void codeTwoStepsOldShouldBeRefused(Protocol protocol) throws Exception {
        String old = user.codeForStep(TotpUser.currentStep() - 2);

        assertThat(login(protocol, user.primaryWithCode(old))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void codeTwoStepsAheadShouldBeRefused(Protocol protocol) throws Exception {
        // Should a step boundary pass during the login, T+2 would have become T+1: try again.
        long step;
        boolean accepted;
        do {
            step = TotpUser.currentStep();
            accepted = login(protocol, user.primaryWithCode(user.codeForStep(step + 2)));
        } while (TotpUser.currentStep() != step);

        assertThat(accepted).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void wrongPrimaryPasswordWithCurrentCodeShouldBeRefused(Protocol protocol) throws Exception {
        String code = user.codeForStep(TotpUser.currentStep());

        assertThat(login(protocol, "Wrong-Passw0rd$" + code)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void anotherUsersAppPasswordShouldBeRefused(Protocol protocol) throws Exception {
        TotpUser other = TotpUser.create(james, "other");

        assertThat(login(protocol, other.appPassword.password().reveal())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void revokedAppPasswordShouldBeRefused(Protocol protocol) throws Exception {
        james.appPasswords().revokeAppPassword(Username.of(user.name), user.appPassword.entry().id());

        assertThat(login(protocol, user.appPassword.password().reveal())).isFalse();
        assertThat(login(protocol, user.secondAppPassword.password().reveal())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void appPasswordWithOneCharacterChangedShouldBeRefused(Protocol protocol) throws Exception {
        String genuine = user.appPassword.password().reveal();
        int position = genuine.length() - 10;
        char changed = genuine.charAt(position) == 'a' ? 'b' : 'a';
        String altered = genuine.substring(0, position) + changed + genuine.substring(position + 1);

        assertThat(login(protocol, altered)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void wellFormedTokenWithTheRealIdAndAnotherSecretShouldBeRefused(Protocol protocol) throws Exception {
        // The id is public (lists show it) and anyone can compute the checksum: only the hash check stands.
        String forged = AppPasswordTokens.withSameIdAndAnotherSecret(user.appPassword.password(), new SecureRandom()).reveal();

        assertThat(login(protocol, forged)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void appPasswordWithCodeAppendedShouldBeRefused(Protocol protocol) throws Exception {
        String withCode = user.appPassword.password().reveal() + "$" + user.codeForStep(TotpUser.currentStep());
        SecretLeakDetector.register(withCode);

        assertThat(login(protocol, withCode)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void emptyPasswordShouldBeRefused(Protocol protocol) throws Exception {
        assertThat(login(protocol, "")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void administratorsAppPasswordShouldBeRefused(Protocol protocol) throws Exception {
        String adminAppPassword = TotpUser.mint(james, Username.of(JamesWithAppPasswords.ADMIN), "admin client").password().reveal();

        assertThat(protocol.login(james.ports(), JamesWithAppPasswords.ADMIN, adminAppPassword)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void appPasswordOfUserRemovedThroughJamesShouldBeRefused(Protocol protocol) throws Exception {
        james.data().removeUser(user.name);

        assertThat(login(protocol, user.appPassword.password().reveal())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void appPasswordOfUserRemovedBehindJamesBackShouldBeRefused(Protocol protocol) throws Exception {
        james.server().getProbe(UsersBehindJamesBackProbe.class).removeWithoutTellingJames(user.name);

        assertThat(login(protocol, user.appPassword.password().reveal())).isFalse();
    }
}
