package org.apppasswords.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the failure store bounded: at most once a minute per node, on a daemon thread of its own
 * (never a login's thread), forgets what is older than {@code throttle.forgetAfter} (it no longer
 * counts) and learns how many failures remain. Once {@code throttle.maxRecords} failures are kept,
 * failures against names James does not know are no longer written: a flood of made-up names from
 * many addresses cannot grow the store past the cap, and nothing that counts for a real account is
 * ever evicted to make room. Between two runs the node adds its own writes to the last count; the
 * writes of other nodes show at the next run.
 */
final class Housekeeping {
    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(Housekeeping.class);
    private static final ExecutorService CLEANER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "app-passwords-throttle-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    private final LoginFailureStore store;
    private final Duration forgetAfter;
    private final long maxRecords;
    private final AtomicReference<Instant> nextRun = new AtomicReference<>(Instant.MIN);
    private final AtomicLong kept = new AtomicLong();

    Housekeeping(LoginFailureStore store, Duration forgetAfter, long maxRecords) {
        this.store = store;
        this.forgetAfter = forgetAfter;
        this.maxRecords = maxRecords;
    }

    void runWhenDue(Instant now) {
        Instant due = nextRun.get();
        if (now.isBefore(due) || !nextRun.compareAndSet(due, now.plus(INTERVAL))) {
            return;
        }
        try {
            CLEANER.execute(() -> {
                try {
                    kept.set(store.removeBefore(now.minus(forgetAfter)));
                } catch (RuntimeException e) {
                    LOGGER.warn("Old login failures could not be forgotten; the next run retries: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOGGER.warn("Old login failures could not be forgotten now; the next run retries");
        }
    }

    void recorded() {
        kept.incrementAndGet();
    }

    /** Whether failures against unknown names should no longer be written. */
    boolean isFull() {
        return kept.get() >= maxRecords;
    }
}
