package org.apppasswords.repository;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.login.LoginFixture;
import org.junit.jupiter.api.AfterEach;
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
        fixture = LoginFixture.builder().wrapJames(RefusingChanges::new).build();
        alicesPassword = fixture.createAppPassword(ALICE);
        fixture.enableTotp(ALICE);
        fixture.openSession(ALICE, "alice-session");
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void refusedRemovalShouldKeepTheAppPasswordsTheSecondFactorAndTheSessions() {
        assertThatThrownBy(() -> fixture.decorator.removeUser(ALICE)).isInstanceOf(UsersRepositoryException.class);

        assertAllKept();
    }

    @Test
    void refusedPasswordChangeShouldKeepTheAppPasswordsAndTheSessions() throws Exception {
        User user = fixture.decorator.getUserByName(ALICE);
        user.setPassword("new-Primary");

        assertThatThrownBy(() -> fixture.decorator.updateUser(user)).isInstanceOf(UsersRepositoryException.class);

        assertAllKept();
    }

    @Test
    void refusedPasswordChangeShouldNotChangeThePrimaryPassword() throws Exception {
        User user = fixture.decorator.getUserByName(ALICE);
        user.setPassword("new-Primary");

        assertThatThrownBy(() -> fixture.decorator.updateUser(user)).isInstanceOf(UsersRepositoryException.class);

        assertThat(fixture.jamesItself.test(ALICE, "new-Primary")).isFalse();
        assertThat(fixture.jamesItself.test(ALICE, ALICE_PASSWORD)).isTrue();
    }

    @Test
    void refusedRemovalShouldStillRefuseTheBarePrimaryPassword() throws Exception {
        assertThatThrownBy(() -> fixture.decorator.removeUser(ALICE)).isInstanceOf(UsersRepositoryException.class);

        assertThat(fixture.login(ALICE, ALICE_PASSWORD)).isFalse();
    }

    @Test
    void appPasswordShouldStillWorkAfterARefusedChange() throws Exception {
        assertThatThrownBy(() -> fixture.decorator.removeUser(ALICE)).isInstanceOf(UsersRepositoryException.class);

        assertThat(fixture.login(ALICE, alicesPassword.reveal())).isTrue();
    }

    private void assertAllKept() {
        assertThat(fixture.appPasswords().list(ALICE)).hasSize(1);
        assertThat(fixture.secondFactors().find(ALICE)).isPresent();
        assertThat(fixture.sessionAlive("alice-session")).isTrue();
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
