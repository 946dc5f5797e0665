package org.apppasswords.signout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SignedInConnectionsTest {
    final SignedInConnections connections = new SignedInConnections();

    @Test
    void anAppPasswordShouldSelectOnlyTheConnectionsItOpened() {
        connections.loggedIn("s1", Optional.of("aaaaa"));
        connections.loggedIn("s2", Optional.of("bbbbb"));
        connections.loggedIn("s3", Optional.empty());

        assertThat(connections.selects("s1", OpenedWith.appPassword("aaaaa"))).isTrue();
        assertThat(connections.selects("s2", OpenedWith.appPassword("aaaaa"))).isFalse();
        assertThat(connections.selects("s3", OpenedWith.appPassword("aaaaa"))).isFalse();
    }

    @Test
    void thePrimaryPasswordShouldSelectOnlyTheConnectionsItOpened() {
        connections.loggedIn("s1", Optional.of("aaaaa"));
        connections.loggedIn("s3", Optional.empty());

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
        connections.loggedIn("s1", Optional.of("aaaaa"));

        connections.closed("s1");

        assertThat(connections.size()).isZero();
        assertThat(connections.selects("s1", OpenedWith.appPassword("aaaaa"))).isFalse();
    }
}
