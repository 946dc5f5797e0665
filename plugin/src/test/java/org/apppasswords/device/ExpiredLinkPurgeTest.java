package org.apppasswords.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.apache.james.core.Username;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemoryProfileLinkStore;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** A link nobody opens is deleted once expired, without waiting for another link to be issued or opened. */
class ExpiredLinkPurgeTest {
    private static final Username ALICE = Username.of("alice@example.org");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final MemoryProfileLinkStore store = new MemoryProfileLinkStore();
    private final ProfileLinks links = new ProfileLinks(store, new MemoryAppPasswordStore(new MemoryGenerations()), clock, new SecureRandom());
    private final ExpiredLinkPurge purge = new ExpiredLinkPurge(store, clock);

    @Test
    void aPurgeShouldDeleteOnlyTheExpiredLinks() {
        links.issue(ALICE, ProfileLinkStoreContract.newPassword());
        clock.advance(Duration.ofMinutes(3));
        links.issue(ALICE, ProfileLinkStoreContract.newPassword());

        purge.purge();
        assertThat(store.size()).as("none expired yet").isEqualTo(2);

        clock.advance(Duration.ofMinutes(2));
        purge.purge();
        assertThat(store.size()).as("the first one expired").isEqualTo(1);
    }
}
