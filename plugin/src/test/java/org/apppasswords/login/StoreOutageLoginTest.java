package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.james.user.api.model.User;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.totp.SecondFactorStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Login rules when a store cannot answer: every entrance refuses (fail closed, {@link Verdict.Outcome#UNAVAILABLE}),
 * none throws, none falls back to the primary password alone; a change that must end secrets fails
 * rather than keep them. ALICE has TOTP and an app password, BOB has neither.
 */
class StoreOutageLoginTest {
    /** Which store methods fail: none while the stores are up. */
    private final AtomicReference<Set<String>> failing = new AtomicReference<>(Set.of());
    private LoginFixture fixture;
    private AppPassword alicesAppPassword;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder()
            .appPasswords(store -> failingWhenDown(AppPasswordStore.class, store))
            .secondFactors(store -> failingWhenDown(SecondFactorStore.class, store))
            .loginFailures(store -> failingWhenDown(LoginFailureStore.class, store))
            .build();
        alicesAppPassword = fixture.createAppPassword(ALICE);
        fixture.enableTotp(ALICE);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void down(String... methods) {
        failing.set(Set.of(methods));
    }

    private void everythingDown() {
        failing.set(Set.of("*"));
    }

    /** What each entrance accepts while the stores are up. */
    private String acceptedInput(Entrance entrance) {
        switch (entrance) {
            case PROTOCOL:
            case TOKEN:
            case SIGN_IN:
            case STEP_UP:
                return BOB_PASSWORD;
            default:
                return fixture.currentCode();
        }
    }

    @ParameterizedTest
    @EnumSource(Entrance.class)
    void everyEntranceShouldRefuseWhileTheStoresAreDown(Entrance entrance) {
        everythingDown();

        Verdict verdict = fixture.check(entrance, entrance == Entrance.CODE ? ALICE : BOB, acceptedInput(entrance));

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.UNAVAILABLE);
        assertThat(verdict.storeFailure()).hasValueSatisfying(failure -> assertThat(failure).contains("test outage"));
    }

    @ParameterizedTest
    @EnumSource(Entrance.class)
    void everyEntranceShouldAcceptOnceTheStoresAreBack(Entrance entrance) {
        everythingDown();
        fixture.check(entrance, entrance == Entrance.CODE ? ALICE : BOB, acceptedInput(entrance));
        down();

        assertThat(fixture.check(entrance, entrance == Entrance.CODE ? ALICE : BOB, acceptedInput(entrance)).accepted()).isTrue();
    }

    @Test
    void anAppPasswordShouldBeRefusedWhileTheStoreIsDown() throws Exception {
        everythingDown();

        assertThat(fixture.login(ALICE, alicesAppPassword.reveal())).isFalse();
    }

    @Test
    void primaryPasswordAndCodeShouldBeRefusedWhileTheStoreIsDown() throws Exception {
        everythingDown();

        assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode())).isFalse();
    }

    @Test
    void thePrimaryPasswordAloneShouldBeRefusedWhileTheStoreIsDownEvenWithoutTotp() throws Exception {
        down("find");

        assertThat(fixture.login(BOB, BOB_PASSWORD)).isFalse();
    }

    @Test
    void thePrimaryPasswordAloneOfATotpUserShouldBeRefusedWhileTheStoreIsDown() throws Exception {
        down("find");

        assertThat(fixture.login(ALICE, ALICE_PASSWORD)).isFalse();
    }

    @Test
    void aRightCodeShouldBeRefusedWhenItCannotBeSpent() {
        down("spendCode");

        Verdict verdict = fixture.check(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD + "$" + fixture.currentCode());

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.UNAVAILABLE);
    }

    @Test
    void thePrimaryPathShouldRefuseWhenTheFailuresCannotBeRead() {
        down("read");

        assertThat(fixture.check(Entrance.PROTOCOL, BOB, BOB_PASSWORD).outcome()).isEqualTo(Verdict.Outcome.UNAVAILABLE);
        assertThat(fixture.james.passwordChecks).as("nothing checked before the counts are known").hasValue(0);
    }

    @Test
    void anAppPasswordShouldStillWorkWhenOnlyTheFailureStoreIsDown() {
        down("read", "record", "succeeded");

        assertThat(fixture.check(Entrance.PROTOCOL, ALICE, alicesAppPassword.reveal()).accepted()).isTrue();
    }

    @Test
    void theTokenEndpointShouldRefuseThePrimaryPasswordWhileTheStoreIsDown() throws Exception {
        down("find");

        assertThat(fixture.tokenEndpoint.test(BOB, BOB_PASSWORD)).isFalse();
    }

    @Test
    void aManageSieveStyleCheckShouldRefuseWhileTheStoreIsDown() throws Exception {
        User bob = fixture.decorator.getUserByName(BOB);
        down("find");

        assertThat(bob.verifyPassword(BOB_PASSWORD)).isFalse();
    }

    /** The app passwords are revoked before James stores the change: an outage fails the change instead of keeping them. */
    @Test
    void aPrimaryPasswordChangeShouldFailAndLeaveTheOldPasswordWhileTheStoreIsDown() throws Exception {
        User bob = fixture.decorator.getUserByName(BOB);
        bob.setPassword("bob-New-Primary-9");
        everythingDown();

        assertThatThrownBy(() -> fixture.decorator.updateUser(bob)).isInstanceOf(StoreUnavailableException.class);

        down();
        assertThat(fixture.login(BOB, "bob-New-Primary-9")).isFalse();
        assertThat(fixture.login(BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void aPrimaryPasswordChangeShouldApplyWhileTheStoreIsUp() throws Exception {
        User bob = fixture.decorator.getUserByName(BOB);
        bob.setPassword("bob-New-Primary-9");

        fixture.decorator.updateUser(bob);

        assertThat(fixture.login(BOB, "bob-New-Primary-9")).isTrue();
        assertThat(fixture.login(BOB, BOB_PASSWORD)).isFalse();
    }

    @Test
    void aRemovalShouldFailAndKeepTheUserWhileTheStoreIsDown() throws Exception {
        everythingDown();

        assertThatThrownBy(() -> fixture.decorator.removeUser(ALICE)).isInstanceOf(StoreUnavailableException.class);

        down();
        assertThat(fixture.decorator.contains(ALICE)).isTrue();
        assertThat(fixture.login(ALICE, alicesAppPassword.reveal())).isTrue();
    }

    @Test
    void loginsShouldSucceedAgainOnceTheStoreIsBack() throws Exception {
        everythingDown();
        fixture.login(ALICE, alicesAppPassword.reveal());
        fixture.login(BOB, BOB_PASSWORD);
        down();

        assertThat(fixture.login(ALICE, alicesAppPassword.reveal())).isTrue();
        assertThat(fixture.login(BOB, BOB_PASSWORD)).isTrue();
    }

    private <T> T failingWhenDown(Class<T> type, T store) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Set<String> down = failing.get();
            if (down.contains("*") || down.contains(method.getName())) {
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
