package org.apppasswords.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The primary-path attempts this node has begun and not yet settled, per scope and value: the
 * part of a count that the shared store cannot hold yet, because an attempt is written there only
 * once its secret has been checked and found wrong. An attempt enters its scopes <em>before</em> it
 * reads the store and leaves them only <em>after</em> its failure is written, so that of two racing
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

    /** Per scope, the fingerprints of the values in flight and how many attempts carry each; changed only inside {@code compute}. */
    private final ConcurrentHashMap<ScopeKey, Map<String, Integer>> inFlight = new ConcurrentHashMap<>();

    /**
     * One more attempt with the value whose fingerprint is {@code fingerprint} in {@code key}; how
     * many distinct values are now in flight there, this one included. Attempts carrying the same
     * value are one guess: a mail client opening several connections with one password takes one
     * place, a guesser trying several values takes one each.
     */
    int enter(ScopeKey key, String fingerprint) {
        int[] distinct = new int[1];
        inFlight.compute(key, (scope, values) -> {
            Map<String, Integer> counts = values == null ? new HashMap<>() : values;
            counts.merge(fingerprint, 1, Integer::sum);
            distinct[0] = counts.size();
            return counts;
        });
        return distinct[0];
    }

    /** One attempt fewer with that value in {@code key}; entries go when none is left, so that the map holds only live attempts. */
    void leave(ScopeKey key, String fingerprint) {
        inFlight.computeIfPresent(key, (scope, counts) -> {
            counts.computeIfPresent(fingerprint, (value, count) -> count == 1 ? null : count - 1);
            return counts.isEmpty() ? null : counts;
        });
    }

    /** {@link #leave} once {@code delay} has passed: the place of a failure the store did not take. */
    void leaveAfter(ScopeKey key, String fingerprint, Duration delay) {
        LATER.schedule(() -> leave(key, fingerprint), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
