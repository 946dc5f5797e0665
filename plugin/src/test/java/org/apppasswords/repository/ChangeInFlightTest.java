package org.apppasswords.repository;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.login.Entrance;
import org.apppasswords.login.LoginFixture;
import org.apppasswords.store.ChangedMeanwhileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a request authorised with Alice's old password does while James changes the password (or
 * removes her) through the decorator: it reads the generation, checks the old password, which James
 * still holds, and creates. Whatever it creates must not outlive the change (issue 17).
 */
class ChangeInFlightTest {
    private static final String NEW_PASSWORD = "new-Primary-9";

    private LoginFixture fixture;
    /** Runs inside James's own updateUser or removeUser, before James applies it. */
    private final AtomicReference<Runnable> meanwhile = new AtomicReference<>(() -> { });

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder().wrapJames(ChangingSlowly::new).build();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /**
     * James's repository as a persistent one behaves (JPA, Cassandra): a user handed out is a copy,
     * and a new password applies in {@code updateUser}, not when the copy is changed (James's memory
     * repository hands out the object it stores). {@link #meanwhile} runs before each password
     * change or removal applies.
     */
    private final class ChangingSlowly extends ForwardingUsersRepository {
        ChangingSlowly(UsersRepository james) {
            super(james);
        }

        @Override
        public User getUserByName(Username name) throws UsersRepositoryException {
            User stored = super.getUserByName(name);
            return stored == null ? null : new Copy(stored);
        }

        @Override
        public void updateUser(User user) throws UsersRepositoryException {
            meanwhile.get().run();
            Copy copy = (Copy) user;
            copy.stored.setPassword(copy.newPassword);
            super.updateUser(copy.stored);
        }

        @Override
        public void removeUser(Username name) throws UsersRepositoryException {
            meanwhile.get().run();
            super.removeUser(name);
        }
    }

    private static final class Copy implements User {
        private final User stored;
        private String newPassword;

        Copy(User stored) {
            this.stored = stored;
        }

        @Override
        public Username getUserName() {
            return stored.getUserName();
        }

        @Override
        public boolean verifyPassword(String password) {
            return stored.verifyPassword(password);
        }

        @Override
        public boolean setPassword(String password) {
            newPassword = password;
            return true;
        }
    }

    private void changeAlicesPassword() throws UsersRepositoryException {
        User alice = fixture.decorator.getUserByName(ALICE);
        alice.setPassword(NEW_PASSWORD);
        fixture.decorator.updateUser(alice);
    }

    /** The self-service route: the generation first, then the step-up check of the primary password, then the creation. */
    private CreatedAppPassword createWithTheOldPassword(long generation) {
        assertThat(fixture.check(Entrance.STEP_UP, ALICE, ALICE_PASSWORD).accepted()).as("the old password still works").isTrue();
        return fixture.logins.appPasswordService.create(ALICE, "Meanwhile", generation);
    }

    private long generation() {
        return fixture.logins.generations.current(ALICE);
    }

    @Test
    void anAppPasswordAuthorisedBeforeThePasswordChangeShouldBeRefusedDuringIt() throws Exception {
        long readBeforeTheChange = generation();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        meanwhile.set(() -> refused.set(catching(() -> createWithTheOldPassword(readBeforeTheChange))));

        changeAlicesPassword();

        assertThat(refused.get()).isInstanceOf(ChangedMeanwhileException.class);
        assertThat(fixture.appPasswords().list(ALICE)).isEmpty();
    }

    @Test
    void anAppPasswordCreatedWithTheOldPasswordWhileItIsReplacedShouldEndWithTheChange() throws Exception {
        AtomicReference<CreatedAppPassword> created = new AtomicReference<>();
        meanwhile.set(() -> created.set(createWithTheOldPassword(generation())));

        changeAlicesPassword();

        assertThat(created.get()).as("created while the old password worked").isNotNull();
        assertThat(fixture.appPasswords().list(ALICE)).isEmpty();
        assertThat(fixture.login(ALICE, created.get().password().reveal())).isFalse();
        assertThat(fixture.login(ALICE, NEW_PASSWORD)).isTrue();
    }

    @Test
    void anAppPasswordAuthorisedWhileThePasswordIsReplacedShouldBeRefusedAfterIt() throws Exception {
        AtomicReference<Long> readDuringTheChange = new AtomicReference<>();
        meanwhile.set(() -> readDuringTheChange.set(generation()));

        changeAlicesPassword();

        assertThatThrownBy(() -> fixture.logins.appPasswordService.create(ALICE, "Late", readDuringTheChange.get()))
            .isInstanceOf(ChangedMeanwhileException.class);
        assertThat(fixture.appPasswords().list(ALICE)).isEmpty();
    }

    @Test
    void aSessionOpenedWithTheOldPasswordWhileItIsReplacedShouldEndWithTheChange() throws Exception {
        meanwhile.set(() -> assertThat(fixture.openSession(ALICE, "alice-session")).isTrue());

        changeAlicesPassword();

        assertThat(fixture.sessionAlive("alice-session")).isFalse();
    }

    @Test
    void anAppPasswordCreatedWithTheCurrentGenerationAfterTheChangeShouldWork() throws Exception {
        changeAlicesPassword();

        CreatedAppPassword created = fixture.logins.appPasswordService.create(ALICE, "After", generation());

        assertThat(fixture.login(ALICE, created.password().reveal())).isTrue();
    }

    @Test
    void anAppPasswordCreatedWhileAliceIsRemovedShouldNotPassToTheNextAlice() throws Exception {
        AtomicReference<CreatedAppPassword> created = new AtomicReference<>();
        meanwhile.set(() -> created.set(createWithTheOldPassword(generation())));

        fixture.decorator.removeUser(ALICE);
        meanwhile.set(() -> { });
        fixture.decorator.addUser(ALICE, "next-Alice-1");

        assertThat(created.get()).as("created while the old password worked").isNotNull();
        assertThat(fixture.appPasswords().list(ALICE)).isEmpty();
        assertThat(fixture.login(ALICE, created.get().password().reveal())).isFalse();
    }

    @Test
    void aSessionOpenedWhileAliceIsRemovedShouldNotPassToTheNextAlice() throws Exception {
        meanwhile.set(() -> assertThat(fixture.openSession(ALICE, "alice-session")).isTrue());

        fixture.decorator.removeUser(ALICE);

        assertThat(fixture.sessionAlive("alice-session")).isFalse();
    }

    private static Throwable catching(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
