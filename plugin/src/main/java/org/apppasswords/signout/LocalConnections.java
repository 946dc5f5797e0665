package org.apppasswords.signout;

import java.time.Instant;

import org.apache.james.core.Username;

/** This node's live connections, as the launcher's servers keep them. */
public interface LocalConnections {
    /** Ends the connections of {@code user} that {@code openedWith} selects and that logged in before {@code loggedInBefore}. */
    void end(Username user, OpenedWith openedWith, Instant loggedInBefore);

    /**
     * Whether the connections of {@code protocol} (as James names it in the logging context) are
     * kept, and forgotten when they close: the login path notes what logged in only these.
     */
    boolean keeps(String protocol);

    /** Where no server keeps its connections (unit tests, a James without the launcher's servers). */
    static LocalConnections none() {
        return new LocalConnections() {
            @Override
            public void end(Username user, OpenedWith openedWith, Instant loggedInBefore) {
            }

            @Override
            public boolean keeps(String protocol) {
                return false;
            }
        };
    }
}
