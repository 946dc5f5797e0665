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

    final SignedInConnections connections = new SignedInConnections();

    static SignedInConnection alice(Optional<String> appPasswordId, Instant since) {
        return new SignedInConnection(ALICE, "IMAP", Optional.of("203.0.113.7"), since, appPasswordId);
    }

    @Test
    void anAppPasswordShouldSelectOnlyTheConnectionsItOpened() {
        connections.loggedIn("s1", alice(Optional.of("aaaaa"), NOW));
        connections.loggedIn("s2", alice(Optional.of("bbbbb"), NOW));
        connections.loggedIn("s3", alice(Optional.empty(), NOW));

        assertThat(connections.selects("s1", OpenedWith.appPassword("aaaaa"))).isTrue();
        assertThat(connections.selects("s2", OpenedWith.appPassword("aaaaa"))).isFalse();
        assertThat(connections.selects("s3", OpenedWith.appPassword("aaaaa"))).isFalse();
    }

    @Test
    void thePrimaryPasswordShouldSelectOnlyTheConnectionsItOpened() {
        connections.loggedIn("s1", alice(Optional.of("aaaaa"), NOW));
        connections.loggedIn("s3", alice(Optional.empty(), NOW));

        assertThat(connections.selects("s1", OpenedWith.primaryPassword())).isFalse();
        assertThat(connections.selects("s3", OpenedWith.primaryPassword())).isTrue();
    }

    @Test
    void aConnectionWhoseLoginWasNotSeenShouldBeSelectedOnlyByAnything() {
        assertThat(connections.selects("unseen", OpenedWith.anything())).isTrue();
        assertThat(connections.selects("unseen", OpenedWith.primaryPassword())).isFalse();
        assertThat(connections.selects("unseen", OpenedWith.appPassword("aaaaa"))).isFalse();
    }

    @Test
    void aClosedConnectionShouldBeForgotten() {
        connections.loggedIn("s1", alice(Optional.of("aaaaa"), NOW));

        connections.closed("s1");

        assertThat(connections.size()).isZero();
        assertThat(connections.of(ALICE)).isEmpty();
        assertThat(connections.selects("s1", OpenedWith.appPassword("aaaaa"))).isFalse();
    }

    @Test
    void aUsersConnectionsShouldBeListedOldestFirstWithoutAnyoneElses() {
        connections.loggedIn("later", alice(Optional.empty(), NOW.plusSeconds(60)));
        connections.loggedIn("earlier", alice(Optional.of("aaaaa"), NOW));
        connections.loggedIn("bob", new SignedInConnection(BOB, "IMAP", Optional.empty(), NOW, Optional.empty()));

        assertThat(connections.of(ALICE)).extracting(SignedInConnection::since).containsExactly(NOW, NOW.plusSeconds(60));
    }
}
