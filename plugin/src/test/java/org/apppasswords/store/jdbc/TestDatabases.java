package org.apppasswords.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JDBC store per backend and test JVM, emptied before each test: migrating a fresh database
 * for each of the many contract tests would dominate their run time. H2 lives in a temporary
 * file; PostgreSQL is the server {@link TestPostgresql} starts.
 *
 * <p>Tests that reach the tables directly (emptying, dumping, holding a row lock) open stores
 * through {@link #open} and then a connection of their own to the same database with
 * {@link #connectionTo}: never one of the store's pooled connections.
 */
public final class TestDatabases {
    private static final List<String> TABLES = List.of("app_passwords", "app_password_users", "totp_recovery_codes", "totp_enrolments",
        "totp_pending_enrolments", "self_service_sessions", "login_failures", "login_successes", "sign_out_notices", "live_connections", "live_instances",
        "sign_ins", "app_password_addresses");
    // The contracts race 50 threads on a pool of 10: a login's 2 s would be too short there.
    private static final Duration PATIENT = Duration.ofSeconds(30);
    private static final Map<JdbcStores, JdbcSettings> OPENED = new IdentityHashMap<>();

    private static JdbcStores h2;
    private static JdbcStores postgresql;

    private TestDatabases() {
    }

    public static synchronized JdbcStores emptyH2() {
        if (h2 == null) {
            try {
                Path directory = Files.createTempDirectory("app-passwords-h2");
                h2 = open(new JdbcSettings(JdbcSettings.embeddedH2Url(directory), Optional.empty(), Optional.empty(), 10,
                    directory.resolve("encryption.key"), PATIENT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return emptied(h2);
    }

    public static synchronized JdbcStores emptyPostgresql() {
        if (postgresql == null) {
            postgresql = open(postgresqlSettings(TestPostgresql.jdbcUrl("contract"), TestPostgresql.keyFile("contract")));
        }
        return emptied(postgresql);
    }

    /** How the tests reach a database of {@link TestPostgresql}'s server: its test user, a patient pool. */
    public static JdbcSettings postgresqlSettings(String url, Path keyFile) {
        return new JdbcSettings(url, Optional.of(TestPostgresql.USER), Optional.empty(), 10, keyFile, PATIENT);
    }

    /** Opens the stores as James does (migrating the schema), remembering where, for {@link #connectionTo}. */
    public static synchronized JdbcStores open(JdbcSettings settings) {
        JdbcStores stores = JdbcStores.open(settings, new SecureRandom());
        OPENED.put(stores, settings);
        return stores;
    }

    /** A new connection, outside the stores' pool, to the database {@code stores} were {@link #open opened} on. Close it. */
    public static Connection connectionTo(JdbcStores stores) throws SQLException {
        JdbcSettings settings;
        synchronized (TestDatabases.class) {
            settings = OPENED.get(stores);
        }
        if (settings == null) {
            throw new IllegalArgumentException("Only stores opened through TestDatabases.open can be reached directly");
        }
        return connectionTo(settings);
    }

    /** A new connection to the database {@code settings} name. Close it. */
    public static Connection connectionTo(JdbcSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.user().orElse(""), settings.revealPassword().orElse(""));
    }

    private static JdbcStores emptied(JdbcStores stores) {
        try (Connection connection = connectionTo(stores); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return stores;
    }
}
