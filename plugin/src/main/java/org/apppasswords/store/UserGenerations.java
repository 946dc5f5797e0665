package org.apppasswords.store;

import org.apache.james.core.Username;

/**
 * Orders every change to one user's secrets, on every node. Each user has a generation, which
 * every revocation (revoke-all, a password change, a second-factor reset, a removal, a rename)
 * moves on in the same transaction as what it deletes. A creation (an app password, a
 * self-service session, an enabled second factor) takes the generation read <em>before</em> the
 * checks that authorise it, and the store commits it only if the generation is unchanged, under
 * the same per-user lock as the revocations: whatever a revocation ends stays ended, and nothing
 * authorised before it, or in flight across it, outlives it.
 */
public interface UserGenerations {
    /** The user's generation now; 0 for a user whose secrets were never changed. */
    long current(Username user);
}
