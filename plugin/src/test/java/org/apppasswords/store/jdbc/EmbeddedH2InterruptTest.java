package org.apppasswords.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.session.SelfServiceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * James interrupts threads (Reactor does so when a blocking task is cancelled, for example when an
 * HTTP client hangs up mid-request). The embedded H2 store must survive an interrupt during a
 * write: a closed database would refuse every login until James restarts.
 */
class EmbeddedH2InterruptTest {
    private static final Username ALICE = Username.of("alice@example.org");
    /** The generation of a user whose secrets no revocation ever touched: this test revokes nothing. */
    private static final long NEVER_REVOKED = 0;

    @TempDir
    Path directory;

    private JdbcStores stores;

    @AfterEach
    void tearDown() {
        Thread.interrupted();
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void theStoreShouldKeepWorkingAfterAnInterruptedWrite() {
        stores = TestDatabases.open(new JdbcSettings(JdbcSettings.embeddedH2Url(directory), Optional.empty(), Optional.empty(), 2,
            directory.resolve("encryption.key"), JdbcSettings.DEFAULT_CONNECTION_TIMEOUT));
        Instant now = Instant.parse("2026-11-21T12:00:00Z");

        Thread.currentThread().interrupt();
        stores.sessions().create(session("written-while-interrupted", now));
        Thread.interrupted();

        stores.sessions().create(session("written-after", now));
        assertThat(stores.sessions().find("written-after", now)).isPresent();
    }

    private static SelfServiceSession session(String tokenDigest, Instant now) {
        return new SelfServiceSession(tokenDigest, ALICE, now, now.plusSeconds(600), false, NEVER_REVOKED);
    }
}
