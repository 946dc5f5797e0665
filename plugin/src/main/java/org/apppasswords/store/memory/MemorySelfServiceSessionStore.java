package org.apppasswords.store.memory;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.james.core.Username;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.session.SelfServiceSessionStore;

/**
 * Self-service sessions held in this JVM only: a restart signs everyone out. Opening one and ending
 * all of a user's are ordered with every other change to the user's secrets by {@link MemoryGenerations}.
 */
public final class MemorySelfServiceSessionStore implements SelfServiceSessionStore {
    private final ConcurrentHashMap<String, SelfServiceSession> byDigest = new ConcurrentHashMap<>();
    private final MemoryGenerations generations;

    public MemorySelfServiceSessionStore(MemoryGenerations generations) {
        this.generations = generations;
    }

    @Override
    public boolean create(SelfServiceSession session) {
        return generations.creating(session.user(), session.generation(), () -> byDigest.put(session.tokenDigest(), session) == null)
            .isPresent();
    }

    @Override
    public Optional<SelfServiceSession> find(String tokenDigest, Instant now) {
        // The generation first, as the database reads both in one statement: never later than the session's validity.
        Optional<SelfServiceSession> stored = Optional.ofNullable(byDigest.get(tokenDigest));
        long generation = stored.map(session -> generations.current(session.user())).orElse(0L);
        return stored.filter(session -> byDigest.get(tokenDigest) == session && !session.isExpiredAt(now))
            .map(session -> session.withGeneration(generation));
    }

    @Override
    public boolean markSecondFactorVerified(String tokenDigest) {
        return byDigest.computeIfPresent(tokenDigest, (digest, session) -> new SelfServiceSession(digest, session.user(),
            session.createdAt(), session.expiresAt(), true, session.generation())) != null;
    }

    @Override
    public boolean revoke(String tokenDigest) {
        return byDigest.remove(tokenDigest) != null;
    }

    @Override
    public int revokeAll(Username user) {
        return generations.revoking(user, () -> removeWhere(session -> session.user().equals(user)));
    }

    @Override
    public int removeExpired(Instant now) {
        return removeWhere(session -> session.isExpiredAt(now));
    }

    private int removeWhere(Predicate<SelfServiceSession> condition) {
        int removed = 0;
        for (SelfServiceSession session : byDigest.values()) {
            if (condition.test(session) && byDigest.remove(session.tokenDigest(), session)) {
                removed++;
            }
        }
        return removed;
    }
}
