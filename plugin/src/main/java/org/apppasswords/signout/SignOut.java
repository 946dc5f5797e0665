package org.apppasswords.signout;

import org.apache.james.core.Username;

/**
 * Ends a user's live connections once what opened them is revoked, so that a revocation signs the
 * device out instead of only refusing its next login. Called after the revocation is stored: a
 * client that reconnects at once is refused. Never throws, never blocks on the connections.
 */
public interface SignOut {
    /** Ends the live connections of {@code user} that {@code openedWith} selects. */
    void end(Username user, OpenedWith openedWith);

    /** Where no server can be reached (unit tests, or a James without the launcher's servers). */
    static SignOut none() {
        return (user, openedWith) -> { };
    }
}
