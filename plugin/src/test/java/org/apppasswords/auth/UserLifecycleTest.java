package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.START;
import static org.apppasswords.auth.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.user.api.model.User;
import org.apache.james.user.lib.model.DefaultUser;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.apppassword.StoredAppPassword;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user life cycle through the decorator: ManageSieve's path, password changes, removal, last use. */
class UserLifecycleTest {
    private LoginFixture fixture;
    private AppPassword alicesPassword;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
        alicesPassword = fixture.createAppPassword(ALICE);
    }

    @Test
    void verifyPasswordShouldAcceptAnAppPassword() throws Exception {
        assertThat(fixture.testee.getUserByName(ALICE).verifyPassword(alicesPassword.revealForDisplay())).isTrue();
    }

    @Test
    void verifyPasswordShouldAcceptPrimaryPasswordAndCodeWhenTotpIsOn() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(fixture.testee.getUserByName(ALICE).verifyPassword(ALICE_PASSWORD + "$" + fixture.currentCode())).isTrue();
    }

    @Test
    void verifyPasswordShouldRejectThePrimaryPasswordAloneWhenTotpIsOn() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(fixture.testee.getUserByName(ALICE).verifyPassword(ALICE_PASSWORD)).isFalse();
    }

    @Test
    void verifyPasswordShouldRejectAReplayedCode() throws Exception {
        fixture.enableTotp(ALICE);
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();
        fixture.testee.test(ALICE, presented);

        assertThat(fixture.testee.getUserByName(ALICE).verifyPassword(presented)).isFalse();
    }

    @Test
    void verifyPasswordShouldRejectAnotherUsersAppPassword() throws Exception {
        assertThat(fixture.testee.getUserByName(BOB).verifyPassword(alicesPassword.reveal())).isFalse();
    }

    @Test
    void verifyPasswordShouldRejectARevokedAppPassword() throws Exception {
        User user = fixture.testee.getUserByName(ALICE);
        fixture.appPasswords.revoke(ALICE, alicesPassword.id());

        assertThat(user.verifyPassword(alicesPassword.reveal())).isFalse();
    }

    @Test
    void getUserByNameShouldReturnNullForAnUnknownUser() throws Exception {
        assertThat(fixture.testee.getUserByName(UNKNOWN)).isNull();
    }

    @Test
    void updateUserShouldStoreJamesOwnUserNotTheWrapper() throws Exception {
        User user = fixture.testee.getUserByName(ALICE);
        user.setPassword("new-Primary");

        fixture.testee.updateUser(user);

        assertThat(fixture.james.getUserByName(ALICE)).isNotInstanceOf(PolicyUser.class).isInstanceOf(DefaultUser.class);
        assertThat(fixture.james.test(ALICE, "new-Primary")).isTrue();
        assertThat(fixture.testee.test(ALICE, "new-Primary")).isTrue();
        assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD)).isFalse();
    }

    @Test
    void updateUserShouldRevokeTheAppPasswordsByDefault() throws Exception {
        User user = fixture.testee.getUserByName(ALICE);
        user.setPassword("new-Primary");

        fixture.testee.updateUser(user);

        assertThat(fixture.appPasswords.list(ALICE)).isEmpty();
        assertThat(fixture.testee.test(ALICE, alicesPassword.reveal())).isFalse();
    }

    @Test
    void updateUserShouldEndTheSelfServiceSessionsByDefault() throws Exception {
        fixture.sessions.create(new SelfServiceSession("alice-session", ALICE, START, START.plusSeconds(600), true));
        User user = fixture.testee.getUserByName(ALICE);
        user.setPassword("new-Primary");

        fixture.testee.updateUser(user);

        assertThat(fixture.sessions.find("alice-session", START)).isEmpty();
    }

    @Test
    void removeUserShouldEndTheSelfServiceSessions() throws Exception {
        fixture.sessions.create(new SelfServiceSession("alice-session", ALICE, START, START.plusSeconds(600), true));

        fixture.testee.removeUser(ALICE);

        assertThat(fixture.sessions.find("alice-session", START)).isEmpty();
    }

    @Test
    void updateUserShouldNotRevokeAnotherUsersAppPasswords() throws Exception {
        AppPassword bobsPassword = fixture.createAppPassword(BOB);
        User user = fixture.testee.getUserByName(ALICE);
        user.setPassword("new-Primary");

        fixture.testee.updateUser(user);

        assertThat(fixture.testee.test(BOB, bobsPassword.reveal())).isTrue();
    }

    @Test
    void updateUserShouldKeepTheAppPasswordsWhenConfiguredToKeep() throws Exception {
        LoginFixture keeping = LoginFixture.create(new AppPasswordsConfiguration(false, 25, true,
            OnPrimaryPasswordChange.KEEP, "James", Duration.ofMinutes(10)));
        AppPassword kept = keeping.createAppPassword(ALICE);
        keeping.sessions.create(new SelfServiceSession("alice-session", ALICE, START, START.plusSeconds(600), true));
        User user = keeping.testee.getUserByName(ALICE);
        user.setPassword("new-Primary");

        keeping.testee.updateUser(user);

        assertThat(keeping.testee.test(ALICE, kept.reveal())).isTrue();
        assertThat(keeping.testee.test(ALICE, "new-Primary")).isTrue();
        assertThat(keeping.james.getUserByName(ALICE)).isNotInstanceOf(PolicyUser.class);
        assertThat(keeping.sessions.find("alice-session", START)).isPresent();
    }

    @Test
    void removeUserShouldRemoveTheAppPasswordsAndTheSecondFactor() throws Exception {
        fixture.enableTotp(ALICE);

        fixture.testee.removeUser(ALICE);

        assertThat(fixture.testee.contains(ALICE)).isFalse();
        assertThat(fixture.appPasswords.list(ALICE)).isEmpty();
        assertThat(fixture.secondFactors.find(ALICE)).isEmpty();
    }

    @Test
    void aRecreatedUserShouldNotInheritTheRemovedUsersSecrets() throws Exception {
        fixture.enableTotp(ALICE);
        fixture.testee.removeUser(ALICE);

        fixture.testee.addUser(ALICE, ALICE_PASSWORD);

        assertThat(fixture.testee.test(ALICE, alicesPassword.reveal())).isFalse();
        assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD)).isTrue();
    }

    @Test
    void removeUserShouldNotTouchAnotherUser() throws Exception {
        AppPassword bobsPassword = fixture.createAppPassword(BOB);

        fixture.testee.removeUser(ALICE);

        assertThat(fixture.testee.test(BOB, bobsPassword.reveal())).isTrue();
    }

    @Test
    void testShouldRecordTheLastUseOnSuccess() throws Exception {
        fixture.testee.test(ALICE, alicesPassword.reveal());

        assertThat(lastUse()).contains(START);
    }

    @Test
    void testShouldNotRecordAUseOnFailure() throws Exception {
        fixture.testee.test(BOB, alicesPassword.reveal());
        fixture.james.removeUser(ALICE);
        fixture.testee.test(ALICE, alicesPassword.reveal());

        assertThat(lastUse()).isEmpty();
    }

    @Test
    void testShouldNotRewriteTheLastUseWithinAMinute() throws Exception {
        fixture.testee.test(ALICE, alicesPassword.reveal());
        fixture.clock.advance(Duration.ofSeconds(59));

        fixture.testee.test(ALICE, alicesPassword.reveal());

        assertThat(lastUse()).contains(START);
    }

    @Test
    void testShouldRewriteTheLastUseAfterAMinute() throws Exception {
        fixture.testee.test(ALICE, alicesPassword.reveal());
        fixture.clock.advance(Duration.ofSeconds(61));

        fixture.testee.test(ALICE, alicesPassword.reveal());

        assertThat(lastUse()).contains(START.plusSeconds(61));
    }

    private Optional<Instant> lastUse() {
        return fixture.appPasswords.find(ALICE, alicesPassword.id()).flatMap(StoredAppPassword::lastUsedAt);
    }
}
