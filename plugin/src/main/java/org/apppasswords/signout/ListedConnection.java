package org.apppasswords.signout;

import java.util.Objects;

/** A live connection as the directory lists it: which node holds it (its host name), and the connection. */
public final class ListedConnection {
    private final String node;
    private final SignedInConnection connection;

    public ListedConnection(String node, SignedInConnection connection) {
        this.node = Objects.requireNonNull(node, "node");
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    public String node() {
        return node;
    }

    public SignedInConnection connection() {
        return connection;
    }
}
