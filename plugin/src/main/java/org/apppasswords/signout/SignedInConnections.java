package org.apppasswords.signout;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What logged each live connection in, by the connection's id (James's session id): an app
 * password's public id, or empty for the primary password. Noted by the login path when it accepts
 * a login on a connection, forgotten by the server when the connection closes. One map entry per
 * live connection; nothing secret.
 */
public final class SignedInConnections {
    private final Map<String, Optional<String>> loggedInWith = new ConcurrentHashMap<>();

    public void loggedIn(String connection, Optional<String> appPasswordId) {
        loggedInWith.put(connection, appPasswordId);
    }

    public void closed(String connection) {
        loggedInWith.remove(connection);
    }

    public boolean selects(String connection, OpenedWith openedWith) {
        Optional<String> seen = loggedInWith.get(connection);
        return seen == null ? openedWith.selectsUnseen() : openedWith.selects(seen);
    }

    /** How many connections are noted: the live ones that logged in through the extension. */
    public int size() {
        return loggedInWith.size();
    }
}
