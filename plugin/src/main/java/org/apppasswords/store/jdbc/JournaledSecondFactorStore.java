package org.apppasswords.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.apache.james.core.Username;
import org.apppasswords.store.PendingTotpEnrolment;
import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.TotpEnrolment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TOTP store of the embedded H2 file, where one process owns the database: an accepted step
 * goes to the {@link SpentStepJournal} (one small file write) instead of an H2 commit (about
 * 100 µs, and most of a {@code primary$CODE} login's cost), and is folded into the database in
 * one transaction every {@link #FOLD_INTERVAL}. The step each user last spent is kept in memory
 * until then, and is never lower than the database's, so accepting a step stays one atomic
 * compare-and-set (RFC 6238 section 5.2). A start first folds what an earlier process journaled.
 *
 * <p>Enabling, disabling and moving an enrolment wait for a fold in progress and first settle the
 * user's step in the database (a tombstone in the journal says so), so that a step spent under an
 * old enrolment never reaches a new one, and one spent under an old name moves with it. Logins
 * of TOTP users wait meanwhile (these changes are rare: a few milliseconds, at worst the pool's
 * timeout). Never used for a database that other nodes share: their logins would not see the
 * journal.
 */
final class JournaledSecondFactorStore implements SecondFactorStore, AutoCloseable {
    static final Duration FOLD_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOGGER = LoggerFactory.getLogger(JournaledSecondFactorStore.class);

    private final JdbcSecondFactorStore database;
    private final SpentStepJournal journal;
    private final ScheduledExecutorService folder;
    /** Held by a fold and by every change of an enrolment, never by a login. */
    private final ReentrantLock enrolmentChanges = new ReentrantLock();
    private final Object lock = new Object();
    /** The last step of users read or spent lately; at least what the database holds. Guarded by {@link #lock}. */
    private final Map<Username, Long> lastSteps = new HashMap<>();
    /** The steps spent since the last fold. Guarded by {@link #lock}. */
    private Map<Username, Long> unfolded = new HashMap<>();
    /**
     * Bumped after every database write of this class (a fold, a settled change), and when entries
     * leave {@link #lastSteps}: a database read begun under an older generation may be stale, so
     * it is neither kept nor trusted. Guarded by {@link #lock}.
     */
    private long generation;

    private JournaledSecondFactorStore(JdbcSecondFactorStore database, SpentStepJournal journal) {
        this.database = database;
        this.journal = journal;
        this.folder = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "app-passwords-spent-steps");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Folds the journals an earlier process left in {@code directory} into the database, then journals there. */
    static JournaledSecondFactorStore open(JdbcSecondFactorStore database, Path directory) {
        return open(database, directory, FOLD_INTERVAL);
    }

    /** {@code foldInterval}: tests choose when folds happen by making it long and calling {@link #fold}. */
    static JournaledSecondFactorStore open(JdbcSecondFactorStore database, Path directory, Duration foldInterval) {
        SpentStepJournal journal = SpentStepJournal.open(directory);
        try {
            Map<Username, Long> left = SpentStepJournal.replay(directory);
            database.raiseLastUsedSteps(left);
            journal.deleteSegmentsBefore(journal.currentSegment());
            LOGGER.info("Spent TOTP steps are journaled in {}; {} left by the previous run were folded into the database", directory, left.size());
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        JournaledSecondFactorStore store = new JournaledSecondFactorStore(database, journal);
        long interval = foldInterval.toMillis();
        store.folder.scheduleWithFixedDelay(store::foldQuietly, interval, interval, TimeUnit.MILLISECONDS);
        return store;
    }

    @Override
    public Optional<TotpEnrolment> find(Username user) {
        long seen = generation();
        Optional<TotpEnrolment> stored = database.find(user);
        if (stored.isEmpty()) {
            return stored;
        }
        synchronized (lock) {
            return stored.map(enrolment -> {
                long last = Math.max(enrolment.lastUsedStep(), lastSteps.getOrDefault(user, TotpEnrolment.NO_STEP_USED));
                if (generation == seen) {
                    // Kept for the spend that usually follows, which then needs no second read.
                    lastSteps.put(user, last);
                }
                return enrolment.withLastUsedStep(last);
            });
        }
    }

    @Override
    public boolean advanceLastUsedStep(Username user, long step) {
        while (true) {
            long seen;
            synchronized (lock) {
                Long last = lastSteps.get(user);
                if (last != null) {
                    return spend(user, step, last);
                }
                seen = generation;
            }
            OptionalLong stored = database.lastUsedStep(user);
            synchronized (lock) {
                if (generation == seen) {
                    return stored.isPresent()
                        && spend(user, step, Math.max(stored.getAsLong(), lastSteps.getOrDefault(user, TotpEnrolment.NO_STEP_USED)));
                }
            }
        }
    }

    /** Holds {@link #lock}. The journal is written first: when it cannot be, nothing is spent. */
    private boolean spend(Username user, long step, long last) {
        if (step <= last) {
            return false;
        }
        journal.append(user, step);
        lastSteps.put(user, step);
        unfolded.put(user, step);
        return true;
    }

    @Override
    public boolean enable(Username user, TotpEnrolment enrolment) {
        return whileSettled(() -> database.enable(user, enrolment), user);
    }

    @Override
    public boolean disable(Username user) {
        return whileSettled(() -> database.disable(user), user);
    }

    @Override
    public boolean moveTo(Username from, Username to) {
        return whileSettled(() -> database.moveTo(from, to), from, to);
    }

    @Override
    public void startEnrolment(Username user, PendingTotpEnrolment pending) {
        database.startEnrolment(user, pending);
    }

    @Override
    public Optional<PendingTotpEnrolment> findPendingEnrolment(Username user) {
        return database.findPendingEnrolment(user);
    }

    @Override
    public boolean consumeRecoveryCode(Username user, String encodedHash) {
        return database.consumeRecoveryCode(user, encodedHash);
    }

    /**
     * Writes the users' spent steps to the database and forgets them, then changes their
     * enrolments, with spending held off meanwhile: a login under a name being moved either
     * spends before (and its step moves) or finds the enrolment gone.
     */
    private boolean whileSettled(BooleanSupplier change, Username... users) {
        enrolmentChanges.lock();
        try {
            synchronized (lock) {
                Map<Username, Long> spent = new HashMap<>();
                for (Username user : users) {
                    Optional.ofNullable(unfolded.get(user)).ifPresent(step -> spent.put(user, step));
                }
                database.raiseLastUsedSteps(spent);
                for (Username user : users) {
                    journal.append(user, SpentStepRecords.TOMBSTONE);
                    unfolded.remove(user);
                    lastSteps.remove(user);
                }
                try {
                    return change.getAsBoolean();
                } finally {
                    generation++;
                }
            }
        } finally {
            enrolmentChanges.unlock();
        }
    }

    /**
     * Writes the steps spent since the last fold in one transaction, deletes the journal segments
     * that held them, and forgets every step the database now holds, so memory follows recent
     * logins only. When the write fails, the steps stay pending and their segments stay.
     */
    void fold() {
        enrolmentChanges.lock();
        try {
            Map<Username, Long> folding;
            long firstToKeep;
            synchronized (lock) {
                if (journal.holdsRecords()) {
                    journal.startNextSegment();
                }
                firstToKeep = journal.currentSegment();
                folding = unfolded;
                unfolded = new HashMap<>();
            }
            boolean written = false;
            try {
                database.raiseLastUsedSteps(folding);
                written = true;
            } finally {
                if (!written) {
                    synchronized (lock) {
                        folding.forEach((user, step) -> unfolded.merge(user, step, Math::max));
                    }
                }
            }
            synchronized (lock) {
                // Every other step is in the database now, including those find() kept: read again when needed.
                lastSteps.keySet().retainAll(unfolded.keySet());
                generation++;
            }
            journal.deleteSegmentsBefore(firstToKeep);
        } finally {
            enrolmentChanges.unlock();
        }
    }

    private void foldQuietly() {
        try {
            fold();
        } catch (Throwable e) {
            // Whatever it is: a scheduled task that throws is never run again, and folds must go on.
            LOGGER.warn("Spent TOTP steps could not be folded into the database; they stay journaled and will be tried again: {}",
                e.getMessage());
        }
    }

    /** For tests that empty the tables behind the store's back. */
    void forgetEverything() {
        enrolmentChanges.lock();
        try {
            synchronized (lock) {
                lastSteps.clear();
                unfolded.clear();
                generation++;
            }
        } finally {
            enrolmentChanges.unlock();
        }
    }

    /** How many users' steps are in memory: for tests of what a fold forgets. */
    int stepsInMemory() {
        synchronized (lock) {
            return lastSteps.size();
        }
    }

    private long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /** Folds what is left, so that the next start has nothing to replay; what cannot be folded stays journaled. */
    @Override
    public void close() {
        folder.shutdownNow();
        foldQuietly();
        synchronized (lock) {
            journal.close();
        }
    }
}
