package org.apppasswords.session;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;

/**
 * Signed-in self-service sessions, keyed by the digest of their bearer token. Blocking. Every
 * backend passes {@code SelfServiceSessionStoreContract}. A persistent backend shares sessions
 * between nodes, so a sign-out, a second-factor reset or a password change on one node ends the
 * session on all of them.
 */
public interface SelfServiceSessionStore {
    /**
     * Stores a new session, only if the user's generation is still the session's
     * ({@link org.apppasswords.store.UserGenerations}). Digests carry 128 random bits or more: a
     * collision is not handled.
     *
     * @return false, storing nothing, when the user's secrets were revoked since that generation was read
     */
    boolean create(SelfServiceSession session);

    /**
     * The session with this digest, or empty when unknown, revoked or expired at {@code now}; its
     * {@link SelfServiceSession#generation()} is the user's generation, read with it.
     */
    Optional<SelfServiceSession> find(String tokenDigest, Instant now);

    /**
     * Marks the session as having proved a second factor, in place: a session revoked meanwhile
     * stays revoked.
     *
     * @return false when no session had this digest
     */
    boolean markSecondFactorVerified(String tokenDigest);

    /** @return false when no session had this digest */
    boolean revoke(String tokenDigest);

    /** Ends every session of the user, and moves the user's generation on. @return how many were ended */
    int revokeAll(Username user);

    /** Forgets sessions expired at {@code now}: housekeeping, never needed for correctness. */
    int removeExpired(Instant now);
}
