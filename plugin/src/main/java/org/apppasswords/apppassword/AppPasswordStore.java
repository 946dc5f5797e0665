package org.apppasswords.apppassword;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;

/**
 * Where a user's app passwords live, as hashes only. Blocking. Every backend passes
 * {@code AppPasswordStoreContract}.
 *
 * <p>A login reads one entry by user and public id ({@link #find}), so it verifies one hash
 * whatever the number of app passwords the user holds. Ids are unique per user, not globally.
 */
public interface AppPasswordStore {
    /** What {@link #add} did. */
    enum AddOutcome {
        ADDED,
        /** Nothing stored: the user already holds {@code maxPerUser} app passwords. */
        LIMIT_REACHED,
        /** Nothing stored: the user already holds an app password with this id. */
        ID_TAKEN,
        /** Nothing stored: the user's secrets were revoked since {@code generation} was read. */
        SUPERSEDED
    }

    /**
     * Adds {@code entry} unless the user's generation is no longer {@code generation} (read before
     * the checks that authorised this add, see {@link org.apppasswords.store.UserGenerations}), or
     * the user already holds {@code maxPerUser} app passwords or one with the same id; the checks
     * and the write are one atomic step, on every node sharing the store, in that order of precedence.
     */
    AddOutcome add(Username user, StoredAppPassword entry, int maxPerUser, long generation);

    /** The entry with this id among the user's, or empty. */
    Optional<StoredAppPassword> find(Username user, AppPasswordId id);

    /** The user's app passwords, oldest first; empty for an unknown user. */
    List<StoredAppPassword> list(Username user);

    /** @return false when the user held no app password with this id */
    boolean revoke(Username user, AppPasswordId id);

    /** Revokes every app password of the user and moves the user's generation on. @return how many were revoked */
    int revokeAll(Username user);

    /** Sets the last use of that entry, with no protocol; does nothing when it was revoked meanwhile. */
    default void recordUse(Username user, AppPasswordId id, Instant usedAt) {
        recordUse(user, id, usedAt, Optional.empty());
    }

    default void recordUse(Username user, AppPasswordId id, Instant usedAt, Optional<String> protocol) {
        recordUse(user, id, usedAt, protocol, Optional.empty());
    }

    /**
     * Sets the last use of that entry, and the protocol and client address of that use (replacing
     * all three: an empty protocol or address clears an earlier one); does nothing when it was
     * revoked meanwhile.
     *
     * @param protocol at most {@value StoredAppPassword#MAX_PROTOCOL_LENGTH} characters, such as {@code IMAP}
     * @param address an IP address literal, at most {@value StoredAppPassword#MAX_ADDRESS_LENGTH} characters
     */
    void recordUse(Username user, AppPasswordId id, Instant usedAt, Optional<String> protocol, Optional<String> address);

    /**
     * Moves every app password of {@code from} to {@code to} (a username change), keeping ids,
     * labels, hashes and times, regardless of {@code maxPerUser}. An entry whose id {@code to}
     * already holds is dropped, not moved: the target keeps its own. Afterwards {@code from}
     * holds nothing. Moves both users' generations on.
     *
     * @return how many entries were moved
     */
    int moveAll(Username from, Username to);
}
