package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.james.core.Username;
import org.apache.james.user.api.model.User;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.apppasswords.store.SelfServiceSession;
import org.junit.jupiter.api.Test;

/** Self-service sessions end when James changes the user's primary password or removes the user. */
class SelfServiceSessionLifecycleTest {
    private static SelfServiceSession signedIn(LoginFixture fixture, Username user, String digest) {
        SelfServiceSession session = new SelfServiceSession(digest, user, START, START.plus(Duration.ofMinutes(10)), true);
        fixture.selfServiceSessions.create(session);
        return session;
    }

    private static boolean alive(LoginFixture fixture, SelfServiceSession session) {
        return fixture.selfServiceSessions.find(session.tokenDigest(), START).isPresent();
    }

    @Test
    void updateUserShouldEndTheUsersSessions() throws Exception {
        LoginFixture fixture = LoginFixture.create();
        SelfServiceSession session = signedIn(fixture, ALICE, "a1");
        User user = fixture.testee.getUserByName(ALICE);
        user.setPassword("new-Primary");

        fixture.testee.updateUser(user);

        assertThat(alive(fixture, session)).isFalse();
    }

    @Test
    void updateUserShouldEndTheSessionsEvenWhenAppPasswordsAreKept() throws Exception {
        LoginFixture fixture = LoginFixture.create(new AppPasswordsConfiguration(false, 25, true, OnPrimaryPasswordChange.KEEP, "James",
            Duration.ofMinutes(10)));
        SelfServiceSession session = signedIn(fixture, ALICE, "a1");
        User user = fixture.testee.getUserByName(ALICE);
        user.setPassword("new-Primary");

        fixture.testee.updateUser(user);

        assertThat(alive(fixture, session)).isFalse();
    }

    @Test
    void updateUserShouldNotEndAnotherUsersSessions() throws Exception {
        LoginFixture fixture = LoginFixture.create();
        SelfServiceSession bobs = signedIn(fixture, BOB, "b1");
        User user = fixture.testee.getUserByName(ALICE);
        user.setPassword("new-Primary");

        fixture.testee.updateUser(user);

        assertThat(alive(fixture, bobs)).isTrue();
    }

    @Test
    void removeUserShouldEndTheUsersSessions() throws Exception {
        LoginFixture fixture = LoginFixture.create();
        SelfServiceSession session = signedIn(fixture, ALICE, "a1");
        SelfServiceSession bobs = signedIn(fixture, BOB, "b1");

        fixture.testee.removeUser(ALICE);

        assertThat(alive(fixture, session)).isFalse();
        assertThat(alive(fixture, bobs)).isTrue();
    }
}
