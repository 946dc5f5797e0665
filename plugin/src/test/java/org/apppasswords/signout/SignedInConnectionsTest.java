package org.apppasswords.signout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

class SignedInConnectionsTest {
    static final Username ALICE = Username.of("alice@example.org");
    static final Username BOB = Username.of("bob@example.org");
    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(600);

    final SignedInConnections connections = new SignedInConnections();

    static SignedInConnection alice(Optional<String> appPasswordId, Instant since) {
        return new SignedInConnection(ALICE, "IMAP", Optional.of("203.0.113.7"), since, appPasswordId);
    }

    @Test
    void anAppPasswordShouldSelectOnlyTheConnectionsItOpened() {
        connections.loggedIn("s1", alice(Optional.of("aaaaa"), NOW));
        connections.loggedIn("s2", alice(Optional.of("bbbbb"), NOW));
        connections.loggedIn("s3", alice(Optional.empty(), NOW));

        assertThat(connections.selects("s1", OpenedWith.appPassword("aaaaa"), LATER)).isTrue();
        assertThat(connections.selects("s2", OpenedWith.appPassword("aaaaa"), LATER)).isFalse();
        assertThat(connections.selects("s3", OpenedWith.appPassword("aaaaa"), LATER)).isFalse();
    }

    @Test
    void thePrimaryPasswordShouldSelectOnlyTheConnectionsItOpened() {
        connections.loggedIn("s1", alice(Optional.of("aaaaa"), NOW));
        connections.loggedIn("s3", alice(Optional.empty(), NOW));

        assertThat(connections.selects("s1", OpenedWith.primaryPassword(), LATER)).isFalse();
        assertThat(connections.selects("s3", OpenedWith.primaryPassword(), LATER)).isTrue();
    }

    @Test
    void aConnectionWhoseLoginWasNotSeenShouldBeSelectedOnlyByAnything() {
        assertThat(connections.selects("unseen", OpenedWith.anything(), LATER)).isTrue();
        assertThat(connections.selects("unseen", OpenedWith.primaryPassword(), LATER)).isFalse();
        assertThat(connections.selects("unseen", OpenedWith.appPassword("aaaaa"), LATER)).isFalse();
    }

    @Test
    void aConnectionThatLoggedInAfterTheRevocationShouldNotBeSelected() {
        connections.loggedIn("before", alice(Optional.of("aaaaa"), NOW));
        connections.loggedIn("after", alice(Optional.of("aaaaa"), NOW.plusSeconds(10)));

        assertThat(connections.selects("before", OpenedWith.anything(), NOW.plusSeconds(5))).isTrue();
        assertThat(connections.selects("after", OpenedWith.anything(), NOW.plusSeconds(5))).isFalse();
    }

    @Test
    void aClosedConnectionShouldBeForgotten() {
        connections.loggedIn("s1", alice(Optional.of("aaaaa"), NOW));

        connections.closed("s1");

        assertThat(connections.size()).isZero();
        assertThat(connections.of(ALICE)).isEmpty();
        assertThat(connections.selects("s1", OpenedWith.appPassword("aaaaa"), LATER)).isFalse();
    }

    @Test
    void aUsersConnectionsShouldBeListedOldestFirstWithoutAnyoneElses() {
        connections.loggedIn("later", alice(Optional.empty(), NOW.plusSeconds(60)));
        connections.loggedIn("earlier", alice(Optional.of("aaaaa"), NOW));
        connections.loggedIn("bob", new SignedInConnection(BOB, "IMAP", Optional.empty(), NOW, Optional.empty()));

        assertThat(connections.of(ALICE)).extracting(SignedInConnection::since).containsExactly(NOW, NOW.plusSeconds(60));
    }

    @Test
    void theSameIdOnTwoProtocolsShouldBeTwoConnections() {
        // ManageSieve's ids are 32-bit short forms of Netty's: another protocol may give the same one.
        connections.loggedIn(SignedInConnections.key("MANAGE-SIEVE", "4f2a9c01"), alice(Optional.of("aaaaa"), NOW));
        connections.loggedIn(SignedInConnections.key("POP3", "4f2a9c01"), alice(Optional.of("bbbbb"), NOW));

        connections.closed(SignedInConnections.key("POP3", "4f2a9c01"));

        assertThat(connections.selects(SignedInConnections.key("MANAGE-SIEVE", "4f2a9c01"), OpenedWith.appPassword("aaaaa"), LATER))
            .isTrue();
    }
}
