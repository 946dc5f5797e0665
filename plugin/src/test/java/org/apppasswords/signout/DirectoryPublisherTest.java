package org.apppasswords.signout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.memory.MemoryConnectionDirectory;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.Test;

class DirectoryPublisherTest {
    static final Username ALICE = Username.of("alice@example.org");
    static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final FlakyDirectory directory = new FlakyDirectory();
    final SignedInConnections local = new SignedInConnections();
    final DirectoryPublisher publisher = new DirectoryPublisher(directory, local, clock);
    // What another node sees: every instance but a made-up one.
    final String otherNode = "another-instance";

    static SignedInConnection imap(String appPasswordId) {
        return new SignedInConnection(ALICE, "IMAP", Optional.of("192.0.2.7"), START, Optional.of(appPasswordId));
    }

    @Test
    void thisNodesConnectionsShouldBeListedAtOnceAndTheOtherNodesAfterThePublication() {
        local.loggedIn("s1", imap("qd3k7"));

        assertThat(publisher.of(ALICE)).hasSize(1);
        assertThat(directory.of(ALICE, START, otherNode)).isEmpty();

        publisher.publish();

        assertThat(directory.of(ALICE, START, otherNode)).extracting(listed -> listed.connection().appPasswordId().get()).containsExactly("qd3k7");
        assertThat(publisher.of(ALICE)).as("not twice").hasSize(1);
    }

    @Test
    void aClosedConnectionShouldBeUnpublished() {
        local.loggedIn("s1", imap("qd3k7"));
        publisher.publish();

        local.closed("s1");
        publisher.publish();

        assertThat(directory.of(ALICE, START, otherNode)).isEmpty();
    }

    @Test
    void whatCouldNotBePublishedShouldBePublishedOnceTheStoreAnswers() {
        publisher.publish();
        directory.down = true;
        local.loggedIn("s1", imap("qd3k7"));
        publisher.publish();

        directory.down = false;
        clock.advance(Duration.ofSeconds(1));
        publisher.publish();

        assertThat(directory.of(ALICE, START, otherNode)).hasSize(1);
    }

    @Test
    void everythingShouldBePublishedAgainOnceTheDirectoryForgotThisInstance() {
        local.loggedIn("s1", imap("qd3k7"));
        publisher.publish();

        directory.stored.forgetSilentSince(START.plusSeconds(1));
        clock.advance(Duration.ofSeconds(2));
        publisher.publish();

        assertThat(directory.of(ALICE, START, otherNode)).hasSize(1);
    }

    @Test
    void countsShouldBePerAppPasswordOnEveryNode() {
        directory.alive("instance-b", START);
        directory.publish("instance-b", "mail-b", ALICE, List.of(imap("qd3k7")));
        local.loggedIn("s1", imap("qd3k7"));
        local.loggedIn("s2", imap("w9x2m"));
        local.loggedIn("s3", new SignedInConnection(ALICE, "IMAP", Optional.empty(), START, Optional.empty()));

        assertThat(publisher.perAppPassword(ALICE)).containsOnly(
            entry("qd3k7", 2L), entry("w9x2m", 1L));
    }

    @Test
    void closingShouldUnpublishThisInstance() {
        local.loggedIn("s1", imap("qd3k7"));
        publisher.publish();

        publisher.close();

        assertThat(directory.of(ALICE, START, otherNode)).isEmpty();
    }

    static final class FlakyDirectory implements ConnectionDirectory {
        final MemoryConnectionDirectory stored = new MemoryConnectionDirectory();
        boolean down;

        @Override
        public void publish(String instance, String node, Username user, List<SignedInConnection> connections) {
            answer();
            stored.publish(instance, node, user, connections);
        }

        @Override
        public boolean alive(String instance, Instant at) {
            answer();
            return stored.alive(instance, at);
        }

        @Override
        public List<ListedConnection> of(Username user, Instant aliveSince, String except) {
            answer();
            return stored.of(user, aliveSince, except);
        }

        @Override
        public void forget(String instance) {
            stored.forget(instance);
        }

        @Override
        public void forgetSilentSince(Instant before) {
            stored.forgetSilentSince(before);
        }

        private void answer() {
            if (down) {
                throw new StoreUnavailableException("App passwords store: directory failed", null);
            }
        }
    }
}
