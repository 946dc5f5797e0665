package org.apppasswords.auth;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The primary-path attempts this node has begun and not yet settled, per scope: the part of a
 * count that the shared store cannot hold yet, because an attempt is written there only once its
 * secret has been checked and found wrong. An attempt enters its scopes <em>before</em> it reads
 * the store and leaves them only <em>after</em> its failure is written, so that of two racing
 * attempts each one sees the other either here or in what it read (docs/throttling.md). A failure
 * that could not be written keeps its places for a while instead ({@link #leaveAfter}), so that a
 * store refusing writes cannot turn checked guesses into free ones.
 */
final class InFlightAttempts {
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "app-passwords-throttle-held-places");
        thread.setDaemon(true);
        return thread;
    });

    private final ConcurrentHashMap<ScopeKey, Integer> counts = new ConcurrentHashMap<>();

    /** One more attempt in {@code key}; how many are now in flight there, this one included. */
    int enter(ScopeKey key) {
        return counts.merge(key, 1, Integer::sum);
    }

    /** One attempt fewer in {@code key}; the entry goes when none is left, so that the map holds only live attempts. */
    void leave(ScopeKey key) {
        counts.computeIfPresent(key, (scope, count) -> count == 1 ? null : count - 1);
    }

    /** {@link #leave} once {@code delay} has passed: the place of a failure the store did not take. */
    void leaveAfter(ScopeKey key, Duration delay) {
        LATER.schedule(() -> leave(key), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
