package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.testing.Concurrently;
import org.apppasswords.totp.RecoveryCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 6238 section 5.2 through the decorator: logins racing with one code, one of them wins. */
class ConcurrentLoginTest {
    private LoginFixture fixture;
    private List<RecoveryCode> recoveryCodes;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
        recoveryCodes = fixture.enableTotp(ALICE);
    }

    @Test
    void racingLoginsWithTheSameTotpCodeShouldSucceedOnce() throws Exception {
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();

        List<Boolean> outcomes = Concurrently.run(Concurrently.THREADS, index -> fixture.testee.test(ALICE, presented));

        assertThat(Collections.frequency(outcomes, true)).isEqualTo(1);
    }

    @Test
    void racingLoginsWithTheSameRecoveryCodeShouldSucceedOnce() throws Exception {
        String presented = ALICE_PASSWORD + "$" + recoveryCodes.get(0).reveal();

        List<Boolean> outcomes = Concurrently.run(Concurrently.THREADS, index -> fixture.testee.test(ALICE, presented));

        assertThat(Collections.frequency(outcomes, true)).isEqualTo(1);
        assertThat(fixture.secondFactors.find(ALICE).orElseThrow().recoveryCodeHashes()).hasSize(recoveryCodes.size() - 1);
    }

    @Test
    void racingLoginsThroughTestAndVerifyPasswordShouldShareOneCode() throws Exception {
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();

        List<Boolean> outcomes = Concurrently.run(Concurrently.THREADS, index -> index % 2 == 0
            ? fixture.testee.test(ALICE, presented)
            : fixture.testee.getUserByName(ALICE).verifyPassword(presented));

        assertThat(Collections.frequency(outcomes, true)).isEqualTo(1);
    }

    @Test
    void racingLoginsWithAnAppPasswordShouldAllSucceed() throws Exception {
        AppPassword password = fixture.createAppPassword(ALICE);

        List<Boolean> outcomes = Concurrently.run(Concurrently.THREADS, index -> fixture.testee.test(ALICE, password.reveal()));

        assertThat(outcomes).containsOnly(true);
        assertThat(fixture.appPasswords.find(ALICE, password.id()).orElseThrow().lastUsedAt()).contains(LoginFixture.START);
    }
}
