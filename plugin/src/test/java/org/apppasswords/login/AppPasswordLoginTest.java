package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ADMIN;
import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordFormat;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.apppassword.AppPasswordTokens;
import org.apppasswords.scope.MailProtocol;
import org.apppasswords.scope.ProtocolScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login rules 1 and 2 on the protocol entrance: the app-password path, as James asks it through the decorator. */
class AppPasswordLoginTest {
    private LoginFixture fixture;
    private AppPassword alicesPassword;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
        alicesPassword = fixture.createAppPassword(ALICE);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void testShouldAcceptAnAppPasswordAsDisplayed() throws Exception {
        assertThat(fixture.login(ALICE, alicesPassword.revealForDisplay())).isTrue();
    }

    @Test
    void testShouldAcceptAnAppPasswordWithoutDashes() throws Exception {
        assertThat(fixture.login(ALICE, alicesPassword.reveal())).isTrue();
    }

    @Test
    void testShouldAcceptAnAppPasswordInUpperCase() throws Exception {
        assertThat(fixture.login(ALICE, alicesPassword.revealForDisplay().toUpperCase(Locale.ROOT))).isTrue();
    }

    @Test
    void testShouldAcceptAnAppPasswordTypedInGroupsSeparatedBySpaces() throws Exception {
        assertThat(fixture.login(ALICE, alicesPassword.revealForDisplay().replace('-', ' '))).isTrue();
    }

