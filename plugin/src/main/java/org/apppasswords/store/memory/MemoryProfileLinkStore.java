package org.apppasswords.store.memory;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apppasswords.device.PendingProfile;
import org.apppasswords.device.ProfileLinkStore;

/**
 * Profile links held in this JVM only, with the app password as the object the link needs: no
 * file, no other node. A profile is dropped from the map when taken or once expired, so nothing
 * of it outlives its link here.
 */
public final class MemoryProfileLinkStore implements ProfileLinkStore {
    private final ConcurrentHashMap<String, PendingProfile> byDigest = new ConcurrentHashMap<>();

    @Override
    public void save(PendingProfile profile) {
        byDigest.put(profile.tokenDigest(), profile);
    }

    @Override
    public Optional<PendingProfile> take(String tokenDigest, Instant now) {
        // remove() is atomic: of two racing takes, one gets the profile, the other null.
        return Optional.ofNullable(byDigest.remove(tokenDigest)).filter(profile -> !profile.isExpiredAt(now));
    }

    @Override
    public int removeExpired(Instant now) {
        int removed = 0;
        for (PendingProfile profile : byDigest.values()) {
            if (profile.isExpiredAt(now) && byDigest.remove(profile.tokenDigest(), profile)) {
                removed++;
            }
        }
        return removed;
    }

    /** How many profiles are held: none once every link was used or expired. */
    public int size() {
        return byDigest.size();
    }
}
