package org.apppasswords.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.activity.KnownAddresses;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.scope.ProtocolScope;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.memory.MemoryActivity;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.testing.Concurrently;
import org.apppasswords.testing.MutableClock;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The security notices as {@link Notifier} mails them: off the caller's thread, never failing it, one per new address. */
class NotifierTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final LoginOrigin IMAP_FROM_HOME = new LoginOrigin(Optional.of("198.51.100.20"), Optional.of("IMAP"));
    private static final LoginOrigin IMAP_FROM_ELSEWHERE = new LoginOrigin(Optional.of("203.0.113.7"), Optional.of("IMAP"));
    private static final TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private static final List<String> RECOVERY_HASHES = List.of("$sha256$1$c2FsdA$aGFzaDE", "$sha256$1$c2FsdA$aGFzaDI",
        "$sha256$1$c2FsdA$aGFzaDM");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final MemoryGenerations generations = new MemoryGenerations();
    private final MemorySecondFactorStore secondFactors = new MemorySecondFactorStore(generations);
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

    private void enrolAlice() {
        secondFactors.enable(ALICE, TotpEnrolment.enabled(SECRET, clock.instant(), RECOVERY_HASHES), generations.current(ALICE));
    }

    @Test
    void everyEventShouldReachTheSender() {
        enrolAlice();
        notifier.totpEnabled(ALICE);
        notifier.totpDisabled(ALICE);
        notifier.appPasswordCreated(ALICE, "qd3k7", "Phone", ProtocolScope.all(), Optional.empty());
        notifier.appPasswordRevokedByAdmin(ALICE, "Phone");
        notifier.appPasswordsRevokedByAdmin(ALICE, 3);
        notifier.secondFactorResetByAdmin(ALICE);
        notifier.recoveryCodeUsed(ALICE, IMAP_FROM_HOME);
        notifier.primaryPasswordChanged(ALICE, Optional.of(3));
        notifier.codesLocked(ALICE, IMAP_FROM_ELSEWHERE);
        notifier.appPasswordUsed(ALICE, "qd3k7", "Phone", IMAP_FROM_ELSEWHERE);

        assertThat(aliceSubjectsOnceIdle()).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void aNewAddressShouldBeToldOnceEvenToParallelLogins() throws Exception {
        Concurrently.run(20, index -> {
            notifier.appPasswordUsed(ALICE, "qd3k7", "Phone", IMAP_FROM_ELSEWHERE);
            return null;
        });
        notifier.appPasswordUsed(ALICE, "qd3k7", "Phone", IMAP_FROM_ELSEWHERE);
        notifier.appPasswordUsed(ALICE, "qd3k7", "Phone", IMAP_FROM_HOME);

        assertThat(aliceSubjectsOnceIdle()).hasSize(2).allSatisfy(subject -> assertThat(subject).contains("new address"));
        assertThat(sender.sent()).extracting(sent -> sent.notice.plainText(Optional.empty()))
            .anySatisfy(text -> assertThat(text).contains("203.0.113.7"))
            .anySatisfy(text -> assertThat(text).contains("198.51.100.20"));
    }

    @Test
    void anAddressNewToTheStoreShouldBeToldOnceAcrossNodes() {
        Notifier otherNode = notifier(secondFactors, knownAddresses);
        try {
            notifier.appPasswordUsed(ALICE, "qd3k7", "Phone", IMAP_FROM_ELSEWHERE);
            otherNode.appPasswordUsed(ALICE, "qd3k7", "Phone", IMAP_FROM_ELSEWHERE);

            assertThat(aliceSubjectsOnceIdle(notifier, otherNode)).hasSize(1);
        } finally {
            otherNode.close();
        }
    }

    @Test
    void theAddressAnAppPasswordWasCreatedFromShouldBeKnownToIt() {
        Notifier otherNode = notifier(secondFactors, knownAddresses);
        try {
            notifier.appPasswordCreated(ALICE, "qd3k7", "Phone", ProtocolScope.all(), IMAP_FROM_HOME.address());
            notifier.appPasswordUsed(ALICE, "qd3k7", "Phone", IMAP_FROM_HOME);
            aliceSubjectsOnceIdle();
            otherNode.appPasswordUsed(ALICE, "qd3k7", "Phone", IMAP_FROM_HOME);

            assertThat(aliceSubjectsOnceIdle(otherNode)).containsExactly("New app password: Phone");
        } finally {
            otherNode.close();
        }
    }

    @Test
    void theAddressesOfOneIpv6NetworkShouldBeToldOnce() {
        notifier.appPasswordUsed(ALICE, "qd3k7", "Phone", new LoginOrigin(Optional.of("2001:db8:1:2::17"), Optional.of("IMAP")));
        notifier.appPasswordUsed(ALICE, "qd3k7", "Phone", new LoginOrigin(Optional.of("2001:db8:1:2:a0b1::9"), Optional.of("IMAP")));
        notifier.appPasswordUsed(ALICE, "qd3k7", "Phone", new LoginOrigin(Optional.of("2001:db8:1:3::17"), Optional.of("IMAP")));

        assertThat(aliceSubjectsOnceIdle()).as("one per /64").hasSize(2);
    }

    @Test
    void aUseTheStoreCouldNotCheckShouldBeCheckedAgainAtTheNextUse() {
        AtomicInteger failuresToCome = new AtomicInteger(1);
        Notifier flaky = notifier(secondFactors, new KnownAddresses() {
            @Override
            public boolean add(Username user, String appPasswordId, String address) {
                if (failuresToCome.getAndDecrement() > 0) {
                    throw new StoreUnavailableException("down", null);
                }
                return knownAddresses.add(user, appPasswordId, address);
            }
        });
        try {
            flaky.appPasswordUsed(ALICE, "qd3k7", "Phone", IMAP_FROM_ELSEWHERE);
            assertThat(aliceSubjectsOnceIdle(flaky)).isEmpty();

            flaky.appPasswordUsed(ALICE, "qd3k7", "Phone", IMAP_FROM_ELSEWHERE);

            assertThat(aliceSubjectsOnceIdle(flaky)).hasSize(1).allSatisfy(subject -> assertThat(subject).contains("new address"));
        } finally {
            flaky.close();
        }
    }

    @Test
    void aUseFromNoKnownAddressShouldTellNothing() {
        notifier.appPasswordUsed(ALICE, "qd3k7", "Phone", LoginOrigin.unknown());

        assertThat(aliceSubjectsOnceIdle()).isEmpty();
    }

    @Test
    void theCodesLeftShouldBeThoseAtTheLoginNotAtTheSending() {
        enrolAlice();
        sender.hold();
        notifier.totpDisabled(ALICE);
        secondFactors.consumeRecoveryCode(ALICE, RECOVERY_HASHES.get(0), "recovery 0");
        notifier.recoveryCodeUsed(ALICE, IMAP_FROM_HOME);
        secondFactors.consumeRecoveryCode(ALICE, RECOVERY_HASHES.get(1), "recovery 1");
        sender.release();

        await().atMost(Duration.ofSeconds(10)).until(() -> sender.sent().size() == 2);
        assertThat(sender.sent().get(1).notice.plainText(Optional.empty())).contains("Recovery codes left: 2");
    }

    @Test
    void aNoticeShouldHoldNothingOfTheEnrolmentItRead() {
        enrolAlice();
        notifier.recoveryCodeUsed(ALICE, IMAP_FROM_HOME);
        aliceSubjectsOnceIdle();

        String everything = sender.sent().stream().map(sent -> sent.notice.plainText(Optional.empty()) + sent.notice.html(Optional.empty()))
            .collect(Collectors.joining());
        assertThat(everything).doesNotContain(SECRET.revealBase32()).doesNotContain("$sha256$").doesNotContain("aGFzaD");
    }
}
