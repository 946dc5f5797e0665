package org.apppasswords.signout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

/** What every store of sign-out notices must do, memory and JDBC alike. */
public interface SignOutNoticesContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    SignOutNotices notices();

    @Test
    default void aPublishedNoticeShouldBeReadBackAsPublished() {
        notices().publish(ALICE, OpenedWith.appPassword("qd3k7"), NOW);

        List<SignOutNotice> read = notices().since(NOW);

        assertThat(read).hasSize(1);
        assertThat(read.get(0).user()).isEqualTo(ALICE);
        assertThat(read.get(0).openedWith().stored()).isEqualTo("app:qd3k7");
        assertThat(read.get(0).at()).isEqualTo(NOW);
    }

    @Test
    default void noticesShouldBeReadInPublishingOrderWithDistinctNumbers() {
        notices().publish(ALICE, OpenedWith.anything(), NOW);
        notices().publish(BOB, OpenedWith.primaryPassword(), NOW);
        notices().publish(ALICE, OpenedWith.appPassword("w9x2m"), NOW.plusSeconds(1));

        List<SignOutNotice> read = notices().since(NOW);

        assertThat(read).extracting(notice -> notice.openedWith().stored()).containsExactly("anything", "primary", "app:w9x2m");
        assertThat(read.stream().map(SignOutNotice::sequence).collect(Collectors.toSet())).hasSize(3);
    }

    @Test
    default void onlyTheNoticesPublishedSinceShouldBeRead() {
        notices().publish(ALICE, OpenedWith.anything(), NOW.minusSeconds(60));
        notices().publish(BOB, OpenedWith.anything(), NOW);

        assertThat(notices().since(NOW)).extracting(SignOutNotice::user).containsExactly(BOB);
    }

    @Test
    default void forgottenNoticesShouldNotBeReadAgain() {
        notices().publish(ALICE, OpenedWith.anything(), NOW.minusSeconds(600));
        notices().publish(BOB, OpenedWith.anything(), NOW);

        notices().forgetBefore(NOW.minusSeconds(1));

        assertThat(notices().since(NOW.minusSeconds(3600))).extracting(SignOutNotice::user).containsExactly(BOB);
    }
}
