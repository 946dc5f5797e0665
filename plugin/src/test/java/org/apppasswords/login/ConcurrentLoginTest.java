package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.testing.Concurrently;
import org.apppasswords.totp.RecoveryCode;
import org.junit.jupiter.api.AfterEach;
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

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void racingLoginsWithTheSameTotpCodeShouldSucceedOnce() throws Exception {
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();

        List<Boolean> outcomes = Concurrently.run(Concurrently.THREADS, index -> fixture.login(ALICE, presented));

        assertThat(Collections.frequency(outcomes, true)).isEqualTo(1);
        assertThat(fixture.enrolment(ALICE).failedCodes()).as("the losers guessed nothing").isZero();
    }

    @Test
    void racingLoginsWithTheSameRecoveryCodeShouldSucceedOnce() throws Exception {
        String presented = ALICE_PASSWORD + "$" + recoveryCodes.get(0).reveal();

        List<Boolean> outcomes = Concurrently.run(Concurrently.THREADS, index -> fixture.login(ALICE, presented));

        assertThat(Collections.frequency(outcomes, true)).isEqualTo(1);
        assertThat(fixture.enrolment(ALICE).recoveryCodeHashes()).hasSize(recoveryCodes.size() - 1);
    }

    @Test
    void racingLoginsThroughTestAndVerifyPasswordShouldShareOneCode() throws Exception {
        String presented = ALICE_PASSWORD + "$" + fixture.currentCode();

        List<Boolean> outcomes = Concurrently.run(Concurrently.THREADS, index -> index % 2 == 0
            ? fixture.login(ALICE, presented)
            : fixture.decorator.getUserByName(ALICE).verifyPassword(presented));

        assertThat(Collections.frequency(outcomes, true)).isEqualTo(1);
    }

    @Test
    void racingEntrancesShouldShareOneCode() throws Exception {
        String code = fixture.currentCode();
        Entrance[] entrances = {Entrance.PROTOCOL, Entrance.SIGN_IN, Entrance.CODE};

        List<Boolean> outcomes = Concurrently.run(Concurrently.THREADS, index -> {
            Entrance entrance = entrances[index % entrances.length];
            return fixture.check(entrance, ALICE, entrance == Entrance.CODE ? code : ALICE_PASSWORD + "$" + code).accepted();
        });

        assertThat(Collections.frequency(outcomes, true)).isEqualTo(1);
    }

    @Test
    void racingLoginsWithAnAppPasswordShouldAllSucceed() throws Exception {
        AppPassword password = fixture.createAppPassword(ALICE);

        List<Boolean> outcomes = Concurrently.run(Concurrently.THREADS, index -> fixture.login(ALICE, password.reveal()));

        assertThat(outcomes).containsOnly(true);
        fixture.logins.lastUses.flush();
        assertThat(fixture.appPasswords().find(ALICE, password.id()).orElseThrow().lastUsedAt()).contains(LoginFixture.START);
    }
}
