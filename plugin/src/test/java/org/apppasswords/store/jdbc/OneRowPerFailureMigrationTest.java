package org.apppasswords.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore.AddOutcome;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.throttle.ClientAddress;
import org.apppasswords.throttle.LoginFailure;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A store that an earlier version left at schema V3 (wrong TOTP codes counted as a throttle row of
 * scope {@code second-factor}) opened by this version: V4 moves that count into the enrolment,
 * replaces the throttle's tables, and keeps everything else; V5 starts every user at generation 0;
 * V6 adds the sign-out notices.
 * Run on H2 and PostgreSQL.
 */
class OneRowPerFailureMigrationTest {
    private static final String MIGRATIONS = "classpath:org/apppasswords/store/jdbc/migration";
    private static final Username ALICE = Username.of("alice@example.org");
    private static final Username BOB = Username.of("bob@example.org");
    private static final Username CAROL = Username.of("carol@example.org");
    private static final TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private static final Instant ENABLED_AT = Instant.parse("2024-03-01T12:00:00Z");
    private static final long STEP = 56_950_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path directory;

    @Test
    void anH2StoreAtV3ShouldKeepItsDataAndCountItsWrongCodesInTheEnrolment() throws Exception {
        JdbcSettings settings = new JdbcSettings(JdbcSettings.embeddedH2Url(directory), Optional.empty(), Optional.empty(), 2,
            directory.resolve("encryption.key"), JdbcSettings.DEFAULT_CONNECTION_TIMEOUT);

        migratedFromV3(settings);
    }

    @Test
    void aPostgreSqlStoreAtV3ShouldKeepItsDataAndCountItsWrongCodesInTheEnrolment() throws Exception {
        migratedFromV3(TestDatabases.postgresqlSettings(TestPostgresql.jdbcUrl("migration"), TestPostgresql.keyFile("migration")));
    }