    @Test
    void testShouldAcceptAnAppPasswordWhenTheUserHasTotp() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(fixture.login(ALICE, alicesPassword.revealForDisplay())).isTrue();
    }

    @Test
    void testShouldAcceptEachOfSeveralAppPasswords() throws Exception {
        AppPassword second = fixture.createAppPassword(ALICE);

        assertThat(fixture.login(ALICE, alicesPassword.reveal())).isTrue();
        assertThat(fixture.login(ALICE, second.reveal())).isTrue();
    }

    @Test
    void testShouldAcceptTheUsernameInAnotherCase() throws Exception {
        assertThat(fixture.login(Username.of("ALICE@Example.ORG"), alicesPassword.reveal())).isTrue();
    }

    @Test
    void anAppPasswordLimitedToProtocolsShouldLogInWithThoseOnly() {
        AppPassword reader = fixture.createAppPassword(ALICE, ProtocolScope.of(List.of(MailProtocol.IMAP, MailProtocol.JMAP)));

        for (String protocol : List.of("IMAP", "JMAP")) {
            assertThat(fixture.check(Entrance.PROTOCOL, ALICE, reader.reveal(), LoginFixture.from("192.0.2.7", protocol)).accepted())
                .as(protocol).isTrue();
        }
        for (String protocol : List.of("SMTP", "POP3", "MANAGE-SIEVE", "LMTP", "imap")) {
            assertThat(fixture.check(Entrance.PROTOCOL, ALICE, reader.reveal(), LoginFixture.from("192.0.2.7", protocol)).accepted())
                .as(protocol).isFalse();
        }
    }

    @Test
    void aLoginWhoseProtocolCannotBeToldShouldBeRefusedToALimitedAppPasswordOnly() {
        AppPassword sender = fixture.createAppPassword(ALICE, ProtocolScope.of(List.of(MailProtocol.SMTP)));

        assertThat(fixture.check(Entrance.PROTOCOL, ALICE, sender.reveal(), LoginFixture.from("192.0.2.7", null)).accepted()).isFalse();
        assertThat(fixture.check(Entrance.PROTOCOL, ALICE, alicesPassword.reveal(), LoginFixture.from("192.0.2.7", null)).accepted()).isTrue();
    }

    @Test
    void anAcceptedAppPasswordShouldProveTheAppPasswordAndNameIt() {
        Verdict verdict = fixture.check(Entrance.PROTOCOL, ALICE, alicesPassword.reveal());

        assertThat(verdict.method()).isEqualTo(Verdict.Method.APP_PASSWORD);
        assertThat(verdict.proof()).isEqualTo(Verdict.Proof.APP_PASSWORD);
        assertThat(verdict.appPassword()).hasValueSatisfying(entry -> assertThat(entry.id()).isEqualTo(alicesPassword.id()));
    }

    @Test
    void testShouldRejectAnotherUsersAppPassword() throws Exception {
        assertThat(fixture.login(BOB, alicesPassword.reveal())).isFalse();
    }

    @Test
    void testShouldRejectARevokedAppPassword() throws Exception {
        fixture.appPasswords().revoke(ALICE, alicesPassword.id());

        assertThat(fixture.login(ALICE, alicesPassword.reveal())).isFalse();
    }

    @Test
    void testShouldRejectEveryAppPasswordAfterRevokeAll() throws Exception {
        AppPassword second = fixture.createAppPassword(ALICE);
        fixture.appPasswords().revokeAll(ALICE);

        assertThat(fixture.login(ALICE, alicesPassword.reveal())).isFalse();
        assertThat(fixture.login(ALICE, second.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAnAppPasswordWithOneCharacterChanged() throws Exception {
        String token = alicesPassword.reveal();
        int position = 20;
        char changed = token.charAt(position) == 'a' ? 'b' : 'a';
        String typo = token.substring(0, position) + changed + token.substring(position + 1);

        assertThat(AppPasswordFormat.recognise(typo)).isEmpty();
        assertThat(fixture.login(ALICE, typo)).isFalse();
    }

    @Test
    void testShouldRejectAWellFormedTokenWithTheRightIdAndAnotherSecret() throws Exception {
        AppPassword forged = AppPasswordTokens.withSameIdAndAnotherSecret(alicesPassword, fixture.random);

        assertThat(AppPasswordFormat.recognise(forged.reveal())).isPresent();
        assertThat(fixture.login(ALICE, forged.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAWellFormedTokenThatWasNeverIssued() throws Exception {
        AppPassword neverStored = new AppPasswordGenerator(fixture.random).generate();

        assertThat(fixture.login(ALICE, neverStored.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAnAppPasswordFollowedByATotpCode() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(fixture.login(ALICE, alicesPassword.revealForDisplay() + "$" + fixture.currentCode())).isFalse();
        assertThat(fixture.login(ALICE, alicesPassword.reveal() + "$" + fixture.currentCode())).isFalse();
    }

    @Test
    void testShouldRejectTheAdministratorsAppPassword() throws Exception {
        AppPassword adminsPassword = fixture.createAppPassword(ADMIN);

        assertThat(fixture.login(ADMIN, adminsPassword.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAnAppPasswordOfAUserRemovedThroughTheDecorator() throws Exception {
        fixture.decorator.removeUser(ALICE);

        assertThat(fixture.login(ALICE, alicesPassword.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAnAppPasswordOfAUserRemovedBehindItsBack() throws Exception {
        // As when an LDAP entry is deleted: James no longer knows the user, our store still does.
        fixture.jamesItself.removeUser(ALICE);

        assertThat(fixture.appPasswords().find(ALICE, alicesPassword.id())).isPresent();
        assertThat(fixture.login(ALICE, alicesPassword.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAnAppPasswordPresentedForAnUnknownUser() throws Exception {
        assertThat(fixture.login(UNKNOWN, alicesPassword.reveal())).isFalse();
    }

    @Test
    void testShouldNeverTryAnAppPasswordAsThePrimaryPassword() throws Exception {
        // A user whose primary password happens to be shaped like an app password: rule 1 sends
        // it to the app-password path only, where it is no stored app password.
        AppPassword shaped = new AppPasswordGenerator(fixture.random).generate();
        fixture.jamesItself.addUser(UNKNOWN, shaped.reveal());

        assertThat(fixture.jamesItself.test(UNKNOWN, shaped.reveal())).isTrue();
        assertThat(fixture.login(UNKNOWN, shaped.reveal())).isFalse();
        assertThat(fixture.james.passwordChecks).hasValue(0);
    }

    @Test
    void aRefusedAppPasswordShouldBeRefusedOnTheAppPasswordPathNeverLocked() {
        for (int i = 0; i < 3 * fixture.configuration.throttle().address().maxFailures(); i++) {
            AppPassword guess = new AppPasswordGenerator(fixture.random).generate();
            assertThat(fixture.check(Entrance.PROTOCOL, ALICE, guess.reveal()).outcome()).isEqualTo(Verdict.Outcome.REFUSED);
        }

        assertThat(fixture.check(Entrance.PROTOCOL, ALICE, alicesPassword.reveal()).accepted()).isTrue();
        assertThat(fixture.check(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD).accepted()).as("the primary path counted nothing").isTrue();
    }

    @Test
    void testShouldStillAcceptThePrimaryPasswordOfAUserHoldingAppPasswords() throws Exception {
        assertThat(fixture.login(ALICE, ALICE_PASSWORD)).isTrue();
    }
}
