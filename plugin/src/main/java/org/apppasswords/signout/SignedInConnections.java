package org.apppasswords.signout;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.james.core.Username;

/**
 * The live connections of this node that logged in through the extension, by the connection's id
 * (James's session id): noted by the login path when it accepts a login on a connection, forgotten
 * by the server when the connection closes. One small entry per live connection; nothing secret.
 */
public final class SignedInConnections {
    private final Map<String, SignedInConnection> byConnection = new ConcurrentHashMap<>();

    /**
     * The key of a connection: its protocol and the id James gave it there. Ids are unique within a
     * protocol only (ManageSieve's is a 32-bit short form of Netty's channel id, IMAP's its own).
     */
    public static String key(String protocol, String connectionId) {
        return protocol + " " + connectionId;
    }
    private final Set<Username> changed = ConcurrentHashMap.newKeySet();

    public void loggedIn(String connection, SignedInConnection signedIn) {
        byConnection.put(connection, signedIn);
        changed.add(signedIn.user());
    }

    public void closed(String connection) {
        SignedInConnection signedIn = byConnection.remove(connection);
        if (signedIn != null) {
            changed.add(signedIn.user());
        }
    }

    /** The users whose connections changed since the previous call, for the directory of every node's connections. */
    public Set<Username> takeChanged() {
        Set<Username> taken = new HashSet<>();
        for (Iterator<Username> users = changed.iterator(); users.hasNext(); ) {
            taken.add(users.next());
            users.remove();
        }
        return taken;
    }

    /**
     * Whether a revocation selecting {@code openedWith} concerns this connection, logged in before
     * {@code loggedInBefore} (one whose login was not seen: only {@link OpenedWith#anything}).
     */
    public boolean selects(String connection, OpenedWith openedWith, Instant loggedInBefore) {
        SignedInConnection signedIn = byConnection.get(connection);
        return signedIn == null ? openedWith.selectsUnseen()
            : openedWith.selects(signedIn.appPasswordId()) && signedIn.since().isBefore(loggedInBefore);
    }

    /** Who logged {@code connection} in; empty when no login was noted on it. */
    public Optional<Username> userOf(String connection) {
        return Optional.ofNullable(byConnection.get(connection)).map(SignedInConnection::user);
    }

    /** The user's live connections, oldest first. */
    public List<SignedInConnection> of(Username user) {
        return byConnection.values().stream()
            .filter(signedIn -> signedIn.user().equals(user))
            .sorted(Comparator.comparing(SignedInConnection::since))
            .collect(Collectors.toList());
    }

    /** Every connection noted. */
    public List<SignedInConnection> all() {
        return List.copyOf(byConnection.values());
    }

    /** The users with a connection noted. */
    public Set<Username> users() {
        return byConnection.values().stream().map(SignedInConnection::user).collect(Collectors.toSet());
    }

    /** How many connections are noted. */
    public int size() {
        return byConnection.size();
    }
}