    private void migratedFromV3(JdbcSettings settings) throws Exception {
        writeAtV3(settings);
        assertThat(schemaVersion(settings)).isEqualTo("3");

        try (JdbcStores stores = TestDatabases.open(settings)) {
            assertThat(schemaVersion(settings)).isEqualTo("12");

            TotpEnrolment alice = stores.secondFactors().find(ALICE).orElseThrow();
            assertThat(alice.failedCodes()).isEqualTo(7);
            assertThat(alice.spentCodes()).isEmpty();
            assertThat(alice.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
            assertThat(alice.enabledAt()).isEqualTo(ENABLED_AT);
            assertThat(alice.lastUsedStep()).isEqualTo(STEP);
            assertThat(alice.recoveryCodeHashes()).containsExactly("$sha256$c2FsdA0$aGFzaA0", "$sha256$c2FsdA1$aGFzaA1");
            // The count works: with 7 wrong codes counted, a limit of 7 refuses a code, a limit of 8 takes it.
            assertThat(stores.secondFactors().spendCode(ALICE, STEP + 1, List.of(), 7)).isFalse();
            assertThat(stores.secondFactors().spendCode(ALICE, STEP + 1, List.of(), 8)).isTrue();

            assertThat(stores.secondFactors().find(BOB).orElseThrow().failedCodes()).isZero();
            assertThat(stores.secondFactors().find(CAROL)).isEmpty();
            assertThat(stores.secondFactors().findPendingEnrolment(CAROL)).isPresent();

            StoredAppPassword appPassword = stores.appPasswords().find(ALICE, AppPasswordId.parse("qd3k7").orElseThrow()).orElseThrow();
            assertThat(appPassword.label()).isEqualTo("Thunderbird");
            assertThat(appPassword.lastUsedProtocol()).contains("IMAP");
            assertThat(stores.sessions().find("session-digest", ENABLED_AT)).hasValueSatisfying(
                session -> assertThat(session.generation()).isZero());

            // V5: every user starts at generation 0, whether V3 left a row for them (Alice) or not (Bob).
            assertThat(stores.generations().current(ALICE)).isZero();
            assertThat(stores.generations().current(BOB)).isZero();
            StoredAppPassword another = StoredAppPassword.created(AppPasswordId.parse("x7k2m").orElseThrow(), "Phone", "$sha256$c2Fs$aGFz",
                ENABLED_AT);
            assertThat(stores.appPasswords().add(ALICE, another, 25, 0)).isEqualTo(AddOutcome.ADDED);
            assertThat(stores.appPasswords().revokeAll(ALICE)).isEqualTo(2);
            assertThat(stores.generations().current(ALICE)).isEqualTo(1);

            ClientAddress address = ClientAddress.stored("203.0.113.7");
            assertThat(stores.loginFailures().read(ALICE, address, Instant.EPOCH).failures()).isEmpty();
            LoginFailure failure = new LoginFailure(ALICE, address, "fingerprint", ENABLED_AT);
            stores.loginFailures().record(failure);
            assertThat(stores.loginFailures().read(ALICE, address, Instant.EPOCH).failures()).containsExactly(failure);
        }
    }

    /** What a store of the previous version holds: the schema up to V3, its key, and rows in V3's format. */
    private static void writeAtV3(JdbcSettings settings) throws SQLException {
        try (HikariDataSource dataSource = dataSource(settings)) {
            flyway(dataSource).target("3").load().migrate();
            Database database = new Database(dataSource, Database.writesBehind(settings.url()));
            SeedCipher secrets = EncryptionKey.open(database, settings.keyFile(), RANDOM);
            long enabledAt = Database.toNanos(ENABLED_AT);
            database.inTransaction("write a store at V3", connection -> {
                Database.update(connection, "INSERT INTO totp_enrolments (username, encrypted_secret, enabled_at, last_used_step)"
                    + " VALUES (?, ?, ?, ?)", ALICE.asString(), secrets.seal(SECRET, ALICE), enabledAt, STEP);
                Database.update(connection, "INSERT INTO totp_enrolments (username, encrypted_secret, enabled_at, last_used_step)"
                    + " VALUES (?, ?, ?, ?)", BOB.asString(), secrets.seal(SECRET, BOB), enabledAt, TotpEnrolment.NO_STEP_USED);
                for (int slot = 0; slot < 2; slot++) {
                    Database.update(connection, "INSERT INTO totp_recovery_codes (username, slot, encoded_hash) VALUES (?, ?, ?)",
                        ALICE.asString(), slot, "$sha256$c2FsdA" + slot + "$aGFzaA" + slot);
                }
                Database.update(connection, "INSERT INTO totp_pending_enrolments (username, encrypted_secret, started_at) VALUES (?, ?, ?)",
                    CAROL.asString(), secrets.seal(SECRET, CAROL), enabledAt);
                insertOldFailure(connection, ALICE, "second-factor", 7, enabledAt);
                insertOldFailure(connection, ALICE, "address:203.0.113.7", 3, enabledAt);
                insertOldFailure(connection, BOB, "account", 4, enabledAt);
                // A count left for a user whose enrolment is gone: nothing to carry it.
                insertOldFailure(connection, CAROL, "second-factor", 5, enabledAt);
                Database.update(connection, "INSERT INTO app_password_users (username) VALUES (?)", ALICE.asString());
                Database.update(connection, "INSERT INTO app_passwords (username, id, label, encoded_hash, created_at, last_used_at,"
                    + " last_used_protocol) VALUES (?, ?, ?, ?, ?, ?, ?)", ALICE.asString(), "qd3k7", "Thunderbird",
                    "$sha256$c2FsdA$aGFzaA", enabledAt, enabledAt, "IMAP");
                return Database.update(connection, "INSERT INTO self_service_sessions (token_digest, username, created_at, expires_at,"
                    + " second_factor_verified) VALUES (?, ?, ?, ?, ?)", "session-digest", ALICE.asString(), enabledAt,
                    Database.toNanos(ENABLED_AT.plusSeconds(600)), true);
            });
        }
    }

    private static void insertOldFailure(Connection connection, Username user, String scope, int failures, long at) throws SQLException {
        Database.update(connection, "INSERT INTO login_failures (username, scope, failures, last_failure_at, locked_until, fingerprints,"
            + " version) VALUES (?, ?, ?, ?, ?, ?, ?)", user.asString(), scope, failures, at, null, "", 1L);
    }

    private static HikariDataSource dataSource(JdbcSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.revealPassword().ifPresent(config::setPassword);
        config.setMaximumPoolSize(3);
        return new HikariDataSource(config);
    }

    /** The schema version Flyway's history records. */
    private static String schemaVersion(JdbcSettings settings) {
        try (HikariDataSource dataSource = dataSource(settings)) {
            return flyway(dataSource).load().info().current().getVersion().getVersion();
        }
    }

    private static FluentConfiguration flyway(HikariDataSource dataSource) {
        return Flyway.configure(OneRowPerFailureMigrationTest.class.getClassLoader())
            .dataSource(dataSource)
            .locations(MIGRATIONS)
            .table("app_passwords_schema_history")
            .baselineOnMigrate(true)
            .baselineVersion("0");
    }
}
