package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.auth.LoginFixture.UNKNOWN;
import static org.apppasswords.auth.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.auth.ThrottleFixture.ACCOUNT_MAX;
import static org.apppasswords.auth.ThrottleFixture.ATTACKER;
import static org.apppasswords.auth.ThrottleFixture.LOCKOUT;
import static org.apppasswords.auth.ThrottleFixture.MAX_LOCKOUT;
import static org.apppasswords.auth.ThrottleFixture.OWNER;
import static org.apppasswords.auth.ThrottleFixture.fail;
import static org.apppasswords.auth.ThrottleFixture.login;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apppasswords.apppassword.AppPassword;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The throttle of the primary path (docs/throttling.md), driven through the decorator with an injected clock. */
class PrimaryPathThrottleTest {
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = ThrottleFixture.create();
    }

    @Test
    void theRightPasswordShouldBeAcceptedBelowTheAddressLimit() throws Exception {
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX - 1);

        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void theRightPasswordShouldBeRefusedFromALockedAddress() throws Exception {
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX);

        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isFalse();
    }

    @Test
    void theRightPasswordAndCodeShouldBeRefusedFromALockedAddressAndTheCodeNotSpent() throws Exception {
        fixture.enableTotp(ALICE);
        fail(fixture, ATTACKER, ALICE, ADDRESS_MAX);
        String code = fixture.currentCode();

        assertThat(login(fixture, ATTACKER, ALICE, ALICE_PASSWORD + "$" + code)).isFalse();
        assertThat(login(fixture, OWNER, ALICE, ALICE_PASSWORD + "$" + code)).as("the code is still unused").isTrue();
    }

    @Test
    void anAppPasswordShouldStillLogInFromALockedAddress() throws Exception {
        AppPassword appPassword = fixture.createAppPassword(BOB);
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX + ACCOUNT_MAX);

        assertThat(login(fixture, ATTACKER, BOB, appPassword.reveal())).isTrue();
    }

    @Test
    void theOwnerShouldStillSignInFromAnotherAddress() throws Exception {
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX);

        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).isTrue();
        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).as("the attacker's address stays locked").isFalse();
    }

    @Test
    void aLockedAddressShouldLockOnlyThatAccount() throws Exception {
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX);

        assertThat(login(fixture, ATTACKER, ALICE, ALICE_PASSWORD)).isTrue();
    }

    @Test
    void theLockoutShouldEndByItself() throws Exception {
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX);
        fixture.clock.advance(LOCKOUT.plusSeconds(1));

        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void eachFailureAfterALockoutShouldDoubleItUpToTheMaximum() throws Exception {
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX);
        Duration expected = LOCKOUT;
        for (int round = 0; round < 6; round++) {
            fixture.clock.advance(expected.minusSeconds(1));
            assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).as("locked in round " + round).isFalse();
            fixture.clock.advance(Duration.ofSeconds(2));
            fail(fixture, ATTACKER, BOB, 1);
            expected = expected.multipliedBy(2).compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : expected.multipliedBy(2);
        }
        fixture.clock.advance(MAX_LOCKOUT.minusSeconds(1));
        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isFalse();
        fixture.clock.advance(Duration.ofSeconds(2));
        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void lockedAttemptsShouldNotLengthenTheLockout() throws Exception {
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX);
        fail(fixture, ATTACKER, BOB, 20);
        fixture.clock.advance(LOCKOUT.plusSeconds(1));

        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void theSameWrongValueRepeatedShouldCountOnce() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(login(fixture, ATTACKER, BOB, "stale-Password")).isFalse();
        }

        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void aRepeatedValueBetweenOthersShouldStillCountOnce() throws Exception {
        login(fixture, ATTACKER, BOB, "stale-Password");
        fail(fixture, ATTACKER, BOB, 1);
        login(fixture, ATTACKER, BOB, "stale-Password");

        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).as("two failures counted, not three").isTrue();
        assertThat(fixture.loginFailures.find(BOB)).as("a success clears its address, not the account")
            .doesNotContainKey(ThrottleState.addressScope(
                new org.apppasswords.audit.LoginOrigin(java.util.Optional.of(ATTACKER), java.util.Optional.empty())));
        assertThat(fixture.loginFailures.find(BOB).get(ThrottleState.ACCOUNT).failures()).isEqualTo(2);
    }

    @Test
    void appPasswordShapedInputShouldNeverCount() throws Exception {
        for (int i = 0; i < ADDRESS_MAX + 2; i++) {
            login(fixture, ATTACKER, BOB, new org.apppasswords.apppassword.AppPasswordGenerator(fixture.random).generate().reveal());
        }

        assertThat(fixture.loginFailures.find(BOB)).isEmpty();
        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void aSuccessShouldStartTheAddressAfresh() throws Exception {
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX - 1);
        login(fixture, ATTACKER, BOB, BOB_PASSWORD);
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX - 1);

        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void failuresShouldBeForgottenAfterAQuietPeriod() throws Exception {
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX - 1);
        fixture.clock.advance(ThrottleFixture.FORGET_AFTER.plusSeconds(1));
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX - 1);

        assertThat(login(fixture, ATTACKER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void manyAddressesShouldLockTheAccountForEveryoneForAShortWhile() throws Exception {
        for (int address = 0; address < ACCOUNT_MAX; address++) {
            fail(fixture, "192.0.2." + address, BOB, 1);
        }

        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).isFalse();
        fixture.clock.advance(LOCKOUT.plusSeconds(1));
        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void attemptsWithoutAnAddressShouldShareOnePseudoAddressAndLockOnlyThemselves() throws Exception {
        fail(fixture, null, BOB, ADDRESS_MAX);

        assertThat(login(fixture, null, BOB, BOB_PASSWORD)).isFalse();
        assertThat(login(fixture, OWNER, BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void unknownUsersShouldBeCountedAndLockedLikeKnownOnes() throws Exception {
        fail(fixture, ATTACKER, UNKNOWN, ADDRESS_MAX);

        assertThat(fixture.loginFailures.find(UNKNOWN).get(ThrottleState.addressScope(
            new org.apppasswords.audit.LoginOrigin(java.util.Optional.of(ATTACKER), java.util.Optional.empty()))).isLockedAt(fixture.clock.instant()))
            .isTrue();
    }

    @Test
    void theDraftJmapTokenEndpointShouldShareTheCounters() throws Exception {
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX);
        PrimaryPasswordOnlyUsersRepository tokenEndpoint = fixture.primaryPasswordOnly();

        org.slf4j.MDC.put("ip", ATTACKER);
        try {
            assertThat(tokenEndpoint.test(BOB, BOB_PASSWORD)).isFalse();
        } finally {
            org.slf4j.MDC.remove("ip");
        }
        assertThat(tokenEndpoint.test(BOB, BOB_PASSWORD)).as("from no address").isTrue();
    }
}
