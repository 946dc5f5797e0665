package org.apppasswords.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.junit.jupiter.api.Test;

/**
 * Housekeeping on its own: at most once a minute, off the caller's thread, it forgets what is older
 * than {@code throttle.forgetAfter} and learns how many failures remain; between two runs it adds
 * this node's own writes, so that the store is full once {@code throttle.maxRecords} are kept.
 */
class HousekeepingTest {
    private static final Instant NOW = ThrottleFixture.START;
    private static final Duration FORGET_AFTER = Duration.ofHours(24);
    private static final int MAX_RECORDS = 5;
    private static final ClientAddress ADDRESS = ClientAddress.of(new LoginOrigin(Optional.of("203.0.113.7"), Optional.empty()));

    private final LoginFailureStore store = new MemoryLoginFailureStore();
    private final Housekeeping housekeeping = new Housekeeping(store, FORGET_AFTER, MAX_RECORDS);

    private void fill(int count, Instant at) {
        for (int i = 0; i < count; i++) {
            store.record(new LoginFailure(Username.of("user" + i + "@example.org"), ADDRESS, "f" + i + "-" + at, at));
        }
    }

    @Test
    void aRunShouldForgetWhatIsOlderThanForgetAfter() {
        fill(3, NOW.minus(FORGET_AFTER).minusNanos(1));
        fill(2, NOW.minus(FORGET_AFTER));

        housekeeping.runWhenDue(NOW);

        await().atMost(Duration.ofSeconds(10)).until(() -> store.removeBefore(Instant.EPOCH) == 2);
    }

    @Test
    void theStoreShouldNotBeFullBeforeARunCountedIt() {
        fill(MAX_RECORDS, NOW);

        assertThat(housekeeping.isFull()).isFalse();
    }

    @Test
    void theStoreShouldBeFullOnceARunCountedMaxRecords() {
        fill(MAX_RECORDS, NOW);

        housekeeping.runWhenDue(NOW);

        await().atMost(Duration.ofSeconds(10)).until(housekeeping::isFull);
    }

    @Test
    void theNodesOwnWritesShouldCountUntilTheNextRun() {
        fill(MAX_RECORDS, NOW);
        housekeeping.runWhenDue(NOW);
        await().atMost(Duration.ofSeconds(10)).until(housekeeping::isFull);
        store.forget(Username.of("user0@example.org"));
        housekeeping.runWhenDue(NOW.plus(Housekeeping.INTERVAL));
        await().atMost(Duration.ofSeconds(10)).until(() -> !housekeeping.isFull());

        housekeeping.recorded();

        assertThat(housekeeping.isFull()).isTrue();
    }

    @Test
    void theStoreShouldNoLongerBeFullOnceOldFailuresAreForgotten() {
        fill(MAX_RECORDS, NOW);
        housekeeping.runWhenDue(NOW);
        await().atMost(Duration.ofSeconds(10)).until(housekeeping::isFull);

        housekeeping.runWhenDue(NOW.plus(FORGET_AFTER).plusSeconds(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> !housekeeping.isFull());
    }
}
