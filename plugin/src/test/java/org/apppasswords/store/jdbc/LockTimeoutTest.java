package org.apppasswords.store.jdbc;

import static org.apppasswords.totp.SecondFactorStoreContract.ALICE;
import static org.apppasswords.totp.SecondFactorStoreContract.STEP;
import static org.apppasswords.totp.SecondFactorStoreContract.enrolment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;

import org.apppasswords.store.StoreUnavailableException;
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
 * TOTP seed).
 */
class LockTimeoutTest {
    @TempDir
    Path directory;

    private JdbcStores stores;
    private final ListAppender<ILoggingEvent> poolEvents = new ListAppender<>();
    private final Logger poolLogger = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari");

    @BeforeEach
    void setUp() {
        String url = "jdbc:h2:retry:" + directory.resolve("store") + ";LOCK_TIMEOUT=300;WRITE_DELAY=0";
        stores = JdbcStores.open(new JdbcSettings(url, Optional.empty(), Optional.empty(), 2, directory.resolve("encryption.key"),
            Duration.ofSeconds(10)), new SecureRandom());
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
        stores.secondFactors().enable(ALICE, enrolment());
        int connectionsBefore = stores.dataSource().getHikariPoolMXBean().getTotalConnections();
        try (Connection holder = stores.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            Database.update(holder, "UPDATE totp_enrolments SET enabled_at = enabled_at WHERE username = ?", ALICE.asString());

            assertThatThrownBy(() -> stores.secondFactors().advanceLastUsedStep(ALICE, STEP))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("record a TOTP step failed")
                .hasMessageNotContaining(ALICE.asString());
            holder.rollback();
        }

        assertThat(poolEvents.list).isEmpty();
        assertThat(stores.dataSource().getHikariPoolMXBean().getTotalConnections()).isEqualTo(connectionsBefore);
        assertThat(stores.secondFactors().advanceLastUsedStep(ALICE, STEP)).isTrue();
    }
}
