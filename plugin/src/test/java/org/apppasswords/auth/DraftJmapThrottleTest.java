package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.auth.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.auth.ThrottleFixture.ATTACKER;
import static org.apppasswords.auth.ThrottleFixture.fail;
import static org.apppasswords.auth.ThrottleFixture.login;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The draft-JMAP {@code /authentication} view refuses a TOTP user's bare primary password: that
 * refusal is a failure like any other, so it neither clears a count (which would tell a guesser
 * that the password is right, and let them reset the counts between code guesses) nor goes unseen.
 */
class DraftJmapThrottleTest {
    private LoginFixture fixture;
    private PrimaryPasswordOnlyUsersRepository tokenEndpoint;

    @BeforeEach
    void setUp() throws Exception {
        fixture = ThrottleFixture.create();
        fixture.enableTotp(ALICE);
        tokenEndpoint = fixture.primaryPasswordOnly();
    }

    private boolean tokenLogin(String presented) throws Exception {
        MDC.put("ip", ATTACKER);
        try {
            return tokenEndpoint.test(ALICE, presented);
        } finally {
            MDC.remove("ip");
        }
    }

    @Test
    void aTotpUsersRightBarePasswordShouldCountAsAFailureAndClearNothing() throws Exception {
        fail(fixture, ATTACKER, ALICE, ADDRESS_MAX - 1);

        assertThat(tokenLogin(ALICE_PASSWORD)).isFalse();

        assertThat(login(fixture, ATTACKER, ALICE, ALICE_PASSWORD + "$" + fixture.currentCode())).as("locked").isFalse();
    }
}
