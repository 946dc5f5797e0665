package org.apppasswords.store.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.james.core.Username;
import org.apppasswords.store.UserGenerations;

/**
 * The per-user generations of the memory stores, shared by the three of them: every change to a
 * user's secrets runs under this object's lock, a creation only while the user's generation is the
 * one its caller read, a revocation moving it on.
 */
public final class MemoryGenerations implements UserGenerations {
    private final Map<Username, Long> generations = new HashMap<>();

    @Override
    public synchronized long current(Username user) {
        return generations.getOrDefault(user, 0L);
    }

    synchronized <T> Optional<T> creating(Username user, long generation, Supplier<T> creation) {
        return current(user) == generation ? Optional.of(creation.get()) : Optional.empty();
    }

    synchronized <T> T revoking(Username user, Supplier<T> revocation) {
        T result = revocation.get();
        generations.merge(user, 1L, Long::sum);
        return result;
    }

    synchronized <T> T revokingBoth(Username one, Username other, Supplier<T> revocation) {
        T result = revoking(one, revocation);
        generations.merge(other, 1L, Long::sum);
        return result;
    }
}
