package org.apppasswords.signout;

import java.time.Instant;
import java.util.List;

import org.apache.james.core.Username;

/**
 * The live connections of every node sharing the store (PostgreSQL), or of this node alone (memory,
 * embedded H2): each running instance of the extension publishes its own, user by user, and says it
 * is alive ({@link DirectoryPublisher}); the lists read the connections of the instances alive.
 */
public interface ConnectionDirectory {
    /** Replaces what {@code instance}, running on the host {@code node}, published of {@code user}'s connections. */
    void publish(String instance, String node, Username user, List<SignedInConnection> connections);

    /**
     * Notes that {@code instance} is running at {@code at}; false when it was not known (it had
     * just started, or was silent long enough to be forgotten with what it published).
     */
    boolean alive(String instance, Instant at);

    /** The connections of {@code user} published by the instances alive at or after {@code aliveSince}, but {@code except}. */
    List<ListedConnection> of(Username user, Instant aliveSince, String except);

    /** Forgets an instance and what it published: it stopped. */
    void forget(String instance);

    /** Forgets the instances not alive since {@code before} (they crashed), and what they published. */
    void forgetSilentSince(Instant before);
}
