package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ALICE;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.OWNER;
import static org.apppasswords.throttle.ThrottleFixture.UNLIMITED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Only distinct values count: the same wrong value again from the same place (a mail client
 * retrying its stale password) is one failure and writes nothing more; the same value from another
 * address counts in that address's scope; different values, and one value tried against different
 * names, each count.
 */
class RepeatedValueTest {
    private static final String STALE = "last-year's password";
    private static final String OTHER_PLACE = "192.0.2.44";

    @Test
    void theSameWrongValueAgainFromTheSamePlaceShouldCountOnce() {
        ThrottleFixture fixture = ThrottleFixture.create();
        for (int i = 0; i < 20; i++) {
            fixture.fail(BOB, ATTACKER, STALE);
        }

        assertThat(fixture.logIn(BOB, ATTACKER)).isTrue();
    }

    @Test
    void theSameWrongValueAgainShouldWriteNothing() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, ATTACKER, STALE);
        List<LoginFailure> first = fixture.stored(BOB, ATTACKER).failures();
        fixture.clock.advance(Duration.ofMinutes(5));

        fixture.fail(BOB, ATTACKER, STALE);

        assertThat(fixture.stored(BOB, ATTACKER).failures()).as("not even a newer time").isEqualTo(first);
    }

    @Test
    void aRepeatedValueBetweenOthersShouldStillCountOnce() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, ATTACKER, STALE);
        fixture.fail(BOB, ATTACKER, 1);
        fixture.fail(BOB, ATTACKER, STALE);
        fixture.fail(BOB, ATTACKER, STALE);

        assertThat(fixture.logIn(BOB, ATTACKER)).as("two values counted, below the limit of 3").isTrue();
    }

    @Test
    void differentValuesShouldEachCount() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, ATTACKER, STALE);
        fixture.fail(BOB, ATTACKER, STALE + "!");
        fixture.fail(BOB, ATTACKER, STALE + "?");

        assertThat(fixture.logIn(BOB, ATTACKER)).isFalse();
    }

    @Test
    void theSameValueFromAnotherAddressShouldCountInThatAddressScope() {
        ThrottleFixture fixture = ThrottleFixture.create();
        fixture.fail(BOB, ATTACKER, STALE);
        fixture.fail(BOB, OTHER_PLACE, STALE);
        fixture.fail(BOB, OTHER_PLACE, ADDRESS_MAX - 1);

        assertThat(fixture.logIn(BOB, OTHER_PLACE)).isFalse();
        assertThat(fixture.logIn(BOB, ATTACKER)).as("one value counted from the attacker's address").isTrue();
    }

    @Test
    void theSameValueFromSeveralAddressesShouldCountOnceForTheAccount() {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(UNLIMITED, UNLIMITED, 3));
        fixture.fail(BOB, ATTACKER, STALE);
        fixture.fail(BOB, OTHER_PLACE, STALE);
        fixture.fail(BOB, "192.0.2.45", STALE);
        fixture.fail(BOB, ATTACKER, 1);

        assertThat(fixture.logIn(BOB, OWNER)).as("two values for the account, below its limit of 3").isTrue();
    }

    @Test
    void theSameValueFromSeveralAddressesShouldStillLockTheAccountWithOthers() {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(UNLIMITED, UNLIMITED, 3));
        fixture.fail(BOB, ATTACKER, STALE);
        fixture.fail(BOB, OTHER_PLACE, STALE);
        fixture.fail(BOB, ATTACKER, 2);

        assertThat(fixture.logIn(BOB, OWNER)).isFalse();
    }

    @Test
    void oneValueTriedAgainstSeveralNamesShouldCountForEachName() {
        ThrottleFixture fixture = ThrottleFixture.create(ThrottleFixture.limits(UNLIMITED, 2, UNLIMITED));
        fixture.fail(BOB, ATTACKER, "Summer2024!");
        fixture.fail(ALICE, ATTACKER, "Summer2024!");

        assertThat(fixture.logIn(ThrottleFixture.BOB, ATTACKER)).as("two guesses from the address, its limit").isFalse();
    }
}
