package org.apppasswords.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.apppasswords.device.PendingProfile;
import org.apppasswords.device.ProfileLinkStore;
import org.apppasswords.device.ProfileLinkStoreContract;
import org.junit.jupiter.api.Test;

class MemoryProfileLinkStoreTest implements ProfileLinkStoreContract {
    private final MemoryProfileLinkStore store = new MemoryProfileLinkStore();

    @Override
    public ProfileLinkStore testee() {
        return store;
    }

    @Test
    void nothingShouldBeHeldOnceTheLinksAreUsedOrExpired() {
        PendingProfile used = ProfileLinkStoreContract.profile(ALICE, ProfileLinkStoreContract.newPassword());
        PendingProfile expired = ProfileLinkStoreContract.profile(BOB, ProfileLinkStoreContract.newPassword());
        store.save(used);
        store.save(expired);

        store.take(used.tokenDigest(), NOW);
        store.removeExpired(EXPIRES);

        assertThat(store.size()).isZero();
    }
}
