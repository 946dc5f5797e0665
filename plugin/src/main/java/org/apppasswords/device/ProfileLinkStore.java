package org.apppasswords.device;

import java.time.Instant;
import java.util.Optional;

/**
 * The profiles waiting behind one-time links, keyed by the digest of each link's token. Blocking.
 * Every backend passes {@code ProfileLinkStoreContract}. A persistent backend is shared by every
 * node (a link created on one opens on any other) and keeps the app password only encrypted, with
 * the key of the TOTP seeds: an example row is {@code (token_digest=9f86d0...15d, username=alice@example.com,
 * app_password_id=na28s, encrypted_password=base64(nonce || ciphertext || tag), expires_at=...)}.
 */
public interface ProfileLinkStore {
    /** Keeps {@code profile} until it is {@link #take taken} or expires. Digests carry 256 random bits: a collision is not handled. */
    void save(PendingProfile profile);

    /**
     * Removes the profile with this digest and returns it, unless it is expired at {@code now} (then
     * removed all the same, and empty). Of calls racing for one digest, on any node, at most one
     * returns it. Unknown, taken and expired all read as empty, alike.
     */
    Optional<PendingProfile> take(String tokenDigest, Instant now);

    /** Removes every profile expired at {@code now}. @return how many */
    int removeExpired(Instant now);
}
