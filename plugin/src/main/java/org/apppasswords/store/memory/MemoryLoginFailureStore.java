package org.apppasswords.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.throttle.ClientAddress;
import org.apppasswords.throttle.LoginFailure;
import org.apppasswords.throttle.LoginFailureStore;

/**
 * Failed attempts and successes held in this JVM only: one node, and a restart forgets them. Every
 * method holds the store's lock; the throttle's cap ({@code throttle.maxRecords}) bounds the heap
 * as it bounds a database.
 */
public final class MemoryLoginFailureStore implements LoginFailureStore {
    /** By (account, address, fingerprint), as the database's primary key. */
    private final Map<List<Object>, LoginFailure> failures = new HashMap<>();
    /** By (account, address). */
    private final Map<List<Object>, Instant> successes = new HashMap<>();

    @Override
    public synchronized History read(Username user, ClientAddress address, Instant since) {
        List<LoginFailure> found = new ArrayList<>();
        for (LoginFailure failure : failures.values()) {
            boolean concerned = failure.user().equals(user) || failure.address().equals(address);
            if (concerned && !failure.at().isBefore(since)) {
                found.add(failure);
            }
        }
        Optional<Instant> lastSuccess = Optional.ofNullable(successes.get(List.of(user, address))).filter(at -> !at.isBefore(since));
        return new History(found, lastSuccess);
    }

    @Override
    public synchronized void record(LoginFailure failure) {
        failures.put(List.of(failure.user(), failure.address(), failure.fingerprint()), failure);
    }

    @Override
    public synchronized void succeeded(Username user, ClientAddress address, Instant at, boolean forgetFailures, boolean noteSuccess) {
        if (forgetFailures) {
            failures.values().removeIf(failure -> failure.user().equals(user) && failure.address().equals(address));
        }
        if (noteSuccess) {
            successes.put(List.of(user, address), at);
        }
    }

    @Override
    public synchronized void forget(Username user) {
        failures.values().removeIf(failure -> failure.user().equals(user));
        successes.keySet().removeIf(key -> key.get(0).equals(user));
    }

    @Override
    public synchronized long removeBefore(Instant before) {
        failures.values().removeIf(failure -> failure.at().isBefore(before));
        successes.values().removeIf(at -> at.isBefore(before));
        return failures.size();
    }
}
