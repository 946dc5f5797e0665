package org.apppasswords.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.james.user.api.model.User;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.store.StoreUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login rules when the store cannot answer: every path refuses (fail closed), none throws, none falls back to the primary password alone. */
class StoreOutageLoginTest {
    private final AtomicBoolean down = new AtomicBoolean();
    private LoginFixture fixture;
    private AppPassword alicesAppPassword;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new LoginFixture(AppPasswordsConfiguration.defaults(), new LoginFixture.Interposer() {
            @Override
            public AppPasswordStore appPasswords(AppPasswordStore store) {
                return failingWhenDown(AppPasswordStore.class, store);
            }

            @Override
            public SecondFactorStore secondFactors(SecondFactorStore store) {
                return failingWhenDown(SecondFactorStore.class, store);
            }
        });
        alicesAppPassword = fixture.createAppPassword(LoginFixture.ALICE);
        fixture.enableTotp(LoginFixture.ALICE);
    }

    @Test
    void appPasswordShouldBeRefusedWhileTheStoreIsDown() throws Exception {
        down.set(true);

        assertThat(fixture.testee.test(LoginFixture.ALICE, alicesAppPassword.reveal())).isFalse();
    }

    @Test
    void primaryPasswordWithCodeShouldBeRefusedWhileTheStoreIsDown() throws Exception {
        down.set(true);

        assertThat(fixture.testee.test(LoginFixture.ALICE, LoginFixture.ALICE_PASSWORD + "$" + fixture.currentCode())).isFalse();
    }

    @Test
    void primaryPasswordAloneShouldBeRefusedWhileTheStoreIsDownEvenWithoutTotp() throws Exception {
        down.set(true);

        assertThat(fixture.testee.test(LoginFixture.BOB, LoginFixture.BOB_PASSWORD)).isFalse();
    }

    @Test
    void primaryPasswordAloneOfATotpUserShouldBeRefusedWhileTheStoreIsDown() throws Exception {
        down.set(true);

        assertThat(fixture.testee.test(LoginFixture.ALICE, LoginFixture.ALICE_PASSWORD)).isFalse();
    }

    @Test
    void strictViewShouldRefuseThePrimaryPasswordWhileTheStoreIsDown() throws Exception {
        down.set(true);

        assertThat(fixture.primaryPasswordOnly().test(LoginFixture.BOB, LoginFixture.BOB_PASSWORD)).isFalse();
    }

    @Test
    void manageSieveStyleVerificationShouldRefuseWhileTheStoreIsDown() throws Exception {
        down.set(true);

        assertThat(fixture.testee.getUserByName(LoginFixture.BOB).verifyPassword(LoginFixture.BOB_PASSWORD)).isFalse();
    }

    /** The app passwords are revoked before James stores the change: an outage fails the change instead of keeping them. */
    @Test
    void primaryPasswordChangeShouldFailAndLeaveTheOldPasswordWhileTheStoreIsDown() throws Exception {
        User bob = fixture.testee.getUserByName(LoginFixture.BOB);
        bob.setPassword("bob-New-Primary-9");
        down.set(true);

        assertThatThrownBy(() -> fixture.testee.updateUser(bob)).isInstanceOf(StoreUnavailableException.class);

        down.set(false);
        assertThat(fixture.testee.test(LoginFixture.BOB, "bob-New-Primary-9")).isFalse();
        assertThat(fixture.testee.test(LoginFixture.BOB, LoginFixture.BOB_PASSWORD)).isTrue();
    }

    @Test
    void primaryPasswordChangeShouldApplyOnceTheStoreIsBack() throws Exception {
        User bob = fixture.testee.getUserByName(LoginFixture.BOB);
        bob.setPassword("bob-New-Primary-9");

        fixture.testee.updateUser(bob);

        assertThat(fixture.testee.test(LoginFixture.BOB, "bob-New-Primary-9")).isTrue();
        assertThat(fixture.testee.test(LoginFixture.BOB, LoginFixture.BOB_PASSWORD)).isFalse();
    }

    @Test
    void removalShouldFailAndKeepTheUserWhileTheStoreIsDown() throws Exception {
        down.set(true);

        assertThatThrownBy(() -> fixture.testee.removeUser(LoginFixture.ALICE)).isInstanceOf(StoreUnavailableException.class);

        down.set(false);
        assertThat(fixture.testee.contains(LoginFixture.ALICE)).isTrue();
        assertThat(fixture.testee.test(LoginFixture.ALICE, alicesAppPassword.reveal())).isTrue();
    }

    @Test
    void loginsShouldSucceedAgainOnceTheStoreIsBack() throws Exception {
        down.set(true);
        fixture.testee.test(LoginFixture.ALICE, alicesAppPassword.reveal());
        down.set(false);

        assertThat(fixture.testee.test(LoginFixture.ALICE, alicesAppPassword.reveal())).isTrue();
        assertThat(fixture.testee.test(LoginFixture.BOB, LoginFixture.BOB_PASSWORD)).isTrue();
    }

    private <T> T failingWhenDown(Class<T> type, T store) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (down.get()) {
                throw new StoreUnavailableException("App passwords store: test outage",
                    new SQLTransientConnectionException("Connection is not available"));
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
