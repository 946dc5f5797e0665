package org.apppasswords.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Last use leaves the login path: a login notes it, a background flush writes it, at most once a minute per app password. */
class LastUseWriterTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final AppPasswordId ID = AppPasswordId.parse("aaaaa").orElseThrow();
    private static final Instant CREATED = Instant.parse("2024-03-01T12:00:00Z");
    /** The generation of a user whose secrets no revocation ever touched: this test revokes nothing. */
    private static final long NEVER_REVOKED = 0;

    private final MutableClock clock = new MutableClock(CREATED.plusSeconds(60));
    private final AppPasswordStore store = new MemoryAppPasswordStore(new MemoryGenerations());
    private LastUseWriter writer;

    @BeforeEach
    void setUp() {
        store.add(ALICE, StoredAppPassword.created(ID, "label", "$sha256$c2FsdA$aGFzaA", CREATED), 25, NEVER_REVOKED);
        writer = new LastUseWriter(store, clock);
    }

    @AfterEach
    void tearDown() {
        writer.close();
    }

    private StoredAppPassword stored() {
        return store.find(ALICE, ID).orElseThrow();
    }

    private Optional<Instant> lastUse() {
        return store.find(ALICE, ID).flatMap(StoredAppPassword::lastUsedAt);
    }

    @Test
    void noteUseShouldNotWriteOnTheCallersThread() {
        writer.noteUse(ALICE, stored(), over("IMAP"));

        assertThat(lastUse()).isEmpty();
    }

    @Test
    void flushShouldWriteWhatWasNotedWithItsProtocol() {
        writer.noteUse(ALICE, stored(), over("IMAP"));

        writer.flush();

        assertThat(lastUse()).contains(CREATED.plusSeconds(60));
        assertThat(stored().lastUsedProtocol()).contains("IMAP");
    }

    @Test
    void flushShouldWriteNoProtocolWhenTheOriginNamedNone() {
        writer.noteUse(ALICE, stored(), LoginOrigin.unknown());

        writer.flush();

        assertThat(lastUse()).contains(CREATED.plusSeconds(60));
        assertThat(stored().lastUsedProtocol()).isEmpty();
    }

    /** A login over {@code protocol} from 192.0.2.7. */
    static LoginOrigin over(String protocol) {
        return new LoginOrigin(Optional.of("192.0.2.7"), Optional.of(protocol));
    }

    @Test
    void theClientAddressShouldBeStoredWithTheUseAndWithoutWhatCannotBeInOne() {
        writer.noteUse(ALICE, stored(), over("IMAP"));
        writer.flush();
        assertThat(stored().lastUsedAddress()).contains("192.0.2.7");

        clock.advance(Duration.ofMinutes(2));
        writer.noteUse(ALICE, stored(), new LoginOrigin(Optional.of("2001:db8::7\r\nevil=<b>"), Optional.of("IMAP")));
        writer.flush();
        assertThat(stored().lastUsedAddress()).contains("2001:db8::7eb");
    }

    @Test
    void aProtocolNameShouldBeStoredWithoutWhatCannotBeOne() {
        writer.noteUse(ALICE, stored(), over("IMAP\r\nevil=1"));

        writer.flush();

        assertThat(stored().lastUsedProtocol()).contains("IMAPevil1");
    }

    @Test
    void flushShouldKeepTheLatestOfSeveralUses() {
        StoredAppPassword neverUsed = stored();
        writer.noteUse(ALICE, neverUsed, over("IMAP"));
        clock.advance(Duration.ofSeconds(30));
        writer.noteUse(ALICE, neverUsed, over("SMTP"));

        writer.flush();

        assertThat(lastUse()).contains(CREATED.plusSeconds(90));
        assertThat(stored().lastUsedProtocol()).contains("SMTP");
    }

    @Test
    void aUseWithinAMinuteOfTheStoredOneShouldNotBeWrittenAgain() {
        writer.noteUse(ALICE, stored(), over("IMAP"));
        writer.flush();
        clock.advance(LastUseWriter.RESOLUTION.minusSeconds(1));

        writer.noteUse(ALICE, stored(), over("SMTP"));
        writer.flush();

        assertThat(lastUse()).contains(CREATED.plusSeconds(60));
        assertThat(stored().lastUsedProtocol()).contains("IMAP");
    }

    @Test
    void aUseMoreThanAMinuteAfterTheStoredOneShouldBeWritten() {
        writer.noteUse(ALICE, stored(), over("IMAP"));
        writer.flush();
        clock.advance(LastUseWriter.RESOLUTION.plusSeconds(1));

        writer.noteUse(ALICE, stored(), over("SMTP"));
        writer.flush();

        assertThat(lastUse()).contains(CREATED.plusSeconds(60).plus(LastUseWriter.RESOLUTION).plusSeconds(1));
    }

    @Test
    void closeShouldWriteWhatIsPending() {
        writer.noteUse(ALICE, stored(), over("IMAP"));

        writer.close();

        assertThat(lastUse()).contains(CREATED.plusSeconds(60));
    }

    @Test
    void flushShouldNotResurrectARevokedEntry() {
        writer.noteUse(ALICE, stored(), over("IMAP"));
        store.revoke(ALICE, ID);

        writer.flush();

        assertThat(store.find(ALICE, ID)).isEmpty();
    }

    @Test
    void usesBeyondTheBoundShouldBeDropped() {
        StoredAppPassword entry = stored();
        for (int i = 0; i < LastUseWriter.MAX_PENDING; i++) {
            writer.noteUse(Username.of("user" + i + "@example.org"), entry, LoginOrigin.unknown());
        }
        writer.noteUse(ALICE, entry, LoginOrigin.unknown());

        writer.flush();

        assertThat(lastUse()).isEmpty();
    }

    @Test
    void aStoreThatFailsShouldDropTheUseAndNotThrow() {
        AppPasswordStore failing = (AppPasswordStore) Proxy.newProxyInstance(AppPasswordStore.class.getClassLoader(),
            new Class<?>[] {AppPasswordStore.class}, (proxy, method, args) -> {
                throw new StoreUnavailableException("App passwords store: test outage", null);
            });
        try (LastUseWriter failingWriter = new LastUseWriter(failing, clock)) {
            failingWriter.noteUse(ALICE, stored(), over("IMAP"));

            assertThatCode(failingWriter::flush).doesNotThrowAnyException();
        }
    }

    /** What lets a caller (James stopping, a test's probe) rely on a flush: the background one may hold the uses it waits for. */
    @Test
    void aFlushShouldReturnOnlyOnceTheUsesAnotherFlushTookAreWritten() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AppPasswordStore slow = (AppPasswordStore) Proxy.newProxyInstance(AppPasswordStore.class.getClassLoader(),
            new Class<?>[] {AppPasswordStore.class}, (proxy, method, args) -> {
                if (method.getName().equals("recordUse")) {
                    writing.countDown();
                    release.await(30, TimeUnit.SECONDS);
                }
                return method.invoke(store, args);
            });
        try (LastUseWriter slowWriter = new LastUseWriter(slow, clock)) {
            slowWriter.noteUse(ALICE, stored(), over("IMAP"));
            Thread first = new Thread(slowWriter::flush);
            first.start();
            writing.await(30, TimeUnit.SECONDS);
            Thread second = new Thread(slowWriter::flush);
            second.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> second.getState() == Thread.State.BLOCKED);
            release.countDown();
            second.join(10_000);
            assertThat(lastUse()).contains(CREATED.plusSeconds(60));
            first.join(10_000);
        }
    }
}
