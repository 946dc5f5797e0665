package org.apppasswords.store.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apppasswords.store.LoginFailureChange;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailures;

/**
 * Failure counters held in this JVM only: one node, and a restart forgets them. Bounded, so that
 * guesses at made-up names cannot fill the heap: at most {@link #DEFAULT_MAX_KEYS} names (the
 * oldest name's records go first) and {@link #MAX_SCOPES_PER_KEY} scopes per name (the address or
 * trusted-address scope with the oldest time goes first).
 */
public final class MemoryLoginFailureStore implements LoginFailureStore {
    public static final int DEFAULT_MAX_KEYS = 100_000;
    static final int MAX_SCOPES_PER_KEY = 1_000;

    private final ConcurrentHashMap<Username, Map<String, LoginFailures>> byUser = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Username> insertionOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int maxKeys;

    public MemoryLoginFailureStore() {
        this(DEFAULT_MAX_KEYS);
    }

    public MemoryLoginFailureStore(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    @Override
    public Map<Username, Map<String, LoginFailures>> findAll(Collection<Username> users) {
        Map<Username, Map<String, LoginFailures>> found = new HashMap<>();
        for (Username user : users) {
            Map<String, LoginFailures> records = byUser.get(user);
            if (records != null && !records.isEmpty()) {
                found.put(user, Map.copyOf(records));
            }
        }
        return found;
    }

    /** Checks every change against the records as the changes before it leave them, then writes them all: under the store's lock, like every write. */
    @Override
    public synchronized boolean apply(List<LoginFailureChange> changes) {
        Map<List<Object>, Optional<LoginFailures>> staged = new LinkedHashMap<>();
        for (LoginFailureChange change : changes) {
            List<Object> key = List.of(change.user(), change.scope());
            if (!change.isRemoval()) {
                Optional<LoginFailures> current = staged.containsKey(key) ? staged.get(key) : stored(change.user(), change.scope());
                if (!current.map(LoginFailures::version).equals(change.expected().map(LoginFailures::version))) {
                    return false;
                }
            }
            staged.put(key, change.isRemoval() ? Optional.empty() : Optional.of(change.updated()));
        }
        staged.forEach((key, record) -> write((Username) key.get(0), (String) key.get(1), record));
        return true;
    }

    private Optional<LoginFailures> stored(Username user, String scope) {
        return Optional.ofNullable(byUser.getOrDefault(user, Map.of()).get(scope));
    }

    private void write(Username user, String scope, Optional<LoginFailures> record) {
        if (record.isEmpty()) {
            clear(user, scope);
            return;
        }
        boolean[] added = {false};
        byUser.compute(user, (name, records) -> {
            added[0] = records == null;
            Map<String, LoginFailures> current = records == null ? new ConcurrentHashMap<>() : records;
            current.put(scope, record.get());
            dropOldestScopeBeyondCap(current);
            return current.isEmpty() ? null : current;
        });
        if (added[0]) {
            insertionOrder.add(user);
            queued.incrementAndGet();
            dropOldestKeysBeyondCap();
        }
    }

    private static void dropOldestScopeBeyondCap(Map<String, LoginFailures> records) {
        while (records.size() > MAX_SCOPES_PER_KEY) {
            records.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("address:") || entry.getKey().startsWith("trusted:"))
                .min(Comparator.comparing(entry -> entry.getValue().lastFailureAt()))
                .ifPresentOrElse(entry -> records.remove(entry.getKey()), () -> records.clear());
        }
    }

    private void dropOldestKeysBeyondCap() {
        while (byUser.size() > maxKeys) {
            Username oldest = insertionOrder.poll();
            if (oldest == null) {
                return;
            }
            queued.decrementAndGet();
            byUser.remove(oldest);
        }
        if (queued.get() > 2L * maxKeys) {
            // Names cleared and added again are queued more than once: start the order afresh.
            synchronized (insertionOrder) {
                insertionOrder.clear();
                insertionOrder.addAll(byUser.keySet());
                queued.set(insertionOrder.size());
            }
        }
    }

    @Override
    public synchronized void clear(Username user, String... scopes) {
        byUser.computeIfPresent(user, (name, records) -> {
            for (String scope : scopes) {
                records.remove(scope);
            }
            return records.isEmpty() ? null : records;
        });
    }

    @Override
    public synchronized void clearAll(Username user) {
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
