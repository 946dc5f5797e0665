package org.apppasswords.store.memory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Username;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailures;

/** Failure counters held in this JVM only: one node, and a restart forgets them. */
public final class MemoryLoginFailureStore implements LoginFailureStore {
    private final ConcurrentHashMap<Username, Map<String, LoginFailures>> byUser = new ConcurrentHashMap<>();

    @Override
    public Map<String, LoginFailures> find(Username user) {
        Map<String, LoginFailures> records = byUser.get(user);
        return records == null ? Map.of() : Map.copyOf(records);
    }

    @Override
    public boolean replace(Username user, String scope, Optional<LoginFailures> expected, LoginFailures updated) {
        boolean[] replaced = {false};
        byUser.compute(user, (name, records) -> {
            Map<String, LoginFailures> current = records == null ? new ConcurrentHashMap<>() : records;
            Optional<LoginFailures> stored = Optional.ofNullable(current.get(scope));
            boolean sameVersion = stored.map(LoginFailures::version).equals(expected.map(LoginFailures::version));
            if (sameVersion) {
                current.put(scope, updated);
                replaced[0] = true;
            }
            return current.isEmpty() ? null : current;
        });
        return replaced[0];
    }

    @Override
    public void clear(Username user, String... scopes) {
        byUser.computeIfPresent(user, (name, records) -> {
            for (String scope : scopes) {
                records.remove(scope);
            }
            return records.isEmpty() ? null : records;
        });
    }

    @Override
    public void clearAll(Username user) {
        byUser.remove(user);
    }

    @Override
    public int removeIdle(String scope, Instant idleSince, Instant now) {
        int[] removed = {0};
        for (Username user : byUser.keySet()) {
            byUser.computeIfPresent(user, (name, records) -> {
                records.entrySet().removeIf(entry -> {
                    boolean idle = matches(entry.getKey(), scope) && entry.getValue().lastFailureAt().isBefore(idleSince)
                        && !entry.getValue().isLockedAt(now);
                    removed[0] += idle ? 1 : 0;
                    return idle;
                });
                return records.isEmpty() ? null : records;
            });
        }
        return removed[0];
    }

    private static boolean matches(String stored, String scope) {
        return scope.endsWith(":") ? stored.startsWith(scope) : stored.equals(scope);
    }
}
