package org.apppasswords.signout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.memory.MemorySignOutNotices;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.Test;

class SignOutRelayTest {
    static final Username ALICE = Username.of("alice@example.org");
    static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final FlakyNotices notices = new FlakyNotices();
    final List<String> ended = new ArrayList<>();
    final LocalConnections local = new LocalConnections() {
        @Override
        public void end(Username user, OpenedWith openedWith, Instant loggedInBefore) {
            ended.add(user.asString() + " " + openedWith + " before " + loggedInBefore);
        }

        @Override
        public boolean keeps(String protocol) {
            return true;
        }
    };
    final SignOutRelay relay = new SignOutRelay(notices, local, clock);

    @Test
    void aSignOutShouldEndTheConnectionsAtTheNextReadOnly() {
        relay.end(ALICE, OpenedWith.appPassword("qd3k7"));
        assertThat(ended).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        relay.read();

        assertThat(ended).containsExactly("alice@example.org app password qd3k7 before " + START);
    }

    @Test
    void aNoticeShouldBeAppliedAgainWhileItSettlesThenNoMore() {
        relay.end(ALICE, OpenedWith.anything());
        relay.read();
        // A login checked before the revocation, noted after that read, ends at the next one.
        clock.advance(Duration.ofSeconds(1));
        relay.read();
        assertThat(ended).hasSize(2);

        clock.advance(SignOutRelay.SETTLING);
        relay.read();
        clock.advance(Duration.ofSeconds(1));
        relay.read();

        assertThat(ended).hasSize(2);
    }

    @Test
    void aNoticeCommittedAfterALaterReadShouldStillBeApplied() {
        clock.advance(Duration.ofSeconds(10));
        relay.read();
        // Published (its time taken) before that read, committed after it.
        notices.publish(ALICE, OpenedWith.anything(), clock.instant().minusSeconds(2));
        clock.advance(Duration.ofSeconds(1));
        relay.read();

        assertThat(ended).hasSize(1);
    }

    @Test
    void noticesPublishedWhileTheStoreCouldNotBeReadShouldBeAppliedOnceItCan() {
        notices.unreadable = true;
        relay.end(ALICE, OpenedWith.anything());
        for (int second = 0; second < 120; second++) {
            clock.advance(Duration.ofSeconds(1));
            relay.read();
        }
        assertThat(ended).isEmpty();

        notices.unreadable = false;
        relay.read();

        assertThat(ended).hasSize(1);
    }

    @Test
    void aSignOutThatCannotBePublishedShouldEndThisNodesConnectionsAtOnce() {
        notices.unwritable = true;

        relay.end(ALICE, OpenedWith.primaryPassword());

        assertThat(ended).containsExactly("alice@example.org primary_password before " + START);
    }

    @Test
    void noticesOlderThanAnyReadShouldBeForgotten() {
        relay.end(ALICE, OpenedWith.anything());
        clock.advance(SignOutRelay.KEPT.plusMinutes(1));
        relay.read();

        assertThat(notices.since(START.minusSeconds(60))).isEmpty();
    }

    /** Memory notices that can be told to fail like a database that went away. */
    static final class FlakyNotices implements SignOutNotices {
        final MemorySignOutNotices stored = new MemorySignOutNotices();
        boolean unreadable;
        boolean unwritable;

        @Override
        public void publish(Username user, OpenedWith openedWith, Instant at) {
            if (unwritable) {
                throw new StoreUnavailableException("App passwords store: publish a sign-out failed", null);
            }
            stored.publish(user, openedWith, at);
        }

        @Override
        public List<SignOutNotice> since(Instant from) {
            if (unreadable) {
                throw new StoreUnavailableException("App passwords store: read sign-outs failed", null);
            }
            return stored.since(from);
        }

        @Override
        public void forgetBefore(Instant before) {
            stored.forgetBefore(before);
        }
    }
}
