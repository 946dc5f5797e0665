package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.auth.LoginFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.session.SelfServiceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over a read-only repository (James's LDAP one refuses every change), a refused password change
 * or removal must end nothing of the user's: the user still exists in the directory, and losing
 * the second factor would let the bare directory password in again.
 */
class ReadOnlyRepositoryLifecycleTest {
    private LoginFixture fixture;
    private AppPassword alicesPassword;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new LoginFixture(AppPasswordsConfiguration.defaults(), new LoginFixture.Interposer() {
            @Override
            public UsersRepository delegate(UsersRepository james) {
                return new RefusingChanges(james);
            }
        });
        alicesPassword = fixture.createAppPassword(ALICE);
        fixture.enableTotp(ALICE);
        fixture.sessions.create(new SelfServiceSession("alice-session", ALICE, START, START.plusSeconds(600), true));
    }

    @Test
    void refusedRemovalShouldKeepTheAppPasswordsTheSecondFactorAndTheSessions() {
        assertThatThrownBy(() -> fixture.testee.removeUser(ALICE)).isInstanceOf(UsersRepositoryException.class);

        assertAllKept();
    }

    @Test
    void refusedPasswordChangeShouldKeepTheAppPasswordsAndTheSessions() throws Exception {
        User user = fixture.testee.getUserByName(ALICE);
        user.setPassword("new-Primary");

        assertThatThrownBy(() -> fixture.testee.updateUser(user)).isInstanceOf(UsersRepositoryException.class);

        assertAllKept();
    }

    @Test
    void refusedPasswordChangeShouldNotChangeThePrimaryPassword() throws Exception {
        User user = fixture.testee.getUserByName(ALICE);
        user.setPassword("new-Primary");

        assertThatThrownBy(() -> fixture.testee.updateUser(user)).isInstanceOf(UsersRepositoryException.class);

        assertThat(fixture.james.test(ALICE, "new-Primary")).isFalse();
        assertThat(fixture.james.test(ALICE, ALICE_PASSWORD)).isTrue();
    }

    @Test
    void refusedRemovalShouldStillRefuseTheBarePrimaryPassword() throws Exception {
        assertThatThrownBy(() -> fixture.testee.removeUser(ALICE)).isInstanceOf(UsersRepositoryException.class);

        assertThat(fixture.testee.test(ALICE, ALICE_PASSWORD)).isFalse();
    }

    @Test
    void appPasswordShouldStillWorkAfterARefusedChange() throws Exception {
        assertThatThrownBy(() -> fixture.testee.removeUser(ALICE)).isInstanceOf(UsersRepositoryException.class);

        assertThat(fixture.testee.test(ALICE, alicesPassword.reveal())).isTrue();
    }

    private void assertAllKept() {
        assertThat(fixture.appPasswords.list(ALICE)).hasSize(1);
        assertThat(fixture.secondFactors.find(ALICE)).isPresent();
        assertThat(fixture.sessions.find("alice-session", START)).isPresent();
    }

    /** What James's LDAP repository does with changes: refuses them all. */
    private static final class RefusingChanges extends ForwardingUsersRepository {
        RefusingChanges(UsersRepository delegate) {
            super(delegate);
        }

        @Override
        public boolean isReadOnly() {
            return true;
        }

        @Override
        public void updateUser(User user) throws UsersRepositoryException {
            throw new UsersRepositoryException("read-only");
        }

        @Override
        public void removeUser(Username name) throws UsersRepositoryException {
            throw new UsersRepositoryException("read-only");
        }
    }
}
