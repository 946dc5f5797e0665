package org.apppasswords.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.throttle.ClientAddress;
import org.apppasswords.throttle.LoginFailure;
import org.apppasswords.throttle.LoginFailureStore;

/**
 * Failed attempts and successes held in this JVM only: one node, and a restart forgets them. Every
 * method holds the store's lock; the throttle's cap ({@code throttle.maxRecords}) bounds the heap
 * as it bounds a database. Each failure is also indexed by account and by address, as the
 * database's indexes do, so that a read under the lock touches only the rows it returns: a scan of
 * a store filled to the cap took about 50 ms per login, every login of the node waiting in turn.
 */
public final class MemoryLoginFailureStore implements LoginFailureStore {
    /** By (account, address, fingerprint), as the database's primary key. */
    private final Map<List<Object>, LoginFailure> failures = new HashMap<>();
    private final Map<Username, Set<LoginFailure>> byUser = new HashMap<>();
    private final Map<ClientAddress, Set<LoginFailure>> byAddress = new HashMap<>();
    /** By (account, address). */
    private final Map<List<Object>, Instant> successes = new HashMap<>();

    @Override
    public synchronized History read(Username user, ClientAddress address, Instant since) {
        List<LoginFailure> found = new ArrayList<>();
        for (LoginFailure failure : byUser.getOrDefault(user, Set.of())) {
            if (!failure.at().isBefore(since)) {
                found.add(failure);
            }
        }
        for (LoginFailure failure : byAddress.getOrDefault(address, Set.of())) {
            if (!failure.user().equals(user) && !failure.at().isBefore(since)) {
                found.add(failure);
            }
        }
        Optional<Instant> lastSuccess = Optional.ofNullable(successes.get(List.of(user, address))).filter(at -> !at.isBefore(since));
        return new History(found, lastSuccess);
    }

    @Override
    public synchronized void record(LoginFailure failure) {
        Optional.ofNullable(failures.get(key(failure))).ifPresent(this::remove);
        failures.put(key(failure), failure);
        byUser.computeIfAbsent(failure.user(), user -> new HashSet<>()).add(failure);
        byAddress.computeIfAbsent(failure.address(), address -> new HashSet<>()).add(failure);
    }

    @Override
    public synchronized void succeeded(Username user, ClientAddress address, Instant at, boolean forgiveFailures, boolean noteSuccess) {
        if (forgiveFailures) {
            List.copyOf(byUser.getOrDefault(user, Set.of())).stream()
                .filter(failure -> failure.address().equals(address) && !failure.isForgiven())
                .forEach(failure -> record(failure.forgiven()));
        }
        if (noteSuccess) {
            successes.put(List.of(user, address), at);
        }
    }

    @Override
    public synchronized void forget(Username user) {
        List.copyOf(byUser.getOrDefault(user, Set.of())).forEach(this::remove);
        successes.keySet().removeIf(key -> key.get(0).equals(user));
    }

    @Override
    public synchronized long removeBefore(Instant before) {
        failures.values().stream().filter(failure -> failure.at().isBefore(before)).collect(Collectors.toList())
            .forEach(this::remove);
        successes.values().removeIf(at -> at.isBefore(before));
        return failures.size();
    }

    private void remove(LoginFailure failure) {
        failures.remove(key(failure));
        removeFrom(byUser, failure.user(), failure);
        removeFrom(byAddress, failure.address(), failure);
    }

    private static <K> void removeFrom(Map<K, Set<LoginFailure>> index, K key, LoginFailure failure) {
        Set<LoginFailure> indexed = index.get(key);
        if (indexed != null && indexed.remove(failure) && indexed.isEmpty()) {
            index.remove(key);
        }
    }

    private static List<Object> key(LoginFailure failure) {
        return List.of(failure.user(), failure.address(), failure.fingerprint());
    }
}
