package org.apppasswords.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * A row-lock timeout on H2 is an answer, not a broken connection: the pool keeps the connection
 * and logs nothing, because H2's text of the timeout quotes the locked row (here Alice's sealed
 * TOTP seed). HikariCP logs the eviction of a connection it deems broken on the failing thread, so
 * that an empty log proves the connection was kept.
 */
class LockTimeoutTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final long STEP = 56_950_000L;
    private static final int MAX_FAILED_CODES = 100;

    @TempDir
    Path directory;

    private JdbcStores stores;
    private final ListAppender<ILoggingEvent> poolEvents = new ListAppender<>();
    private final Logger poolLogger = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari");

    @BeforeEach
    void setUp() {
        String url = "jdbc:h2:retry:" + directory.resolve("store") + ";LOCK_TIMEOUT=300;WRITE_DELAY=0";
        stores = TestDatabases.open(new JdbcSettings(url, Optional.empty(), Optional.empty(), 2, directory.resolve("encryption.key"),
            Duration.ofSeconds(10)));
        poolEvents.start();
        poolLogger.addAppender(poolEvents);
    }

    @AfterEach
    void tearDown() {
        poolLogger.detachAppender(poolEvents);
        stores.close();
    }

    @Test
    void aLockTimeoutShouldKeepTheConnectionAndLogNothing() throws Exception {
        stores.secondFactors().enable(ALICE, TotpEnrolment.enabled(TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
            Instant.parse("2024-03-01T12:00:00Z"), List.of()), stores.generations().current(ALICE));
        try (Connection holder = TestDatabases.connectionTo(stores)) {
            holder.setAutoCommit(false);
            Database.update(holder, "UPDATE totp_enrolments SET enabled_at = enabled_at WHERE username = ?", ALICE.asString());

            assertThatThrownBy(() -> stores.secondFactors().spendCode(ALICE, STEP, List.of(), MAX_FAILED_CODES))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("spend a TOTP code failed")
                .hasMessageNotContaining(ALICE.asString());
            holder.rollback();
        }

        assertThat(poolEvents.list).isEmpty();
        assertThat(stores.secondFactors().spendCode(ALICE, STEP, List.of(), MAX_FAILED_CODES)).isTrue();
    }
}
