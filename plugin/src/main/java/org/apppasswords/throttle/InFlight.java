package org.apppasswords.throttle;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The attempts this node has admitted and not yet settled, per scope and value: the part of a count
 * that the shared store cannot hold yet, because a failure is written only once its secret has been
 * checked. An attempt takes its places <em>before</em> it reads the store and leaves them only
 * <em>after</em> its failure is written, so that of two racing attempts each sees the other either
 * here or in what it read: parallel guesses cannot slip past a limit. Attempts carrying the same
 * value are one guess and take one place (a mail client opening five connections with one password).
 */
final class InFlight {
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "app-passwords-throttle-held-places");
        thread.setDaemon(true);
        return thread;
    });

    /** Per scope, how many attempts carry each value's fingerprint; changed only inside {@code compute}. */
    private final ConcurrentHashMap<Scope, Map<String, Integer>> attempts = new ConcurrentHashMap<>();

    /** Takes a place in each of {@code scopes} for the value whose fingerprint is {@code fingerprint}. */
    Places enter(List<Scope> scopes, String fingerprint) {
        Map<Scope, Integer> distinct = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            int[] values = new int[1];
            attempts.compute(scope, (key, counts) -> {
                Map<String, Integer> updated = counts == null ? new HashMap<>() : counts;
                updated.merge(fingerprint, 1, Integer::sum);
                values[0] = updated.size();
                return updated;
            });
            distinct.put(scope, values[0]);
        }
        return new Places(distinct, fingerprint);
    }

    private void leave(Scope scope, String fingerprint) {
        attempts.computeIfPresent(scope, (key, counts) -> {
            counts.computeIfPresent(fingerprint, (value, count) -> count == 1 ? null : count - 1);
            return counts.isEmpty() ? null : counts;
        });
    }

    /** One attempt's places, left by {@link #close}. */
    final class Places implements AutoCloseable {
        private final Map<Scope, Integer> distinct;
        private final String fingerprint;
        private boolean left;

        private Places(Map<Scope, Integer> distinct, String fingerprint) {
            this.distinct = distinct;
            this.fingerprint = fingerprint;
        }

        /** How many different values were in flight in {@code scope} when this attempt entered it, its own included. */
        int distinct(Scope scope) {
            return distinct.getOrDefault(scope, 0);
        }

        /**
         * Keeps each place for {@code holdFor} of its scope instead of leaving it now: a checked
         * failure that the store did not take still counts on this node for a while, so that a store
         * refusing writes cannot turn checked guesses into free ones.
         */
        void holdFor(Function<Scope, Duration> holdFor) {
            left = true;
            distinct.keySet().forEach(scope ->
                LATER.schedule(() -> leave(scope, fingerprint), holdFor.apply(scope).toMillis(), TimeUnit.MILLISECONDS));
        }

        @Override
        public void close() {
            if (!left) {
                left = true;
                distinct.keySet().forEach(scope -> leave(scope, fingerprint));
            }
        }
    }
}
