package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ADMIN;
import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.auth.LoginFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordFormat;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.apppassword.AppPasswordTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login rules 1 and 2: the app-password path of the decorator. */
class AppPasswordLoginTest {
    private LoginFixture fixture;
    private AppPassword alicesPassword;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
        alicesPassword = fixture.createAppPassword(ALICE);
    }

    @Test
    void testShouldAcceptAnAppPasswordAsDisplayed() throws Exception {
        assertThat(fixture.testee.test(ALICE, alicesPassword.revealForDisplay())).isTrue();
    }

    @Test
    void testShouldAcceptAnAppPasswordWithoutDashes() throws Exception {
        assertThat(fixture.testee.test(ALICE, alicesPassword.reveal())).isTrue();
    }

    @Test
    void testShouldAcceptAnAppPasswordInUpperCase() throws Exception {
        assertThat(fixture.testee.test(ALICE, alicesPassword.revealForDisplay().toUpperCase(Locale.ROOT))).isTrue();
    }

    @Test
    void testShouldAcceptAnAppPasswordTypedInGroupsSeparatedBySpaces() throws Exception {
        assertThat(fixture.testee.test(ALICE, alicesPassword.revealForDisplay().replace('-', ' '))).isTrue();
    }

    @Test
    void testShouldAcceptAnAppPasswordWhenTheUserHasTotp() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(fixture.testee.test(ALICE, alicesPassword.revealForDisplay())).isTrue();
    }

    @Test
    void testShouldAcceptEachOfSeveralAppPasswords() throws Exception {
        AppPassword second = fixture.createAppPassword(ALICE);

        assertThat(fixture.testee.test(ALICE, alicesPassword.reveal())).isTrue();
        assertThat(fixture.testee.test(ALICE, second.reveal())).isTrue();
    }

    @Test
    void testShouldAcceptTheUsernameInAnotherCase() throws Exception {
        assertThat(fixture.testee.test(Username.of("ALICE@Example.ORG"), alicesPassword.reveal())).isTrue();
    }

    @Test
    void testShouldRejectAnotherUsersAppPassword() throws Exception {
        assertThat(fixture.testee.test(BOB, alicesPassword.reveal())).isFalse();
    }

    @Test
    void testShouldRejectARevokedAppPassword() throws Exception {
        fixture.appPasswords.revoke(ALICE, alicesPassword.id());

        assertThat(fixture.testee.test(ALICE, alicesPassword.reveal())).isFalse();
    }

    @Test
    void testShouldRejectEveryAppPasswordAfterRevokeAll() throws Exception {
        AppPassword second = fixture.createAppPassword(ALICE);
        fixture.appPasswords.revokeAll(ALICE);

        assertThat(fixture.testee.test(ALICE, alicesPassword.reveal())).isFalse();
        assertThat(fixture.testee.test(ALICE, second.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAnAppPasswordWithOneCharacterChanged() throws Exception {
        String token = alicesPassword.reveal();
        int position = 20;
        char changed = token.charAt(position) == 'a' ? 'b' : 'a';
        String typo = token.substring(0, position) + changed + token.substring(position + 1);

        assertThat(AppPasswordFormat.recognise(typo)).isEmpty();
        assertThat(fixture.testee.test(ALICE, typo)).isFalse();
    }

    @Test
    void testShouldRejectAWellFormedTokenWithTheRightIdAndAnotherSecret() throws Exception {
        AppPassword forged = AppPasswordTokens.withSameIdAndAnotherSecret(alicesPassword, fixture.random);

        assertThat(AppPasswordFormat.recognise(forged.reveal())).isPresent();
        assertThat(fixture.testee.test(ALICE, forged.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAWellFormedTokenThatWasNeverIssued() throws Exception {
        AppPassword neverStored = new AppPasswordGenerator(fixture.random).generate();

        assertThat(fixture.testee.test(ALICE, neverStored.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAnAppPasswordFollowedByATotpCode() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(fixture.testee.test(ALICE, alicesPassword.revealForDisplay() + "$" + fixture.currentCode())).isFalse();
        assertThat(fixture.testee.test(ALICE, alicesPassword.reveal() + "$" + fixture.currentCode())).isFalse();
    }

    @Test
    void testShouldRejectTheAdministratorsAppPassword() throws Exception {
        AppPassword adminsPassword = fixture.createAppPassword(ADMIN);

        assertThat(fixture.testee.test(ADMIN, adminsPassword.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAnAppPasswordOfAUserRemovedThroughTheDecorator() throws Exception {
        fixture.testee.removeUser(ALICE);

        assertThat(fixture.testee.test(ALICE, alicesPassword.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAnAppPasswordOfAUserRemovedBehindItsBack() throws Exception {
        // As when an LDAP entry is deleted: James no longer knows the user, our store still does.
        fixture.james.removeUser(ALICE);

        assertThat(fixture.appPasswords.find(ALICE, alicesPassword.id())).isPresent();
        assertThat(fixture.testee.test(ALICE, alicesPassword.reveal())).isFalse();
    }

    @Test
    void testShouldRejectAnAppPasswordPresentedForAnUnknownUser() throws Exception {
        assertThat(fixture.testee.test(LoginFixture.UNKNOWN, alicesPassword.reveal())).isFalse();
    }

    @Test
    void testShouldNeverTryAnAppPasswordAsThePrimaryPassword() throws Exception {
        // A user whose primary password happens to be shaped like an app password: rule 1 sends
        // it to the app-password path only, where it is no stored app password.
        AppPassword shaped = new AppPasswordGenerator(fixture.random).generate();
        fixture.james.addUser(LoginFixture.UNKNOWN, shaped.reveal());

        assertThat(fixture.james.test(LoginFixture.UNKNOWN, shaped.reveal())).isTrue();
        assertThat(fixture.testee.test(LoginFixture.UNKNOWN, shaped.reveal())).isFalse();
    }

    @Test
    void testShouldStillAcceptThePrimaryPasswordOfAUserHoldingAppPasswords() throws Exception {
        assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD)).isTrue();
    }
}
