package org.apppasswords.apppassword;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;

import org.apppasswords.auth.LoginFixture;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.apppasswords.apppassword.StoredAppPassword;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AppPasswordServiceTest {
    // A compile-time constant, so that it can feed @ValueSource.
    private static final String TEN = "0123456789";
    private static final String LABEL_OF_65 = TEN + TEN + TEN + TEN + TEN + TEN + "abcde";

    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
    }

    @Test
    void createShouldReturnAPasswordThatLogsInThroughTheDecorator() throws Exception {
        CreatedAppPassword created = fixture.appPasswordService.create(ALICE, "Thunderbird");

        assertThat(fixture.testee.test(ALICE, created.password().revealForDisplay())).isTrue();
    }

    @Test
    void createShouldStoreTheEntryItReturns() {
        CreatedAppPassword created = fixture.appPasswordService.create(ALICE, "Thunderbird");

        assertThat(fixture.appPasswords.list(ALICE)).containsExactly(created.entry());
        assertThat(created.entry().id()).isEqualTo(created.password().id());
        assertThat(created.entry().createdAt()).isEqualTo(START);
        assertThat(created.entry().lastUsedAt()).isEmpty();
    }

    @Test
    void createShouldStoreOnlyAHashOfTheToken() {
        CreatedAppPassword created = fixture.appPasswordService.create(ALICE, "Thunderbird");
        StoredAppPassword stored = fixture.appPasswords.find(ALICE, created.password().id()).orElseThrow();

        assertThat(stored.encodedHash())
            .startsWith("$sha256$")
            .doesNotContain(created.password().reveal())
            .doesNotContain(created.password().reveal().substring(8, 34));
        assertThat(fixture.hasher.matches(created.password().reveal(), stored.encodedHash())).isTrue();
    }

    @Test
    void createShouldTrimTheLabel() {
        assertThat(fixture.appPasswordService.create(ALICE, "  iPhone Mail \t").entry().label()).isEqualTo("iPhone Mail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Téléphone de Zoé", "邮件客户端", "Phone 📱"})
    void createShouldAcceptPrintableLabels(String label) {
        assertThat(fixture.appPasswordService.create(ALICE, label).entry().label()).isEqualTo(label);
    }

    @Test
    void createShouldAcceptALabelOf64Characters() {
        String label = LABEL_OF_65.substring(1);

        assertThat(fixture.appPasswordService.create(ALICE, label).entry().label()).isEqualTo(label);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", LABEL_OF_65, "line\nbreak", "tab\tinside", "nul\u0000", "bell\u0007", "zero\u200Bwidth",
        "right\u202Eleft", "lone\uD800surrogate", "escape\u001B[31m", "\u00A0", "\u00A0\u2003"})
    void createShouldRefuseABadLabel(String label) {
        assertThatThrownBy(() -> fixture.appPasswordService.create(ALICE, label))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("label");
        assertThat(fixture.appPasswords.list(ALICE)).isEmpty();
    }

    @Test
    void createShouldRefuseBeyondTheLimit() throws Exception {
        LoginFixture limited = LoginFixture.create(new AppPasswordsConfiguration(false, 2, true,
            OnPrimaryPasswordChange.REVOKE_ALL, "James", Duration.ofMinutes(10)));
        limited.appPasswordService.create(ALICE, "one");
        limited.appPasswordService.create(ALICE, "two");

        assertThatThrownBy(() -> limited.appPasswordService.create(ALICE, "three"))
            .isInstanceOf(AppPasswordLimitException.class)
            .hasMessageContaining("2");
        assertThat(limited.appPasswords.list(ALICE)).hasSize(2);
    }

    @Test
    void createShouldCountTheLimitPerUser() throws Exception {
        LoginFixture limited = LoginFixture.create(new AppPasswordsConfiguration(false, 1, true,
            OnPrimaryPasswordChange.REVOKE_ALL, "James", Duration.ofMinutes(10)));
        limited.appPasswordService.create(ALICE, "one");

        assertThat(limited.appPasswordService.create(BOB, "one").entry().label()).isEqualTo("one");
    }

    @Test
    void createShouldAllowAnotherOnceOneIsRevoked() throws Exception {
        LoginFixture limited = LoginFixture.create(new AppPasswordsConfiguration(false, 1, true,
            OnPrimaryPasswordChange.REVOKE_ALL, "James", Duration.ofMinutes(10)));
        CreatedAppPassword first = limited.appPasswordService.create(ALICE, "one");
        limited.appPasswords.revoke(ALICE, first.entry().id());

        assertThat(limited.appPasswordService.create(ALICE, "two").entry().label()).isEqualTo("two");
    }

    @Test
    void createShouldDrawAnotherIdWhenTheUserAlreadyHoldsTheGeneratedOne() {
        // The first token drawn from all-zero bytes has id 00000, which Alice already holds.
        fixture.appPasswords.add(ALICE, StoredAppPassword.created(AppPasswordId.parse("00000").orElseThrow(), "taken",
            fixture.hasher.hash("taken"), START), 25);
        AppPasswordService service = new AppPasswordService(fixture.appPasswords, new AppPasswordGenerator(new ZeroesFirstRandom()),
            fixture.hasher, fixture.clock, fixture.configuration);

        CreatedAppPassword created = service.create(ALICE, "second");

        assertThat(created.password().id().asString()).isNotEqualTo("00000");
        assertThat(fixture.appPasswords.list(ALICE)).hasSize(2);
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
