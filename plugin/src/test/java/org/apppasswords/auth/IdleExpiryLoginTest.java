package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.apppassword.AppPasswordStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code appPasswords.idleExpiry}: an app password idle that long stops working, after the same work as any failure. */
class IdleExpiryLoginTest {
    private static final Duration IDLE = Duration.ofDays(30);

    private final CountingStores stores = new CountingStores();
    private CountingSecretHasher hasher;
    private CountingUsersRepository delegate;
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        AppPasswordsConfiguration configuration = AppPasswordsConfiguration.defaults().withAppPasswordIdleExpiry(Optional.of(IDLE));
        fixture = new LoginFixture(configuration, new LoginFixture.Interposer() {
            @Override
            public UsersRepository delegate(UsersRepository james) {
                delegate = new CountingUsersRepository(james);
                return delegate;
            }

            @Override
            public SecretHasher hasher(SecretHasher real) {
                hasher = new CountingSecretHasher(real);
                return hasher;
            }

            @Override
            public AppPasswordStore appPasswords(AppPasswordStore store) {
                return stores.appPasswords(store);
            }
        });
    }

    @Test
    void anAppPasswordShouldWorkJustBeforeItsIdleLimit() throws Exception {
        AppPassword password = fixture.createAppPassword(ALICE);
        fixture.clock.advance(IDLE.minusSeconds(1));

        assertThat(fixture.testee.test(ALICE, password.reveal())).isTrue();
    }

    @Test
    void aNeverUsedAppPasswordShouldBeRefusedOnceIdleSinceItsCreation() throws Exception {
        AppPassword password = fixture.createAppPassword(ALICE);
        fixture.clock.advance(IDLE);

        assertThat(fixture.testee.test(ALICE, password.reveal())).isFalse();
    }

    @Test
    void aUseShouldRestartTheIdlePeriod() throws Exception {
        AppPassword password = fixture.createAppPassword(ALICE);
        fixture.clock.advance(IDLE.minusDays(1));
        assertThat(fixture.testee.test(ALICE, password.reveal())).isTrue();

        fixture.clock.advance(IDLE.minusDays(1));

        assertThat(fixture.testee.test(ALICE, password.reveal())).isTrue();
    }

    @Test
    void anAppPasswordIdleSinceItsLastUseShouldBeRefusedAndKept() throws Exception {
        AppPassword password = fixture.createAppPassword(ALICE);
        fixture.clock.advance(Duration.ofDays(1));
        assertThat(fixture.testee.test(ALICE, password.reveal())).isTrue();

        fixture.clock.advance(IDLE);

        assertThat(fixture.testee.test(ALICE, password.reveal())).isFalse();
        assertThat(fixture.appPasswords.find(ALICE, password.id())).isPresent();
        assertThat(new IdleExpiry(fixture.configuration, fixture.clock).isExpired(fixture.appPasswords.find(ALICE, password.id()).orElseThrow()))
            .isTrue();
    }

    @Test
    void anExpiredAppPasswordShouldCostWhatAnUnknownOneCosts() throws Exception {
        AppPassword expired = fixture.createAppPassword(ALICE);
        fixture.clock.advance(IDLE);
        AppPassword unknownId = new org.apppasswords.apppassword.AppPasswordGenerator(fixture.random).generate();

        List<Integer> expiredWork = refusedWork(ALICE, expired.reveal());
        List<Integer> unknownWork = refusedWork(ALICE, unknownId.reveal());

        assertThat(expiredWork).isEqualTo(unknownWork).isEqualTo(List.of(1, 0, 1, 1, 1));
    }

    @Test
    void expiryShouldBeOffByDefault() throws Exception {
        LoginFixture defaults = LoginFixture.create();
        AppPassword password = defaults.createAppPassword(ALICE);
        defaults.clock.advance(Duration.ofDays(3650));

        assertThat(defaults.testee.test(ALICE, password.reveal())).isTrue();
    }

    /** Hash checks, delegate tests, contains, isAdministrator, app-password reads. */
    private List<Integer> refusedWork(Username user, String presented) throws Exception {
        hasher.matches.set(0);
        delegate.tests.set(0);
        delegate.contains.set(0);
        delegate.isAdministrator.set(0);
        stores.appPasswordReads.set(0);
        assertThat(fixture.testee.test(user, presented)).isFalse();
        return List.of(hasher.matches.get(), delegate.tests.get(), delegate.contains.get(), delegate.isAdministrator.get(),
            stores.appPasswordReads.get());
    }
}
