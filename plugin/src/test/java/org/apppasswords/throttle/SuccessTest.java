package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ACCOUNT_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ALICE;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A success forgets the failures of its own account from its own address, and nothing else: never
 * the account's failures from other addresses (a mail client logging in every few minutes must not
 * hand a distributed guesser a fresh account budget), nor other accounts' failures from the address.
 * A success is never counted.
 */
class SuccessTest {
    private ThrottleFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ThrottleFixture.create();
    }

    @Test
    void aSuccessShouldStartItsAddressAfresh() {
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX - 1);
        assertThat(fixture.logIn(BOB, ATTACKER)).isTrue();
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX - 1);

        assertThat(fixture.logIn(BOB, ATTACKER)).isTrue();
        assertThat(fixture.stored(BOB, ATTACKER).failures()).hasSize(2 * (ADDRESS_MAX - 1)).allMatch(LoginFailure::isForgiven);
    }

    /**
     * A success forgives its address's failures for that account only: a guesser sharing the
     * owner's address (a NAT) still meets the address-wide limit, however often the owner signs in.
     */
    @Test
    void aGuesserSharingTheOwnersAddressShouldStillMeetTheAddressWideLimit() {
        int addressWideMax = 4 * (ADDRESS_MAX - 1);
        ThrottleFixture shared = ThrottleFixture.create(ThrottleFixture.limits(ADDRESS_MAX, addressWideMax, ACCOUNT_MAX));
        for (int guesses = 0; guesses < addressWideMax; guesses += ADDRESS_MAX - 1) {
            assertThat(shared.logIn(BOB, ATTACKER)).as("the owner, after %d guesses from the same address", guesses).isTrue();
            shared.fail(BOB, ATTACKER, ADDRESS_MAX - 1);
        }

        assertThat(shared.logIn(BOB, ATTACKER)).as("the shared address, past the address-wide limit").isFalse();
    }

    @Test
    void aSuccessShouldNotForgetTheAccountsFailuresFromOtherAddresses() {
        for (int i = 0; i < ACCOUNT_MAX - 1; i++) {
            fixture.fail(BOB, "192.0.2." + i, 1);
        }
        assertThat(fixture.logIn(BOB, OWNER)).isTrue();
        fixture.fail(BOB, "192.0.2.200", 1);

        assertThat(fixture.logIn(BOB, "192.0.2.201")).as("the account limit is reached").isFalse();
    }

    @Test
    void aSuccessShouldNotForgetAnotherAccountsFailuresFromTheAddress() {
        fixture.fail(ALICE, ATTACKER, ADDRESS_MAX - 1);
        assertThat(fixture.logIn(BOB, ATTACKER)).isTrue();
        fixture.fail(ALICE, ATTACKER, 1);

        assertThat(fixture.logIn(ALICE, ATTACKER)).isFalse();
    }

    @Test
    void successesShouldNeverCount() {
        for (int i = 0; i < ACCOUNT_MAX * 2; i++) {
            assertThat(fixture.logIn(BOB, "192.0.2." + i)).isTrue();
            assertThat(fixture.logIn(BOB, null)).isTrue();
        }

        assertThat(fixture.kept()).isZero();
    }

    @Test
    void aSuccessShouldReturnWhatTheCheckFound() {
        Guarded guarded = fixture.attempt(BOB, OWNER, ThrottleFixture.RIGHT_PASSWORD, FakeCheck.accepting());

        assertThat(guarded.isLocked()).isFalse();
        assertThat(guarded.lockedUntil()).isEmpty();
        assertThat(guarded.outcome()).contains(Check.Outcome.ACCEPTED);
    }

    @Test
    void aFailureShouldReturnWhatTheCheckFound() {
        assertThat(fixture.attempt(BOB, OWNER, "wrong", FakeCheck.refusing()).outcome()).contains(Check.Outcome.REFUSED);
        assertThat(fixture.attempt(Username.of("nobody@example.org"), OWNER, "wrong", FakeCheck.refusingUnknownAccount()).outcome())
            .contains(Check.Outcome.REFUSED_UNKNOWN_ACCOUNT);
    }
}
