package org.apppasswords.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.james.core.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the sign-in history off the login path: a login only queues its sign-in (bounded: when
 * full, sign-ins are dropped, never logins), and one background thread writes the queue every
 * {@link #FLUSH_INTERVAL}. Successes and refusals wait in separate queues and successes are written
 * first, so that a flood of refusals crowds no success out of the history (nor out of the list:
 * {@link SignInHistory#REFUSALS_KEPT_PER_USER}). A success is queued at most once a
 * {@link #SUCCESS_RESOLUTION} per user, credential and address (a mail client polling would
 * otherwise push everything else out of the 50 kept). A sign-in is written only for a user James
 * knows when it is written, so that guesses at names that do not exist fill nothing, and a user
 * removed meanwhile leaves nothing to the next user of the name. At most
 * {@value #MAX_WRITES_PER_FLUSH} are written a second on each node, so that a flood costs the store
 * bounded work, and at most {@link SignInHistory#KEPT_PER_USER} of them for one user, the newest (more
 * would be deleted at once), so that one user's flood (a client logging in from a new address each time)
 * crowds no other user's sign-ins out. {@link #close()} writes what is pending; James calls it when it stops.
 */
public final class QueuedSignInRecorder implements SignInRecorder, AutoCloseable {
    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    static final Duration SUCCESS_RESOLUTION = Duration.ofMinutes(1);
    static final Duration PRUNE_INTERVAL = Duration.ofHours(1);
    static final int MAX_PENDING = 10_000;
    /** Written per {@link #FLUSH_INTERVAL} at most, on each node. */
    static final int MAX_WRITES_PER_FLUSH = 200;
    private static final Logger LOGGER = LoggerFactory.getLogger(QueuedSignInRecorder.class);

    private final SignInHistory history;
    private final Predicate<Username> knownToJames;
    private final Clock clock;
    private final BlockingQueue<Pending> successes = new ArrayBlockingQueue<>(MAX_PENDING);
    private final BlockingQueue<Pending> refusals = new ArrayBlockingQueue<>(MAX_PENDING);
    /** When each credential at an address may be recorded again: a look-up allocates nothing. */
    private final Map<CredentialAtAddress, Instant> lastSuccesses = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "app-passwords-sign-in-history");
        thread.setDaemon(true);
        return thread;
    });
    private Instant prunedAt = Instant.EPOCH;

    /** Writes on its own thread every {@link #FLUSH_INTERVAL}, until {@link #close()}. */
    public QueuedSignInRecorder(SignInHistory history, Predicate<Username> knownToJames, Clock clock) {
        this.history = history;
        this.knownToJames = knownToJames;
        this.clock = clock;
        executor.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL.toMillis(), FLUSH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues a sign-in: a map look-up and a queue offer, no store call. */
    @Override
    public void record(Username user, SignIn signIn) {
        if (signIn.outcome() == SignIn.Outcome.SUCCESS && !firstSuccessThisMinute(user, signIn)) {
            return;
        }
        BlockingQueue<Pending> queue = signIn.outcome() == SignIn.Outcome.SUCCESS ? successes : refusals;
        if (!queue.offer(new Pending(user, signIn))) {
            LOGGER.debug("Dropped a sign-in of the history: {} are waiting to be written", MAX_PENDING);
        }
    }

    private boolean firstSuccessThisMinute(Username user, SignIn signIn) {
        CredentialAtAddress key = new CredentialAtAddress(user, signIn.appPasswordId().orElse(signIn.method().apiName()), signIn.address().orElse(""));
        Instant recordableAgain = lastSuccesses.get(key);
        if (recordableAgain != null && signIn.at().isBefore(recordableAgain)) {
            return false;
        }
        if (lastSuccesses.size() >= MAX_PENDING) {
            // Bounded: forgetting only means one more row for each of these in the next minute.
            lastSuccesses.clear();
        }
        lastSuccesses.put(key, signIn.at().plus(SUCCESS_RESOLUTION));
        return true;
    }

    /**
     * Writes the queued sign-ins, successes first, at most {@value #MAX_WRITES_PER_FLUSH} (a flood
     * of refusals, or of sign-ins of distinct users, must not turn into as many writes: the rest are
     * dropped, and said once); those the store cannot take are dropped too. Once an hour, drops what
     * is older than 30 days. One flush at a time: a flush returns once the sign-ins recorded before it
     * are written, even those another flush had taken.
     */
    public synchronized void flush() {
        Batch batch = new Batch();
        batch.write(successes);
        batch.write(refusals);
        if (batch.dropped > 0) {
            LOGGER.warn("Dropped {} sign-ins of the history ({} written this time, at most {}){}", batch.dropped, batch.written,
                MAX_WRITES_PER_FLUSH, batch.failure == null ? "" : ": " + batch.failure);
        }
        Instant now = clock.instant();
        if (!now.isBefore(prunedAt.plus(PRUNE_INTERVAL))) {
            try {
                history.forgetBefore(now.minus(SignInHistory.KEPT_FOR));
                prunedAt = now;
            } catch (RuntimeException e) {
                LOGGER.warn("Could not drop sign-ins older than {}: {}", SignInHistory.KEPT_FOR, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    /** One flush's writes, counted against its cap. */
    private final class Batch {
        private int written;
        private int dropped;
        private String failure;
        private final Map<Username, Integer> writtenFor = new HashMap<>();

        /** Writes the queue's sign-ins; of one user's beyond the share, the oldest are left out (the history would delete them first). */
        void write(BlockingQueue<Pending> queue) {
            List<Pending> drained = new ArrayList<>(queue.size());
            queue.drainTo(drained);
            Map<Username, Integer> toCome = new HashMap<>();
            drained.forEach(next -> toCome.merge(next.user, 1, Integer::sum));
            for (Pending next : drained) {
                int newerOfTheUser = toCome.merge(next.user, -1, Integer::sum);
                boolean shareTaken = newerOfTheUser + writtenFor.getOrDefault(next.user, 0) >= SignInHistory.KEPT_PER_USER;
                if (written >= MAX_WRITES_PER_FLUSH || shareTaken) {
                    dropped++;
                    continue;
                }
                try {
                    // Asked at write time: a user removed since the sign-in must not leave it to the next user of the name.
                    if (knownToJames.test(next.user)) {
                        history.add(next.user, next.signIn.kept());
                        written++;
                        writtenFor.merge(next.user, 1, Integer::sum);
                    }
                } catch (RuntimeException e) {
                    dropped++;
                    failure = e.getMessage();
                }
            }
        }
    }

    private static final class Pending {
        private final Username user;
        private final SignIn signIn;

        Pending(Username user, SignIn signIn) {
            this.user = user;
            this.signIn = signIn;
        }
    }
}
