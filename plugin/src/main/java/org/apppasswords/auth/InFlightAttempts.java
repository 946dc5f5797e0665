package org.apppasswords.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The primary-path attempts this node has begun and not yet settled, per scope: the part of a
 * count that the shared store cannot hold yet, because an attempt is written there only once its
 * secret has been checked and found wrong. An attempt enters its scopes <em>before</em> it reads
 * the store and leaves them only <em>after</em> its failure is written, so that of two racing
 * attempts each one sees the other either here or in what it read (docs/throttling.md).
 */
final class InFlightAttempts {
    private final ConcurrentHashMap<ScopeKey, Integer> counts = new ConcurrentHashMap<>();

    /** One more attempt in {@code key}; how many are now in flight there, this one included. */
    int enter(ScopeKey key) {
        return counts.merge(key, 1, Integer::sum);
    }

    /** One attempt fewer in {@code key}; the entry goes when none is left, so that the map holds only live attempts. */
    void leave(ScopeKey key) {
        counts.computeIfPresent(key, (scope, count) -> count == 1 ? null : count - 1);
    }

    /** How many scopes have an attempt in flight (tests: every attempt leaves). */
    int scopesInFlight() {
        return counts.size();
    }
}
