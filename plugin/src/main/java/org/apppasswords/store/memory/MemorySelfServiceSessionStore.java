package org.apppasswords.store.memory;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.james.core.Username;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.session.SelfServiceSessionStore;

/** Self-service sessions held in this JVM only: a restart signs everyone out. */
public final class MemorySelfServiceSessionStore implements SelfServiceSessionStore {
    private final ConcurrentHashMap<String, SelfServiceSession> byDigest = new ConcurrentHashMap<>();

    @Override
    public void create(SelfServiceSession session) {
        byDigest.put(session.tokenDigest(), session);
    }

    @Override
    public Optional<SelfServiceSession> find(String tokenDigest, Instant now) {
        return Optional.ofNullable(byDigest.get(tokenDigest))
            .filter(session -> !session.isExpiredAt(now));
    }

    @Override
    public boolean markSecondFactorVerified(String tokenDigest) {
        return byDigest.computeIfPresent(tokenDigest, (digest, session) -> new SelfServiceSession(digest, session.user(),
            session.createdAt(), session.expiresAt(), true)) != null;
    }

    @Override
    public boolean revoke(String tokenDigest) {
        return byDigest.remove(tokenDigest) != null;
    }

    @Override
    public int revokeAll(Username user) {
        return removeWhere(session -> session.user().equals(user));
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
