package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.FORGET_AFTER;
import static org.apppasswords.throttle.ThrottleFixture.UNLIMITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.configuration.ThrottleConfiguration;
import org.junit.jupiter.api.Test;

/**
 * {@code throttle.maxRecords}: once housekeeping has counted that many failures in the store,
 * failures against names James does not know are no longer written, while those of real accounts
 * still are, and nothing is evicted to make room.
 */
class RecordCapTest {
    private static final int MAX_RECORDS = 20;
    private static final Username NOBODY = Username.of("nobody@example.org");

    private final AtomicInteger probes = new AtomicInteger();

    private static ThrottleFixture capped(int maxRecords) {
        return ThrottleFixture.create(new ThrottleConfiguration(ThrottleFixture.rule(ADDRESS_MAX), ThrottleFixture.rule(UNLIMITED),
            ThrottleFixture.rule(UNLIMITED), 100, FORGET_AFTER, maxRecords));
    }

    /** {@code count} failures of other names from other addresses, already in the store when the node starts. */
    private static void fill(ThrottleFixture fixture, int count) {
        for (int i = 0; i < count; i++) {
            fixture.store.record(new LoginFailure(Username.of("earlier" + i + "@example.org"), address("198.51.100." + i), "f" + i,
                fixture.clock.instant()));
        }
    }

    private static ClientAddress address(String address) {
        return ClientAddress.of(new LoginOrigin(Optional.of(address), Optional.empty()));
    }

    /** Waits until the node's first housekeeping has counted the store: a failure against an unknown name is no longer written. */
    private void awaitTheStoreCountedFull(ThrottleFixture fixture) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            int probe = probes.incrementAndGet();
            Username name = Username.of("probe" + probe + "@example.org");
            String from = "198.18." + (probe / 250) + "." + (probe % 250);
            fixture.attempt(name, from, "guess", FakeCheck.refusingUnknownAccount());
            assertThat(fixture.stored(name, from).failures()).isEmpty();
        });
    }

    private void failUnknown(ThrottleFixture fixture, int count) {
        for (int i = 0; i < count; i++) {
            Guarded guarded = fixture.attempt(NOBODY, ATTACKER, ThrottleFixture.newWrongValue(), FakeCheck.refusingUnknownAccount());
            assertThat(guarded.outcome()).contains(Check.Outcome.REFUSED_UNKNOWN_ACCOUNT);
        }
    }

    @Test
    void belowTheCapFailuresAgainstUnknownNamesShouldBeCountedLikeAnyOther() {
        ThrottleFixture fixture = capped(MAX_RECORDS);
        failUnknown(fixture, ADDRESS_MAX);

        assertThat(fixture.stored(NOBODY, ATTACKER).failures()).hasSize(ADDRESS_MAX);
        assertThat(fixture.logIn(NOBODY, ATTACKER)).isFalse();
    }

    @Test
    void onceTheCapIsReachedFailuresAgainstUnknownNamesShouldNotBeWritten() {
        ThrottleFixture fixture = capped(MAX_RECORDS);
        fill(fixture, MAX_RECORDS);
        awaitTheStoreCountedFull(fixture);
        long kept = fixture.kept();

        failUnknown(fixture, ADDRESS_MAX);

        assertThat(fixture.kept()).isEqualTo(kept);
        assertThat(fixture.lockouts.started).isEmpty();
    }

    @Test
    void onceTheCapIsReachedFailuresOfRealAccountsShouldStillBeWrittenAndLock() {
        ThrottleFixture fixture = capped(MAX_RECORDS);
        fill(fixture, MAX_RECORDS);
        awaitTheStoreCountedFull(fixture);
        long kept = fixture.kept();

        fixture.fail(BOB, ATTACKER, ADDRESS_MAX);

        assertThat(fixture.kept()).isEqualTo(kept + ADDRESS_MAX);
        assertThat(fixture.logIn(BOB, ATTACKER)).isFalse();
    }

    @Test
    void nothingShouldBeEvictedToMakeRoom() {
        ThrottleFixture fixture = capped(MAX_RECORDS);
        fill(fixture, MAX_RECORDS);
        awaitTheStoreCountedFull(fixture);

        failUnknown(fixture, ADDRESS_MAX);
        fixture.fail(BOB, ATTACKER, ADDRESS_MAX);

        for (int i = 0; i < MAX_RECORDS; i++) {
            assertThat(fixture.stored(Username.of("earlier" + i + "@example.org"), "198.51.100." + i).failures()).hasSize(1);
        }
    }

    @Test
    void theCapShouldCountTheNodesOwnWrites() {
        ThrottleFixture fixture = capped(MAX_RECORDS);
        fill(fixture, MAX_RECORDS - ADDRESS_MAX);
        awaitTheStoreCountedFull(fixture);
        long kept = fixture.kept();

        failUnknown(fixture, 1);

        assertThat(fixture.kept()).isEqualTo(kept);
    }

    @Test
    void onceTheCapIsReachedGuessesAtAnUnknownNameShouldNoLongerLockIt() {
        // The documented price of the cap (docs/throttling.md, known limits): while it is reached,
        // an unknown name is never locked, and a real one is.
        ThrottleFixture fixture = capped(MAX_RECORDS);
        fill(fixture, MAX_RECORDS);
        awaitTheStoreCountedFull(fixture);

        failUnknown(fixture, ADDRESS_MAX * 2);

        assertThat(fixture.logIn(NOBODY, ATTACKER)).isTrue();
    }
}
