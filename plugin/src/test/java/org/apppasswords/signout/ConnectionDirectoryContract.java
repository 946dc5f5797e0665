package org.apppasswords.signout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

/** What every directory of live connections must do, memory and JDBC alike. */
public interface ConnectionDirectoryContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    String NODE_A = "mail-a.example.org";
    String NODE_B = "mail-b.example.org";
    String INSTANCE_A = "instance-a";
    String INSTANCE_B = "instance-b";

    ConnectionDirectory directory();

    static SignedInConnection imap(Username user, Optional<String> appPasswordId) {
        return new SignedInConnection(user, "IMAP", Optional.of("192.0.2.7"), NOW.minusSeconds(60), appPasswordId);
    }

    @Test
    default void publishedConnectionsShouldBeListedAsPublished() {
        directory().alive(INSTANCE_B, NOW);
        directory().publish(INSTANCE_B, NODE_B, ALICE, List.of(imap(ALICE, Optional.of("qd3k7")),
            new SignedInConnection(ALICE, "POP3", Optional.empty(), NOW, Optional.empty())));

        List<ListedConnection> listed = directory().of(ALICE, NOW, INSTANCE_A);

        assertThat(listed).extracting(ListedConnection::node).containsOnly(NODE_B);
        assertThat(listed).extracting(entry -> entry.connection().protocol()).containsExactlyInAnyOrder("IMAP", "POP3");
        ListedConnection imap = listed.stream().filter(entry -> entry.connection().protocol().equals("IMAP")).findFirst().get();
        assertThat(imap.connection().user()).isEqualTo(ALICE);
        assertThat(imap.connection().address()).contains("192.0.2.7");
        assertThat(imap.connection().since()).isEqualTo(NOW.minusSeconds(60));
        assertThat(imap.connection().appPasswordId()).contains("qd3k7");
        ListedConnection pop3 = listed.stream().filter(entry -> entry.connection().protocol().equals("POP3")).findFirst().get();
        assertThat(pop3.connection().address()).isEmpty();
        assertThat(pop3.connection().appPasswordId()).isEmpty();
    }

    @Test
    default void publishingAgainShouldReplaceThatInstancesConnectionsOfThatUserOnly() {
        directory().alive(INSTANCE_A, NOW);
        directory().alive(INSTANCE_B, NOW);
        directory().publish(INSTANCE_A, NODE_A, ALICE, List.of(imap(ALICE, Optional.of("aaaaa"))));
        directory().publish(INSTANCE_B, NODE_B, ALICE, List.of(imap(ALICE, Optional.of("bbbbb"))));
        directory().publish(INSTANCE_B, NODE_B, BOB, List.of(imap(BOB, Optional.empty())));

        directory().publish(INSTANCE_B, NODE_B, ALICE, List.of());

        assertThat(directory().of(ALICE, NOW, "nobody")).extracting(entry -> entry.connection().appPasswordId().get()).containsExactly("aaaaa");
        assertThat(directory().of(BOB, NOW, "nobody")).hasSize(1);
    }

    @Test
    default void theAskingInstanceShouldNotBeListed() {
        directory().alive(INSTANCE_A, NOW);
        directory().publish(INSTANCE_A, NODE_A, ALICE, List.of(imap(ALICE, Optional.empty())));

        assertThat(directory().of(ALICE, NOW, INSTANCE_A)).isEmpty();
    }

    @Test
    default void anInstanceSilentSinceShouldNotBeListed() {
        directory().alive(INSTANCE_B, NOW.minusSeconds(31));
        directory().publish(INSTANCE_B, NODE_B, ALICE, List.of(imap(ALICE, Optional.empty())));

        assertThat(directory().of(ALICE, NOW.minusSeconds(30), INSTANCE_A)).isEmpty();
    }

    @Test
    default void anInstanceShouldBeKnownOnceAliveUntilForgotten() {
        assertThat(directory().alive(INSTANCE_B, NOW)).as("first time").isFalse();
        assertThat(directory().alive(INSTANCE_B, NOW.plusSeconds(1))).as("again").isTrue();

        directory().forget(INSTANCE_B);

        assertThat(directory().alive(INSTANCE_B, NOW.plusSeconds(2))).as("after forget").isFalse();
    }

    @Test
    default void aForgottenInstanceShouldNotBeListedEvenAliveAgain() {
        directory().alive(INSTANCE_B, NOW);
        directory().publish(INSTANCE_B, NODE_B, ALICE, List.of(imap(ALICE, Optional.empty())));

        directory().forget(INSTANCE_B);
        directory().alive(INSTANCE_B, NOW);

        assertThat(directory().of(ALICE, NOW, INSTANCE_A)).isEmpty();
    }

    @Test
    default void instancesSilentLongShouldBeForgottenWithWhatTheyPublished() {
        directory().alive(INSTANCE_A, NOW.minusSeconds(700));
        directory().alive(INSTANCE_B, NOW);
        directory().publish(INSTANCE_A, NODE_A, ALICE, List.of(imap(ALICE, Optional.of("aaaaa"))));
        directory().publish(INSTANCE_B, NODE_B, ALICE, List.of(imap(ALICE, Optional.of("bbbbb"))));

        directory().forgetSilentSince(NOW.minusSeconds(600));

        assertThat(directory().alive(INSTANCE_A, NOW)).as("known after being forgotten").isFalse();
        assertThat(directory().of(ALICE, NOW, "nobody")).extracting(entry -> entry.connection().appPasswordId().get()).containsExactly("bbbbb");
    }
}
