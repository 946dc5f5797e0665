package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code appPasswords.idleExpiry}: an app password idle that long stops working, after the same work as any failure. */
class IdleExpiryLoginTest {
    private static final Duration IDLE = Duration.ofDays(30);

    private final CountingStores stores = new CountingStores();
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder()
            .configuration(AppPasswordsConfiguration.defaults().withAppPasswordIdleExpiry(Optional.of(IDLE)))
            .appPasswords(stores::appPasswords)
            .build();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** A login whose last use reaches the store, as the last-use writer's thread does every few seconds. */
    private boolean loginAndRecordTheUse(AppPassword password) throws Exception {
        boolean accepted = fixture.login(ALICE, password.reveal());
        fixture.logins.lastUses.flush();
        return accepted;
    }

    @Test
    void anAppPasswordShouldWorkJustBeforeItsIdleLimit() throws Exception {
        AppPassword password = fixture.createAppPassword(ALICE);
        fixture.clock.advance(IDLE.minusSeconds(1));

        assertThat(fixture.login(ALICE, password.reveal())).isTrue();
    }

    @Test
    void aNeverUsedAppPasswordShouldBeRefusedOnceIdleSinceItsCreation() throws Exception {
        AppPassword password = fixture.createAppPassword(ALICE);
        fixture.clock.advance(IDLE);

        assertThat(fixture.login(ALICE, password.reveal())).isFalse();
    }

    @Test
    void aUseShouldRestartTheIdlePeriod() throws Exception {
        AppPassword password = fixture.createAppPassword(ALICE);
        fixture.clock.advance(IDLE.minusDays(1));
        assertThat(loginAndRecordTheUse(password)).isTrue();

        fixture.clock.advance(IDLE.minusDays(1));

        assertThat(fixture.login(ALICE, password.reveal())).isTrue();
    }

    @Test
    void anAppPasswordIdleSinceItsLastUseShouldBeRefusedAndKept() throws Exception {
        AppPassword password = fixture.createAppPassword(ALICE);
        fixture.clock.advance(Duration.ofDays(1));
        assertThat(loginAndRecordTheUse(password)).isTrue();

        fixture.clock.advance(IDLE);

        assertThat(fixture.login(ALICE, password.reveal())).isFalse();
        assertThat(fixture.appPasswords().find(ALICE, password.id())).hasValueSatisfying(entry ->
            assertThat(new IdleExpiry(fixture.configuration, fixture.clock).isExpired(entry)).isTrue());
    }

    @Test
    void anExpiredAppPasswordShouldCostWhatAnUnknownOneCosts() throws Exception {
        AppPassword expired = fixture.createAppPassword(ALICE);
        fixture.clock.advance(IDLE);
        AppPassword unknownId = new AppPasswordGenerator(fixture.random).generate();

        List<Integer> expiredWork = refusedWork(ALICE, expired.reveal());
        List<Integer> unknownWork = refusedWork(ALICE, unknownId.reveal());

        assertThat(expiredWork).isEqualTo(unknownWork).isEqualTo(List.of(1, 0, 1, 1, 1));
    }

    @Test
    void expiryShouldBeOffByDefault() throws Exception {
        try (LoginFixture defaults = LoginFixture.create()) {
            AppPassword password = defaults.createAppPassword(ALICE);
            defaults.clock.advance(Duration.ofDays(3650));

            assertThat(defaults.login(ALICE, password.reveal())).isTrue();
        }
    }

    /** Hash checks, primary-password hashes, James's existence and administrator checks, app-password reads. */
    private List<Integer> refusedWork(Username user, String presented) throws Exception {
        stores.reset();
        Work work = Work.of(fixture, () -> assertThat(fixture.login(user, presented)).isFalse());
        return List.of(work.hashChecks, work.primaryHashes, work.jamesContains, work.jamesIsAdministrator, stores.appPasswordReads.get());
    }
}
