package org.apppasswords.store.jdbc;

import static org.apppasswords.store.SecondFactorStoreContract.ALICE;
import static org.apppasswords.store.SecondFactorStoreContract.BOB;
import static org.apppasswords.store.SecondFactorStoreContract.ENABLED_AT;
import static org.apppasswords.store.SecondFactorStoreContract.OTHER_SECRET;
import static org.apppasswords.store.SecondFactorStoreContract.STEP;
import static org.apppasswords.store.SecondFactorStoreContract.enrolment;
import static org.apppasswords.store.SecondFactorStoreContract.recoveryHashes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.james.core.Username;
import org.apppasswords.store.Concurrently;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.TotpEnrolment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the journal adds to the contract that {@code H2SecondFactorStoreTest} runs: a spent step
 * survives a crash before it reaches the database, and an enrolment change never lets an old
 * step through or lets a new one go. A crash is a copy of the journal directory as the first
 * store left it, on which a second store starts. Folds happen only when a test calls {@link
 * JournaledSecondFactorStore#fold}.
 */
class JournaledSecondFactorStoreTest {
    private static final Duration NOT_DURING_A_TEST = Duration.ofDays(1);

    @TempDir
    Path databaseDirectory;
    @TempDir
    Path workDirectory;

    private Path journalDirectory;
    private JdbcStores stores;
    private JdbcSecondFactorStore database;
    private final List<JournaledSecondFactorStore> started = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        journalDirectory = Files.createDirectory(workDirectory.resolve("journal-0"));
        openDatabase();
    }

    @AfterEach
    void tearDown() {
        started.forEach(JournaledSecondFactorStore::close);
        stores.close();
    }

    @Test
    void aSpentStepShouldBeJournaledBeforeItReachesTheDatabase() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());

        assertThat(store.advanceLastUsedStep(ALICE, STEP)).isTrue();

        assertThat(database.lastUsedStep(ALICE)).hasValue(TotpEnrolment.NO_STEP_USED);
        assertThat(SpentStepJournal.replay(journalDirectory)).isEqualTo(Map.of(ALICE, STEP));
        assertThat(store.find(ALICE).get().lastUsedStep()).isEqualTo(STEP);
        assertThat(store.advanceLastUsedStep(ALICE, STEP)).isFalse();
    }

    @Test
    void aFoldShouldWriteTheDatabaseAndDeleteTheSegmentsItSettled() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.advanceLastUsedStep(ALICE, STEP);

        store.fold();

        assertThat(database.lastUsedStep(ALICE)).hasValue(STEP);
        assertThat(SpentStepJournal.replay(journalDirectory)).isEmpty();
        assertThat(segmentFiles()).hasSize(1);
        assertThat(store.advanceLastUsedStep(ALICE, STEP)).as("read again from the database").isFalse();
        assertThat(store.advanceLastUsedStep(ALICE, STEP + 1)).isTrue();
    }

    @Test
    void aFoldShouldForgetStepsThatWereOnlyReadEvenWhenNoneWasSpent() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.enable(BOB, enrolment());
        store.find(ALICE);
        store.find(BOB);
        assertThat(store.stepsInMemory()).isEqualTo(2);

        store.fold();

        assertThat(store.stepsInMemory()).isZero();
        assertThat(store.advanceLastUsedStep(ALICE, STEP)).isTrue();
    }

    @Test
    void aFoldedStepShouldLeaveMemoryAndBeReadFromTheDatabase() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.advanceLastUsedStep(ALICE, STEP);

        store.fold();

        assertThat(store.stepsInMemory()).isZero();
        assertThat(store.find(ALICE).get().lastUsedStep()).isEqualTo(STEP);
    }

    @Test
    void aStartAfterACrashShouldRefuseAStepSpentBeforeIt() throws IOException {
        JournaledSecondFactorStore crashed = start();
        crashed.enable(ALICE, enrolment());
        crashed.advanceLastUsedStep(ALICE, STEP);

        JournaledSecondFactorStore restarted = restartAfterCrash();

        assertThat(database.lastUsedStep(ALICE)).hasValue(STEP);
        assertThat(restarted.advanceLastUsedStep(ALICE, STEP)).isFalse();
        assertThat(restarted.advanceLastUsedStep(ALICE, STEP + 1)).isTrue();
    }

    @Test
    void aSecondStoreShouldNotJournalInTheSameDirectory() {
        start();

        assertThatThrownBy(this::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
    }

    @Test
    void aStepSpentUnderADisabledEnrolmentShouldNotReachTheNextOneEvenAfterACrash() throws IOException {
        JournaledSecondFactorStore crashed = start();
        crashed.enable(ALICE, enrolment());
        crashed.advanceLastUsedStep(ALICE, STEP + 10);
        crashed.disable(ALICE);
        crashed.enable(ALICE, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT, recoveryHashes("b")));

        assertThat(crashed.advanceLastUsedStep(ALICE, STEP)).isTrue();
        restartAfterCrash();
        assertThat(database.lastUsedStep(ALICE)).hasValue(STEP);
    }

    @Test
    void moveToShouldCarryAStepStillInTheJournal() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.advanceLastUsedStep(ALICE, STEP);

        assertThat(store.moveTo(ALICE, BOB)).isTrue();

        assertThat(store.advanceLastUsedStep(ALICE, STEP + 1)).as("the old name").isFalse();
        assertThat(store.advanceLastUsedStep(BOB, STEP)).isFalse();
        assertThat(store.advanceLastUsedStep(BOB, STEP + 1)).isTrue();
    }

    @Test
    void aMovedStepShouldStayWithTheNewNameAfterACrash() throws IOException {
        JournaledSecondFactorStore crashed = start();
        crashed.enable(ALICE, enrolment());
        crashed.advanceLastUsedStep(ALICE, STEP);
        crashed.moveTo(ALICE, BOB);

        JournaledSecondFactorStore restarted = restartAfterCrash();

        assertThat(restarted.advanceLastUsedStep(BOB, STEP)).isFalse();
        assertThat(restarted.find(ALICE)).isEmpty();
    }

    @Test
    void moveToShouldKeepAStepTheTargetSpentUnderItsOwnEnrolment() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.enable(BOB, enrolment());
        store.advanceLastUsedStep(BOB, STEP);

        assertThat(store.moveTo(ALICE, BOB)).isFalse();

        assertThat(store.advanceLastUsedStep(BOB, STEP)).isFalse();
    }

    @Test
    void aFoldTheDatabaseRefusesShouldLeaveTheStepsJournaledForTheNextStart() throws IOException {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.advanceLastUsedStep(ALICE, STEP);
        stores.close();

        assertThatThrownBy(store::fold).isInstanceOf(StoreUnavailableException.class);

        openDatabase();
        restartAfterCrash();
        assertThat(database.lastUsedStep(ALICE)).hasValue(STEP);
    }

    @Test
    void stepsOfAFailedFoldShouldBeFoldedByTheNextOne() throws Exception {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.advanceLastUsedStep(ALICE, STEP);
        try (Connection blocker = stores.dataSource().getConnection()) {
            blocker.setAutoCommit(false);
            Database.update(blocker, "UPDATE totp_enrolments SET enabled_at = enabled_at WHERE username = ?", ALICE.asString());

            assertThatThrownBy(store::fold).as("the row is locked").isInstanceOf(StoreUnavailableException.class);
            blocker.rollback();
        }

        store.fold();

        assertThat(database.lastUsedStep(ALICE)).hasValue(STEP);
        assertThat(store.advanceLastUsedStep(ALICE, STEP)).isFalse();
        assertThat(restartAfterCrash().advanceLastUsedStep(ALICE, STEP)).isFalse();
    }

    @Test
    void aStepThatCannotBeJournaledShouldNotBeSpent() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.close();
        started.remove(store);

        assertThatThrownBy(() -> store.advanceLastUsedStep(ALICE, STEP)).isInstanceOf(StoreUnavailableException.class);

        assertThat(start().advanceLastUsedStep(ALICE, STEP)).isTrue();
    }

    @Test
    void anInterruptedLoginThreadShouldStillSpendWhetherItsStepIsInMemoryOrNot() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.enable(BOB, enrolment());
        store.find(ALICE);
        try {
            Thread.currentThread().interrupt();
            assertThat(store.advanceLastUsedStep(ALICE, STEP)).as("in memory").isTrue();
            Thread.currentThread().interrupt();
            assertThat(store.advanceLastUsedStep(BOB, STEP)).as("read from the database").isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(store.advanceLastUsedStep(ALICE, STEP + 1)).isTrue();
        assertThat(SpentStepJournal.replay(journalDirectory)).isEqualTo(Map.of(ALICE, STEP + 1, BOB, STEP));
    }

    @Test
    void racingSpendsShouldAcceptEachStepOnceWhileFoldsRun() throws Exception {
        JournaledSecondFactorStore store = start();
        List<Username> users = IntStream.range(0, 8).mapToObj(i -> Username.of("racer" + i + "@example.org")).collect(Collectors.toList());
        users.forEach(user -> store.enable(user, enrolment()));
        int racers = 4;
        int steps = 150;
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        CountDownLatch racing = new CountDownLatch(racers);

        Concurrently.run(racers + 1, index -> {
            if (index == racers) {
                while (racing.getCount() > 0) {
                    store.fold();
                }
                return null;
            }
            try {
                for (int step = 1; step <= steps; step++) {
                    for (Username user : users) {
                        store.find(user);
                        if (store.advanceLastUsedStep(user, STEP + step)) {
                            accepted.computeIfAbsent(user.asString() + "@" + step, key -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }
            } finally {
                racing.countDown();
            }
            return null;
        });
        store.fold();

        assertThat(accepted.values()).allMatch(count -> count.get() == 1);
        users.forEach(user -> assertThat(database.lastUsedStep(user)).hasValue(STEP + steps));
    }

    private void openDatabase() {
        // A short row-lock timeout, so that a test can make a fold fail by holding a row.
        String url = "jdbc:h2:retry:" + databaseDirectory.resolve("store") + ";LOCK_TIMEOUT=300;WRITE_DELAY=0";
        JdbcSettings settings = new JdbcSettings(url, Optional.empty(), Optional.empty(), 4, databaseDirectory.resolve("encryption.key"),
            Duration.ofSeconds(10));
        stores = JdbcStores.open(settings, new SecureRandom());
        Database opened = new Database(stores.dataSource());
        database = new JdbcSecondFactorStore(opened, new SecretColumn(EncryptionKey.open(opened, settings.keyFile(), new SecureRandom())));
    }

    private JournaledSecondFactorStore start() {
        JournaledSecondFactorStore store = JournaledSecondFactorStore.open(database, journalDirectory, NOT_DURING_A_TEST);
        started.add(store);
        return store;
    }

    /** The journal files as a SIGKILL would leave them, in a directory of their own, and a store started on them. */
    private JournaledSecondFactorStore restartAfterCrash() throws IOException {
        Path copy = Files.createDirectory(workDirectory.resolve("journal-" + started.size() + "-" + System.nanoTime()));
        for (Path segment : segmentFiles()) {
            Files.copy(segment, copy.resolve(segment.getFileName()));
        }
        journalDirectory = copy;
        return start();
    }

    private List<Path> segmentFiles() {
        try (Stream<Path> files = Files.list(journalDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".journal")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
