package org.apppasswords.apppassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.apache.james.core.Username;
import org.apppasswords.audit.AuditCapture;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.AuditLog.Actor;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.modules.TestJames;
import org.apppasswords.modules.TestLogins;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.signout.SignOut;
import org.apppasswords.store.ChangedMeanwhileException;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AppPasswordServiceTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final Username BOB = Username.of("bob@example.org");
    private static final Instant START = Instant.parse("2024-03-01T12:00:10Z");
    // A compile-time constant, so that it can feed @ValueSource.
    private static final String TEN = "0123456789";
    private static final String LABEL_OF_65 = TEN + TEN + TEN + TEN + TEN + TEN + "abcde";

    private final MutableClock clock = new MutableClock(START);
    private final SecretHasher hasher = new SaltedSha256SecretHasher(new SecureRandom());
    private TestLogins fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = logins(AppPasswordsConfiguration.defaults());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** The service as James gets it, for Alice and Bob, with a limit of {@code maxPerUser}. */
    private TestLogins logins(AppPasswordsConfiguration configuration) throws Exception {
        return TestLogins.around(TestJames.create().with(ALICE, "alice-Primary-1").with(BOB, "bob-Primary-2").repository())
            .configuration(configuration).clock(clock).hasher(hasher).build();
    }

    /** Creates as the routes do when nothing was revoked since they read the user's generation. */
    private static CreatedAppPassword create(TestLogins logins, Username user, String label) {
        return logins.appPasswordService.create(user, label, logins.generations.current(user));
    }

    private TestLogins limitedTo(int maxPerUser) throws Exception {
        return logins(new AppPasswordsConfiguration(false, maxPerUser, true, OnPrimaryPasswordChange.REVOKE_ALL, "James",
            Duration.ofMinutes(10)));
    }

    @Test
    void createShouldReturnAPasswordThatLogsInThroughTheDecorator() throws Exception {
        CreatedAppPassword created = create(fixture, ALICE, "Thunderbird");

        assertThat(fixture.decorator.test(ALICE, created.password().revealForDisplay())).isTrue();
    }

    @Test
    void createShouldStoreTheEntryItReturns() {
        CreatedAppPassword created = create(fixture, ALICE, "Thunderbird");

        assertThat(fixture.appPasswords.list(ALICE)).containsExactly(created.entry());
        assertThat(created.entry().id()).isEqualTo(created.password().id());
        assertThat(created.entry().createdAt()).isEqualTo(START);
        assertThat(created.entry().lastUsedAt()).isEmpty();
    }

    @Test
    void createShouldStoreOnlyAHashOfTheToken() {
        CreatedAppPassword created = create(fixture, ALICE, "Thunderbird");
        StoredAppPassword stored = fixture.appPasswords.find(ALICE, created.password().id()).orElseThrow();

        assertThat(stored.encodedHash())
            .startsWith("$sha256$")
            .doesNotContain(created.password().reveal())
            .doesNotContain(created.password().reveal().substring(8, 34));
        assertThat(hasher.matches(created.password().reveal(), stored.encodedHash())).isTrue();
    }

    @Test
    void createShouldTrimTheLabel() {
        assertThat(create(fixture, ALICE, "  iPhone Mail \t").entry().label()).isEqualTo("iPhone Mail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Téléphone de Zoé", "邮件客户端", "Phone 📱"})
    void createShouldAcceptPrintableLabels(String label) {
        assertThat(create(fixture, ALICE, label).entry().label()).isEqualTo(label);
    }

    @Test
    void createShouldAcceptALabelOf64Characters() {
        String label = LABEL_OF_65.substring(1);

        assertThat(create(fixture, ALICE, label).entry().label()).isEqualTo(label);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", LABEL_OF_65, "line\nbreak", "tab\tinside", "nul\u0000", "bell\u0007", "zero\u200Bwidth",
        "right\u202Eleft", "lone\uD800surrogate", "escape\u001B[31m", "\u00A0", "\u00A0\u2003"})
    void createShouldRefuseABadLabel(String label) {
        assertThatThrownBy(() -> create(fixture, ALICE, label))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("label");
        assertThat(fixture.appPasswords.list(ALICE)).isEmpty();
    }

    @Test
    void createShouldRefuseBeyondTheLimit() throws Exception {
        try (TestLogins limited = limitedTo(2)) {
            create(limited, ALICE, "one");
            create(limited, ALICE, "two");

            assertThatThrownBy(() -> create(limited, ALICE, "three"))
                .isInstanceOf(AppPasswordLimitException.class)
                .hasMessageContaining("2");
            assertThat(limited.appPasswords.list(ALICE)).hasSize(2);
        }
    }

    @Test
    void createShouldCountTheLimitPerUser() throws Exception {
        try (TestLogins limited = limitedTo(1)) {
            create(limited, ALICE, "one");

            assertThat(create(limited, BOB, "one").entry().label()).isEqualTo("one");
        }
    }

    @Test
    void createShouldAllowAnotherOnceOneIsRevoked() throws Exception {
        try (TestLogins limited = limitedTo(1)) {
            CreatedAppPassword first = create(limited, ALICE, "one");
            limited.appPasswords.revoke(ALICE, first.entry().id());

            assertThat(create(limited, ALICE, "two").entry().label()).isEqualTo("two");
        }
    }

    @Test
    void createShouldDrawAnotherIdWhenTheUserAlreadyHoldsTheGeneratedOne() {
        // The first token drawn from all-zero bytes has id 00000, which Alice already holds.
        fixture.appPasswords.add(ALICE, StoredAppPassword.created(AppPasswordId.parse("00000").orElseThrow(), "taken",
            hasher.hash("taken"), START), 25, fixture.generations.current(ALICE));
        AppPasswordService service = new AppPasswordService(fixture.appPasswords, new AppPasswordGenerator(new ZeroesFirstRandom()),
            hasher, clock, AppPasswordsConfiguration.defaults(), new AuditLog(), SignOut.none(), SecurityNotices.NONE);

        CreatedAppPassword created = service.create(ALICE, "second", fixture.generations.current(ALICE));

        assertThat(created.password().id().asString()).isNotEqualTo("00000");
        assertThat(fixture.appPasswords.list(ALICE)).hasSize(2);
    }

    @Test
    void createShouldThrowAndStoreNothingWhenTheSecretsWereRevokedSinceTheGenerationWasRead() {
        long readBeforeTheChecks = fixture.generations.current(ALICE);
        fixture.appPasswordService.revokeAll(ALICE, Actor.ADMIN);

        assertThatThrownBy(() -> fixture.appPasswordService.create(ALICE, "Thunderbird", readBeforeTheChecks))
            .isInstanceOf(ChangedMeanwhileException.class)
            .hasMessageContaining("changed meanwhile");
        assertThat(fixture.appPasswords.list(ALICE)).isEmpty();
    }

    @Test
    void createShouldWriteNoAuditLineWhenRefusedAsChangedMeanwhile() {
        long readBeforeTheChecks = fixture.generations.current(ALICE);
        fixture.userSecrets.primaryPasswordChanged(ALICE);

        try (AuditCapture audit = new AuditCapture()) {
            assertThatThrownBy(() -> fixture.appPasswordService.create(ALICE, "Thunderbird", readBeforeTheChecks))
                .isInstanceOf(ChangedMeanwhileException.class);

            assertThat(audit.lines()).isEmpty();
        }
    }

    @Test
    void createShouldBeRefusedAfterAnyKindOfRevocationOfTheUser() {
        long readBeforeTheChecks = fixture.generations.current(ALICE);
        fixture.sessions.revokeAll(ALICE);

        assertThatThrownBy(() -> fixture.appPasswordService.create(ALICE, "Thunderbird", readBeforeTheChecks))
            .isInstanceOf(ChangedMeanwhileException.class);
        assertThat(fixture.appPasswords.list(ALICE)).isEmpty();
    }

    @Test
    void createShouldSucceedWithTheGenerationReadAfterTheRevocation() {
        fixture.appPasswordService.revokeAll(ALICE, Actor.ADMIN);

        try (AuditCapture audit = new AuditCapture()) {
            CreatedAppPassword created = fixture.appPasswordService.create(ALICE, "Thunderbird", fixture.generations.current(ALICE));

            assertThat(fixture.appPasswords.list(ALICE)).containsExactly(created.entry());
            assertThat(audit.lines("app-password-created")).hasSize(1);
        }
    }

    @Test
    void createShouldNotBeRefusedByAnotherUsersRevocation() {
        long readBeforeTheChecks = fixture.generations.current(ALICE);
        fixture.appPasswordService.revokeAll(BOB, Actor.ADMIN);

        assertThat(fixture.appPasswordService.create(ALICE, "Thunderbird", readBeforeTheChecks).entry().label()).isEqualTo("Thunderbird");
    }

    /** Returns zero bytes to its first call, then real randomness. */
    private static final class ZeroesFirstRandom extends SecureRandom {
        private boolean first = true;

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            if (first) {
                first = false;
                Arrays.fill(bytes, (byte) 0);
                return;
            }
            super.nextBytes(bytes);
        }
    }
}
