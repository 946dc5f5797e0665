package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.OWNER;
import static org.apppasswords.throttle.ThrottleFixture.RIGHT_PASSWORD;
import static org.apppasswords.throttle.ThrottleFixture.UNLIMITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apppasswords.configuration.ThrottleConfiguration;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * A store that cannot be read refuses every attempt unchecked (fail closed). A store that reads but
 * refuses a failure (a read-only standby, a full disk): the exception reaches the caller, and the
 * checked guess still counts on this node, its places held for its scopes' first lockout, so that
 * it is not a free one. A success the store cannot write stays a success.
 */
class StoreOutageTest {
    private final FailingWrites store = new FailingWrites(new MemoryLoginFailureStore());

    private ThrottleFixture fixture(ThrottleConfiguration configuration) {
        return new ThrottleFixture(store, configuration, new MutableClock(ThrottleFixture.START));
    }

    private ThrottleFixture fixture() {
        return fixture(ThrottleFixture.limits(ADDRESS_MAX, UNLIMITED, UNLIMITED));
    }

    private static void failUnwritten(ThrottleFixture fixture, String address, int count) {
        for (int i = 0; i < count; i++) {
            FakeCheck check = FakeCheck.refusing();
            assertThatThrownBy(() -> fixture.attempt(BOB, address, ThrottleFixture.newWrongValue(), check))
                .isInstanceOf(StoreUnavailableException.class);
            assertThat(check.runs).as("checked, then not written").hasValue(1);
        }
    }

    @Test
    void anAttemptShouldNotBeCheckedWhenTheCountsCannotBeRead() {
        ThrottleFixture fixture = fixture();
        store.refuseReads = true;
        FakeCheck check = FakeCheck.accepting();

        assertThatThrownBy(() -> fixture.attempt(BOB, OWNER, RIGHT_PASSWORD, check)).isInstanceOf(StoreUnavailableException.class);
        assertThat(check.runs).hasValue(0);
    }

    @Test
    void aFailureTheStoreRefusesShouldReachTheCaller() {
        ThrottleFixture fixture = fixture();
        store.refuseRecords = true;

        failUnwritten(fixture, ATTACKER, 1);
    }

    @Test
    void guessesThatCannotBeWrittenShouldStillLockTheAddressOnThisNode() {
        ThrottleFixture fixture = fixture();
        store.refuseRecords = true;
        failUnwritten(fixture, ATTACKER, ADDRESS_MAX);
        FakeCheck next = FakeCheck.accepting();

        Guarded guarded = fixture.attempt(BOB, ATTACKER, RIGHT_PASSWORD, next);

        assertThat(guarded.isLocked()).as("the next guess, right or not").isTrue();
        assertThat(next.runs).hasValue(0);
        assertThat(next.imitations).hasValue(1);
    }

    @Test
    void guessesThatCannotBeWrittenShouldNotLockAnotherAddress() {
        ThrottleFixture fixture = fixture();
        store.refuseRecords = true;
        failUnwritten(fixture, ATTACKER, ADDRESS_MAX);

        assertThat(fixture.logIn(BOB, OWNER)).isTrue();
    }

    @Test
    void thePlacesOfUnwrittenGuessesShouldBeLeftAfterTheFirstLockout() {
        Duration lockout = Duration.ofMillis(300);
        ThrottleConfiguration.Rule shortRule = new ThrottleConfiguration.Rule(ADDRESS_MAX, lockout, lockout);
        ThrottleFixture fixture = fixture(new ThrottleConfiguration(shortRule, ThrottleFixture.rule(UNLIMITED),
            ThrottleFixture.rule(UNLIMITED), 100, ThrottleFixture.FORGET_AFTER, ThrottleFixture.MAX_RECORDS));
        store.refuseRecords = true;
        failUnwritten(fixture, ATTACKER, ADDRESS_MAX);
        assertThat(fixture.logIn(BOB, ATTACKER)).isFalse();

        // The places are held on the node's own timer, not on the throttle's clock.
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.logIn(BOB, ATTACKER));
    }

    @Test
    void aSuccessWhoseFailuresCannotBeForgottenShouldStillBeASuccess() {
        ThrottleFixture fixture = fixture();
        fixture.fail(BOB, ATTACKER, 1);
        store.refuseSuccesses = true;

        Guarded guarded = fixture.attempt(BOB, ATTACKER, RIGHT_PASSWORD, FakeCheck.accepting());

        assertThat(guarded.outcome()).contains(Check.Outcome.ACCEPTED);
        assertThat(fixture.stored(BOB, ATTACKER).failures()).as("what the success could not forget").hasSize(1);
    }

    @Test
    void aSuccessThatCannotBeNotedShouldStillBeASuccess() {
        ThrottleFixture fixture = fixture();
        store.refuseSuccesses = true;

        Guarded guarded = fixture.attempt(BOB, OWNER, RIGHT_PASSWORD, FakeCheck.accepting());

        assertThat(guarded.outcome()).contains(Check.Outcome.ACCEPTED);
        assertThat(fixture.stored(BOB, OWNER).lastSuccessFromAddress()).isEmpty();
    }

    @Test
    void theNextSuccessShouldForgiveWhatAFailedOneCouldNot() {
        ThrottleFixture fixture = fixture();
        fixture.fail(BOB, ATTACKER, 1);
        store.refuseSuccesses = true;
        fixture.logIn(BOB, ATTACKER);
        store.refuseSuccesses = false;

        fixture.logIn(BOB, ATTACKER);

        assertThat(fixture.stored(BOB, ATTACKER).failures()).isNotEmpty().allMatch(LoginFailure::isForgiven);
    }
}
