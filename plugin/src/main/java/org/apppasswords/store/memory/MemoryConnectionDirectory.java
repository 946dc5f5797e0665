package org.apppasswords.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.james.core.Username;
import org.apppasswords.signout.ConnectionDirectory;
import org.apppasswords.signout.ListedConnection;
import org.apppasswords.signout.SignedInConnection;

/** The directory of live connections of one node, kept by the memory store as the database would keep it. */
public final class MemoryConnectionDirectory implements ConnectionDirectory {
    private final Map<String, Instant> aliveAt = new HashMap<>();
    private final Map<String, Map<Username, List<ListedConnection>>> published = new HashMap<>();

    @Override
    public synchronized void publish(String instance, String node, Username user, List<SignedInConnection> connections) {
        List<ListedConnection> listed = new ArrayList<>();
        connections.forEach(connection -> listed.add(new ListedConnection(node, connection)));
        published.computeIfAbsent(instance, any -> new HashMap<>()).put(user, listed);
    }

    @Override
    public synchronized boolean alive(String instance, Instant at) {
        return aliveAt.put(instance, at) != null;
    }

    @Override
    public synchronized List<ListedConnection> of(Username user, Instant aliveSince, String except) {
        List<ListedConnection> listed = new ArrayList<>();
        published.forEach((instance, byUser) -> {
            boolean alive = !aliveAt.getOrDefault(instance, Instant.MIN).isBefore(aliveSince);
            if (alive && !instance.equals(except)) {
                listed.addAll(byUser.getOrDefault(user, List.of()));
            }
        });
        return listed;
    }

    @Override
    public synchronized void forget(String instance) {
        aliveAt.remove(instance);
        published.remove(instance);
    }

    @Override
    public synchronized void forgetSilentSince(Instant before) {
        aliveAt.entrySet().removeIf(entry -> entry.getValue().isBefore(before));
        published.keySet().removeIf(instance -> !aliveAt.containsKey(instance));
    }
}
