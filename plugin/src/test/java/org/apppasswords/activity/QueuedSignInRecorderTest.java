package org.apppasswords.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.memory.MemoryActivity;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sign-in history's writer ({@link QueuedSignInRecorder}): what it keeps, what it leaves out, what it prunes. */
class QueuedSignInRecorderTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final Username NOBODY = Username.of("nobody@example.org");
    private static final Username MALLORY = Username.of("mallory@example.org");
    private static final Set<Username> KNOWN_TO_JAMES = Set.of(ALICE, MALLORY);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final MemoryActivity history = new MemoryActivity();
    private QueuedSignInRecorder recorder = new QueuedSignInRecorder(history, KNOWN_TO_JAMES::contains, clock);

    @AfterEach
    void tearDown() {
        recorder.close();
    }

    private SignIn success(String appPasswordId, String address) {
        return new SignIn(clock.instant(), "IMAP", Optional.of(address), SignIn.Method.APP_PASSWORD, Optional.of(appPasswordId),
            Optional.of("Phone"), SignIn.Outcome.SUCCESS);
    }

    private SignIn refusal() {
        return new SignIn(clock.instant(), "IMAP", Optional.of("203.0.113.7"), SignIn.Method.PASSWORD, Optional.empty(), Optional.empty(),
            SignIn.Outcome.REFUSED);
    }

    private List<SignIn> written(Username user) {
        recorder.flush();
        return history.latest(user, Instant.EPOCH);
    }

    @Test
    void successesOfOneCredentialAndAddressShouldBeWrittenOnceAMinute() {
        recorder.record(ALICE, success("qd3k7", "203.0.113.7"));
        clock.advance(QueuedSignInRecorder.SUCCESS_RESOLUTION.minusSeconds(1));
        recorder.record(ALICE, success("qd3k7", "203.0.113.7"));

        assertThat(written(ALICE)).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        recorder.record(ALICE, success("qd3k7", "203.0.113.7"));

        assertThat(written(ALICE)).hasSize(2);
    }

    @Test
    void successesFromOtherAddressesOrCredentialsShouldEachBeWritten() {
        recorder.record(ALICE, success("qd3k7", "203.0.113.7"));
        recorder.record(ALICE, success("qd3k7", "203.0.113.8"));
        recorder.record(ALICE, success("x7k2m", "203.0.113.7"));
        recorder.record(ALICE, new SignIn(clock.instant(), "SELF-SERVICE", Optional.of("203.0.113.7"), SignIn.Method.PASSWORD,
            Optional.empty(), Optional.empty(), SignIn.Outcome.SUCCESS));

        assertThat(written(ALICE)).hasSize(4);
    }

    @Test
    void everyRefusalOfAUserKnownToJamesShouldBeWritten() {
        recorder.record(ALICE, refusal());
        recorder.record(ALICE, refusal());
        recorder.record(ALICE, refusal());

        assertThat(written(ALICE)).hasSize(3).extracting(SignIn::outcome).containsOnly(SignIn.Outcome.REFUSED);
    }

    @Test
    void refusalsOfNamesJamesDoesNotKnowShouldNotBeWritten() {
        recorder.record(NOBODY, refusal());
        recorder.record(NOBODY, refusal());

        assertThat(written(NOBODY)).isEmpty();
    }

    @Test
    void aSuccessOfAUserRemovedBeforeItIsWrittenShouldNotBeWritten() {
        Set<Username> known = new HashSet<>(Set.of(ALICE));
        recorder.close();
        recorder = new QueuedSignInRecorder(history, known::contains, clock);
        recorder.record(ALICE, success("qd3k7", "203.0.113.7"));
        known.remove(ALICE);

        assertThat(written(ALICE)).as("the next user of the name must not inherit it").isEmpty();
    }

    @Test
    void closeShouldWriteWhatIsPending() {
        recorder.record(ALICE, refusal());
        recorder.close();

        assertThat(history.latest(ALICE, Instant.EPOCH)).hasSize(1);
    }

    @Test
    void signInsOlderThanThirtyDaysShouldBePruned() {
        recorder.record(ALICE, refusal());
        recorder.flush();
        clock.advance(SignInHistory.KEPT_FOR.plusSeconds(1));
        recorder.record(ALICE, refusal());

        assertThat(written(ALICE)).extracting(SignIn::at).containsExactly(clock.instant());
    }

    @Test
    void pruningShouldHappenAtMostOnceAnHour() {
        recorder.flush();
        clock.advance(QueuedSignInRecorder.PRUNE_INTERVAL);
        recorder.flush();
        history.add(ALICE, new SignIn(clock.instant().minus(SignInHistory.KEPT_FOR).minusSeconds(1), "IMAP", Optional.empty(),
            SignIn.Method.PASSWORD, Optional.empty(), Optional.empty(), SignIn.Outcome.REFUSED));
        clock.advance(QueuedSignInRecorder.PRUNE_INTERVAL.minusSeconds(1));

        assertThat(written(ALICE)).as("pruned an hour ago: kept for now").hasSize(1);

        clock.advance(Duration.ofSeconds(1));

        assertThat(written(ALICE)).isEmpty();
    }

    @Test
    void aSignInTheStoreRefusesShouldBeDroppedAndTheNextOnesWritten() {
        AtomicInteger failuresToCome = new AtomicInteger(1);
        recorder.close();
        recorder = new QueuedSignInRecorder(new ForwardingSignInHistory(history) {
            @Override
            public void add(Username user, SignIn signIn) {
                if (failuresToCome.getAndDecrement() > 0) {
                    throw new StoreUnavailableException("down", null);
                }
                super.add(user, signIn);
            }
        }, KNOWN_TO_JAMES::contains, clock);

        recorder.record(ALICE, success("qd3k7", "203.0.113.7"));
        recorder.flush();
        recorder.record(ALICE, success("x7k2m", "203.0.113.7"));

        assertThat(written(ALICE)).extracting(signIn -> signIn.appPasswordId().get()).containsExactly("x7k2m");
    }

    @Test
    void aFullQueueShouldDropSignInsWithoutBlockingTheLogin() throws Exception {
        CountDownLatch storeStuck = new CountDownLatch(1);
        AtomicInteger added = new AtomicInteger();
        recorder.close();
        recorder = new QueuedSignInRecorder(new ForwardingSignInHistory(history) {
            @Override
            public void add(Username user, SignIn signIn) {
                try {
                    storeStuck.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                added.incrementAndGet();
            }
        }, KNOWN_TO_JAMES::contains, clock);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < QueuedSignInRecorder.MAX_PENDING + 100; i++) {
                recorder.record(ALICE, refusal());
            }
        });
        storeStuck.countDown();
        recorder.close();

        // One write's worth (the rest dropped), and perhaps one the writer had taken when the queue filled.
        assertThat(added.get()).isBetween(1, QueuedSignInRecorder.MAX_WRITES_PER_FLUSH + 1);
    }

    @Test
    void aFloodShouldCostTheStoreAtMostTheCapOfWritesPerFlush() {
        AtomicInteger added = new AtomicInteger();
        recorder.close();
        recorder = new QueuedSignInRecorder(new ForwardingSignInHistory(history) {
            @Override
            public void add(Username user, SignIn signIn) {
                added.incrementAndGet();
            }
        }, user -> true, clock);
        int flood = 5 * QueuedSignInRecorder.MAX_WRITES_PER_FLUSH;

        // Of distinct users: one user's own flood is capped lower (below).
        for (int i = 0; i < flood; i++) {
            recorder.record(Username.of("user" + i + "@example.org"), refusal());
        }
        recorder.flush();
        recorder.flush();

        // Each flush (this test's and, maybe, one of the writer's own meanwhile) writes at most the cap and drops the rest.
        assertThat(added.get()).isBetween(QueuedSignInRecorder.MAX_WRITES_PER_FLUSH, 2 * QueuedSignInRecorder.MAX_WRITES_PER_FLUSH);
    }

    /** Mallory logs in from a new address each time (each a first success this minute): Alice's sign-ins must still be written. */
    @Test
    void oneUsersFloodShouldCrowdNoOtherUsersSignInsOut() {
        for (int i = 0; i < 5 * QueuedSignInRecorder.MAX_WRITES_PER_FLUSH; i++) {
            recorder.record(MALLORY, success("m4llo", "198.51." + (i / 250) + "." + (i % 250)));
        }
        recorder.record(ALICE, success("qd3k7", "203.0.113.7"));
        recorder.record(ALICE, refusal());

        assertThat(written(ALICE)).extracting(SignIn::outcome).containsExactlyInAnyOrder(SignIn.Outcome.SUCCESS, SignIn.Outcome.REFUSED);
        assertThat(history.latest(MALLORY, Instant.EPOCH)).hasSize(SignInHistory.KEPT_PER_USER);
    }

    /** A burst of one user beyond the share of a flush: the newest are written, as the history would keep them. */
    @Test
    void aBurstOfOneUserShouldKeepItsNewestSignIns() {
        for (int i = 0; i < SignInHistory.KEPT_PER_USER + 10; i++) {
            recorder.record(ALICE, new SignIn(clock.instant(), "IMAP", Optional.of("203.0.113." + i), SignIn.Method.PASSWORD,
                Optional.empty(), Optional.empty(), SignIn.Outcome.REFUSED));
        }

        assertThat(written(ALICE).get(0).address()).contains("203.0.113." + (SignInHistory.KEPT_PER_USER + 9));
    }

    @Test
    void aFloodOfRefusalsShouldCrowdNoSuccessOut() {
        for (int i = 0; i < QueuedSignInRecorder.MAX_PENDING + 100; i++) {
            recorder.record(ALICE, refusal());
        }
        recorder.record(ALICE, success("qd3k7", "198.51.100.4"));

        List<SignIn> written = written(ALICE);
        assertThat(written).filteredOn(signIn -> signIn.outcome() == SignIn.Outcome.SUCCESS).hasSize(1);
        assertThat(written).hasSize(SignInHistory.REFUSALS_KEPT_PER_USER + 1);
    }

    /** What lets a caller (James stopping, a test's probe) rely on a flush: the background one may hold the sign-ins it waits for. */
    @Test
    void aFlushShouldReturnOnlyOnceTheSignInsAnotherFlushTookAreWritten() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        recorder.close();
        recorder = new QueuedSignInRecorder(new ForwardingSignInHistory(history) {
            @Override
            public void add(Username user, SignIn signIn) {
                writing.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.add(user, signIn);
            }
        }, KNOWN_TO_JAMES::contains, clock);
        recorder.record(ALICE, refusal());
        Thread first = new Thread(recorder::flush);
        first.start();
        writing.await(30, TimeUnit.SECONDS);
        Thread second = new Thread(recorder::flush);
        second.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> second.getState() == Thread.State.BLOCKED);
        release.countDown();
        second.join(10_000);
        assertThat(history.latest(ALICE, Instant.EPOCH)).hasSize(1);
        first.join(10_000);
    }
}
