package org.apppasswords.repository;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.START;
import static org.apppasswords.login.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.model.User;
import org.apache.james.user.lib.model.DefaultUser;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.login.LoginFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user life cycle through the decorator: ManageSieve's path, password changes, removal, and
 * last use (written by a flush, as the writer's thread does every few seconds).
 */
class UserLifecycleTest {
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

    /** A login whose last use reaches the store, as the last-use writer's thread does every few seconds. */
    private boolean loginAndRecordTheUse(Username user, String presented) throws Exception {
        boolean accepted = fixture.login(user, presented);
        fixture.logins.lastUses.flush();
        return accepted;
    }

    @Test
    void verifyPasswordShouldAcceptAnAppPassword() throws Exception {
        assertThat(fixture.decorator.getUserByName(ALICE).verifyPassword(alicesPassword.revealForDisplay())).isTrue();
    }

    @Test
    void verifyPasswordShouldAcceptPrimaryPasswordAndCodeWhenTotpIsOn() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(fixture.decorator.getUserByName(ALICE).verifyPassword(ALICE_PASSWORD + "$" + fixture.currentCode())).isTrue();
    }

    @Test
    void verifyPasswordShouldRejectThePrimaryPasswordAloneWhenTotpIsOn() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(fixture.decorator.getUserByName(ALICE).verifyPassword(ALICE_PASSWORD)).isFalse();
    }

    @Test
    void verifyPasswordShouldRejectAReplayedCode() throws Exception {
        fixture.enableTotp(ALICE);
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();
        fixture.login(ALICE, presented);

        assertThat(fixture.decorator.getUserByName(ALICE).verifyPassword(presented)).isFalse();
    }

    @Test
    void verifyPasswordShouldRejectAnotherUsersAppPassword() throws Exception {
        assertThat(fixture.decorator.getUserByName(BOB).verifyPassword(alicesPassword.reveal())).isFalse();
    }

    @Test
    void verifyPasswordShouldRejectARevokedAppPassword() throws Exception {
        User user = fixture.decorator.getUserByName(ALICE);
        fixture.appPasswords().revoke(ALICE, alicesPassword.id());

        assertThat(user.verifyPassword(alicesPassword.reveal())).isFalse();
    }

    @Test
    void getUserByNameShouldReturnNullForAnUnknownUser() throws Exception {
        assertThat(fixture.decorator.getUserByName(UNKNOWN)).isNull();
    }

    @Test
    void updateUserShouldStoreJamesOwnUserNotTheWrapper() throws Exception {
        User user = fixture.decorator.getUserByName(ALICE);
        user.setPassword("new-Primary");

        fixture.decorator.updateUser(user);

        assertThat(fixture.jamesItself.getUserByName(ALICE)).isNotInstanceOf(PolicyUser.class).isInstanceOf(DefaultUser.class);
        assertThat(fixture.jamesItself.test(ALICE, "new-Primary")).isTrue();
        assertThat(fixture.login(ALICE, "new-Primary")).isTrue();
        assertThat(fixture.login(ALICE, ALICE_PASSWORD)).isFalse();
    }

    @Test
    void updateUserShouldRevokeTheAppPasswordsByDefault() throws Exception {
        User user = fixture.decorator.getUserByName(ALICE);
        user.setPassword("new-Primary");

        fixture.decorator.updateUser(user);

        assertThat(fixture.appPasswords().list(ALICE)).isEmpty();
        assertThat(fixture.login(ALICE, alicesPassword.reveal())).isFalse();
    }

    @Test
    void updateUserShouldEndTheSelfServiceSessionsByDefault() throws Exception {
        fixture.openSession(ALICE, "alice-session");
        User user = fixture.decorator.getUserByName(ALICE);
        user.setPassword("new-Primary");

        fixture.decorator.updateUser(user);

        assertThat(fixture.sessionAlive("alice-session")).isFalse();
    }

    @Test
    void removeUserShouldEndTheSelfServiceSessions() throws Exception {
        fixture.openSession(ALICE, "alice-session");

        fixture.decorator.removeUser(ALICE);

        assertThat(fixture.sessionAlive("alice-session")).isFalse();
    }

    @Test
    void updateUserShouldNotRevokeAnotherUsersAppPasswords() throws Exception {
        AppPassword bobsPassword = fixture.createAppPassword(BOB);
        User user = fixture.decorator.getUserByName(ALICE);
        user.setPassword("new-Primary");

        fixture.decorator.updateUser(user);

        assertThat(fixture.login(BOB, bobsPassword.reveal())).isTrue();
    }

    @Test
    void updateUserShouldKeepTheAppPasswordsWhenConfiguredToKeep() throws Exception {
        try (LoginFixture keeping = LoginFixture.create(new AppPasswordsConfiguration(false, 25, true,
            OnPrimaryPasswordChange.KEEP, "James", Duration.ofMinutes(10)))) {
            AppPassword kept = keeping.createAppPassword(ALICE);
            keeping.openSession(ALICE, "alice-session");
            User user = keeping.decorator.getUserByName(ALICE);
            user.setPassword("new-Primary");

            keeping.decorator.updateUser(user);

            assertThat(keeping.login(ALICE, kept.reveal())).isTrue();
            assertThat(keeping.login(ALICE, "new-Primary")).isTrue();
            assertThat(keeping.jamesItself.getUserByName(ALICE)).isNotInstanceOf(PolicyUser.class);
            assertThat(keeping.sessionAlive("alice-session")).isTrue();
        }
    }

    @Test
    void updateUserShouldEndALockOfTheCodesEvenWhenConfiguredToKeep() throws Exception {
        try (LoginFixture keeping = LoginFixture.builder()
            .configuration(new AppPasswordsConfiguration(false, 25, true, OnPrimaryPasswordChange.KEEP, "James", Duration.ofMinutes(10))
                .withThrottle(LoginFixture.throttle(10_000, 10_000, 10_000, 1)))
            .build()) {
            keeping.enableTotp(ALICE);
            assertThat(keeping.login(ALICE, ALICE_PASSWORD + "$" + keeping.wrongCode())).isFalse();
            assertThat(keeping.enrolment(ALICE).failedCodes()).isEqualTo(1);
            User user = keeping.decorator.getUserByName(ALICE);
            user.setPassword("new-Primary");

            keeping.decorator.updateUser(user);

            assertThat(keeping.enrolment(ALICE).failedCodes()).isZero();
            assertThat(keeping.login(ALICE, "new-Primary$" + keeping.currentCode())).isTrue();
        }
    }

    @Test
    void removeUserShouldRemoveTheAppPasswordsAndTheSecondFactor() throws Exception {
        fixture.enableTotp(ALICE);

        fixture.decorator.removeUser(ALICE);

        assertThat(fixture.decorator.contains(ALICE)).isFalse();
        assertThat(fixture.appPasswords().list(ALICE)).isEmpty();
        assertThat(fixture.secondFactors().find(ALICE)).isEmpty();
    }

    @Test
    void aRecreatedUserShouldNotInheritTheRemovedUsersSecrets() throws Exception {
        fixture.enableTotp(ALICE);
        fixture.decorator.removeUser(ALICE);

        fixture.decorator.addUser(ALICE, ALICE_PASSWORD);

        assertThat(fixture.login(ALICE, alicesPassword.reveal())).isFalse();
        assertThat(fixture.login(ALICE, ALICE_PASSWORD)).isTrue();
    }

    @Test
    void removeUserShouldNotTouchAnotherUser() throws Exception {
        AppPassword bobsPassword = fixture.createAppPassword(BOB);

        fixture.decorator.removeUser(ALICE);

        assertThat(fixture.login(BOB, bobsPassword.reveal())).isTrue();
    }

    @Test
    void testShouldRecordTheLastUseOnSuccess() throws Exception {
        loginAndRecordTheUse(ALICE, alicesPassword.reveal());

        assertThat(lastUse()).contains(START);
    }

    @Test
    void testShouldNotRecordAUseOnFailure() throws Exception {
        loginAndRecordTheUse(BOB, alicesPassword.reveal());
        fixture.jamesItself.removeUser(ALICE);
        loginAndRecordTheUse(ALICE, alicesPassword.reveal());

        assertThat(lastUse()).isEmpty();
    }

    @Test
    void testShouldNotRewriteTheLastUseWithinAMinute() throws Exception {
        loginAndRecordTheUse(ALICE, alicesPassword.reveal());
        fixture.clock.advance(Duration.ofSeconds(59));

        loginAndRecordTheUse(ALICE, alicesPassword.reveal());

        assertThat(lastUse()).contains(START);
    }

    @Test
    void testShouldRewriteTheLastUseAfterAMinute() throws Exception {
        loginAndRecordTheUse(ALICE, alicesPassword.reveal());
        fixture.clock.advance(Duration.ofSeconds(61));

        loginAndRecordTheUse(ALICE, alicesPassword.reveal());

        assertThat(lastUse()).contains(START.plusSeconds(61));
    }

    private Optional<Instant> lastUse() {
        return fixture.appPasswords().find(ALICE, alicesPassword.id()).flatMap(StoredAppPassword::lastUsedAt);
    }
}
