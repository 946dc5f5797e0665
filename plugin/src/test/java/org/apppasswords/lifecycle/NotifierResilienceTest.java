package org.apppasswords.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.activity.KnownAddresses;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.memory.MemoryActivity;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.testing.MutableClock;
import org.apppasswords.totp.SecondFactorStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link org.apppasswords.notice.SecurityNotices} promises its callers, kept by {@link Notifier} when what it relies on fails: it never throws, never blocks. */
class NotifierResilienceTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final LoginOrigin IMAP_FROM_HOME = new LoginOrigin(Optional.of("198.51.100.20"), Optional.of("IMAP"));
    private static final LoginOrigin IMAP_FROM_ELSEWHERE = new LoginOrigin(Optional.of("203.0.113.7"), Optional.of("IMAP"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final MemorySecondFactorStore secondFactors = new MemorySecondFactorStore(new MemoryGenerations());
    private final MemoryActivity knownAddresses = new MemoryActivity();
    private final RecordingNoticeSender sender = new RecordingNoticeSender();
    private final Notifier notifier = notifier(secondFactors, knownAddresses);

    private Notifier notifier(SecondFactorStore secondFactors, KnownAddresses knownAddresses) {
        return new Notifier(sender, secondFactors, knownAddresses, clock);
    }

    @AfterEach
    void tearDown() {
        sender.release();
        notifier.close();
    }

    private List<String> aliceSubjectsOnceIdle(Notifier... nodes) {
        return sender.subjectsOnceIdle(ALICE, nodes.length == 0 ? new Notifier[] {notifier} : nodes);
    }

    @Test
    void aSenderThatFailsShouldNotReachTheCallerAndLaterNoticesShouldStillGoOut() {
        sender.failNext(2);

        assertThatCode(() -> {
            notifier.totpEnabled(ALICE);
            notifier.codesLocked(ALICE, IMAP_FROM_ELSEWHERE);
            notifier.totpDisabled(ALICE);
        }).doesNotThrowAnyException();

        assertThat(aliceSubjectsOnceIdle()).containsExactly("Two-step verification was turned off");
    }

    @Test
    void aStoreOutageWhileNotingAnAddressShouldFailNeitherTheLoginNorLaterNotices() {
        KnownAddresses down = mock(KnownAddresses.class);
        when(down.add(any(), any(), any())).thenThrow(new StoreUnavailableException("down", null));
        Notifier withStoreDown = notifier(secondFactors, down);
        try {
            assertThatCode(() -> withStoreDown.appPasswordUsed(ALICE, "qd3k7", "Phone", IMAP_FROM_ELSEWHERE)).doesNotThrowAnyException();
            withStoreDown.totpDisabled(ALICE);

            assertThat(aliceSubjectsOnceIdle(withStoreDown)).containsExactly("Two-step verification was turned off");
        } finally {
            withStoreDown.close();
        }
    }

    @Test
    void aRecoveryCodeSpentWhileTheStoreFailsShouldStillBeToldWithoutFailingTheLogin() {
        SecondFactorStore down = mock(SecondFactorStore.class);
        when(down.find(any())).thenThrow(new StoreUnavailableException("down", null));
        Notifier withStoreDown = notifier(down, knownAddresses);
        try {
            assertThatCode(() -> withStoreDown.recoveryCodeUsed(ALICE, IMAP_FROM_HOME)).doesNotThrowAnyException();

            assertThat(aliceSubjectsOnceIdle(withStoreDown)).containsExactly("A recovery code was used to sign in");
            assertThat(sender.sent().get(0).notice.plainText(Optional.empty())).doesNotContain("Recovery codes left");
        } finally {
            withStoreDown.close();
        }
    }

    @Test
    void aFullQueueShouldDropNoticesWithoutBlockingNorFailingTheCaller() {
        sender.hold();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < Notifier.MAX_PENDING + 100; i++) {
                notifier.totpEnabled(ALICE);
            }
        });
        sender.release();
        notifier.close();

        // One being sent when the queue filled, and the queue's worth.
        assertThat(sender.sent()).hasSize(Notifier.MAX_PENDING + 1);
    }
}
