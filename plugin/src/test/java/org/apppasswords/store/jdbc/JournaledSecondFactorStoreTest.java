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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.TotpEnrolment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the journal adds to the contract that {@code H2SecondFactorStoreTest} runs: a spent step
 * survives a crash before it reaches the database, and an enrolment change never lets an old
 * step through or lets a new one go. A "crash" is a second store opened on the same journal
 * while the first is left as it was. Folds happen only when a test calls {@link
 * JournaledSecondFactorStore#fold}.
 */
class JournaledSecondFactorStoreTest {
    private static final Duration NOT_DURING_A_TEST = Duration.ofDays(1);

    @TempDir
    Path databaseDirectory;
    @TempDir
    Path journalDirectory;

    private JdbcStores stores;
    private JdbcSecondFactorStore database;
    private final List<JournaledSecondFactorStore> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
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
    void aFoldShouldWriteTheDatabaseAndDeleteTheSegmentsItSettled() throws IOException {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.advanceLastUsedStep(ALICE, STEP);

        store.fold();

        assertThat(database.lastUsedStep(ALICE)).hasValue(STEP);
        assertThat(SpentStepJournal.replay(journalDirectory)).isEmpty();
        assertThat(journalFiles()).isEqualTo(1);
        assertThat(store.advanceLastUsedStep(ALICE, STEP)).as("read again from the database").isFalse();
        assertThat(store.advanceLastUsedStep(ALICE, STEP + 1)).isTrue();
    }

    @Test
    void aStartAfterACrashShouldRefuseAStepSpentBeforeIt() {
        JournaledSecondFactorStore crashed = start();
        crashed.enable(ALICE, enrolment());
        crashed.advanceLastUsedStep(ALICE, STEP);

        JournaledSecondFactorStore restarted = start();

        assertThat(database.lastUsedStep(ALICE)).hasValue(STEP);
        assertThat(restarted.advanceLastUsedStep(ALICE, STEP)).isFalse();
        assertThat(restarted.advanceLastUsedStep(ALICE, STEP + 1)).isTrue();
    }

    @Test
    void aStepSpentUnderADisabledEnrolmentShouldNotReachTheNextOneEvenAfterACrash() {
        JournaledSecondFactorStore crashed = start();
        crashed.enable(ALICE, enrolment());
        crashed.advanceLastUsedStep(ALICE, STEP + 10);
        crashed.disable(ALICE);
        crashed.enable(ALICE, TotpEnrolment.enabled(OTHER_SECRET, ENABLED_AT, recoveryHashes("b")));

        assertThat(crashed.advanceLastUsedStep(ALICE, STEP)).isTrue();
        start();
        assertThat(database.lastUsedStep(ALICE)).hasValue(STEP);
    }

    @Test
    void moveToShouldCarryAStepStillInTheJournal() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.advanceLastUsedStep(ALICE, STEP);

        assertThat(store.moveTo(ALICE, BOB)).isTrue();

        assertThat(store.advanceLastUsedStep(BOB, STEP)).isFalse();
        assertThat(store.advanceLastUsedStep(BOB, STEP + 1)).isTrue();
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
    void aFoldTheDatabaseRefusesShouldLeaveTheStepsJournaledForTheNextStart() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.advanceLastUsedStep(ALICE, STEP);
        stores.close();

        assertThatThrownBy(store::fold).isInstanceOf(StoreUnavailableException.class);

        openDatabase();
        start();
        assertThat(database.lastUsedStep(ALICE)).hasValue(STEP);
    }

    @Test
    void aStepThatCannotBeJournaledShouldNotBeSpent() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.close();

        assertThatThrownBy(() -> store.advanceLastUsedStep(ALICE, STEP)).isInstanceOf(StoreUnavailableException.class);

        assertThat(start().advanceLastUsedStep(ALICE, STEP)).isTrue();
    }

    @Test
    void anInterruptedLoginThreadShouldStillSpendAndLeaveTheJournalWorking() {
        JournaledSecondFactorStore store = start();
        store.enable(ALICE, enrolment());
        store.find(ALICE);
        try {
            Thread.currentThread().interrupt();
            assertThat(store.advanceLastUsedStep(ALICE, STEP)).isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(store.advanceLastUsedStep(ALICE, STEP + 1)).isTrue();
        assertThat(SpentStepJournal.replay(journalDirectory)).isEqualTo(Map.of(ALICE, STEP + 1));
    }

    private void openDatabase() {
        JdbcSettings settings = new JdbcSettings(JdbcSettings.embeddedH2Url(databaseDirectory), Optional.empty(), Optional.empty(), 4,
            databaseDirectory.resolve("encryption.key"), Duration.ofSeconds(10));
        stores = JdbcStores.open(settings, new SecureRandom());
        Database opened = new Database(stores.dataSource());
        database = new JdbcSecondFactorStore(opened, new SecretColumn(EncryptionKey.open(opened, settings.keyFile(), new SecureRandom())));
    }

    private JournaledSecondFactorStore start() {
        JournaledSecondFactorStore store = JournaledSecondFactorStore.open(database, journalDirectory, NOT_DURING_A_TEST);
        started.add(store);
        return store;
    }

    private long journalFiles() throws IOException {
        try (Stream<Path> files = Files.list(journalDirectory)) {
            return files.count();
        }
    }
}
