package org.apppasswords.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One JDBC store per backend and test JVM, emptied before each test: migrating a fresh database
 * for each of the many contract tests would dominate their run time. H2 lives in a temporary
 * file; PostgreSQL is the server {@link TestPostgresql} starts.
 */
public final class TestDatabases {
    private static final List<String> TABLES = List.of("app_passwords", "app_password_users", "totp_recovery_codes", "totp_enrolments",
        "totp_pending_enrolments", "self_service_sessions", "login_failures");
    // The contracts race 50 threads on a pool of 10: a login's 2 s would be too short there.
    private static final Duration PATIENT = Duration.ofSeconds(30);

    private static JdbcStores h2;
    private static JdbcStores h2WithoutJournal;
    private static JdbcStores postgresql;

    private TestDatabases() {
    }

    public static synchronized JdbcStores emptyH2() {
        if (h2 == null) {
            try {
                Path directory = Files.createTempDirectory("app-passwords-h2");
                h2 = JdbcStores.open(JdbcSettings.embeddedH2(directory, 10).withConnectionTimeout(PATIENT), new SecureRandom());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return emptied(h2);
    }

    /** An H2 file whose spent steps are committed one by one, as with a {@code jdbc.url} of the operator's. */
    public static synchronized JdbcStores emptyH2WithoutJournal() {
        if (h2WithoutJournal == null) {
            try {
                Path directory = Files.createTempDirectory("app-passwords-h2-plain");
                h2WithoutJournal = JdbcStores.open(new JdbcSettings(JdbcSettings.embeddedH2Url(directory), Optional.empty(), Optional.empty(), 10,
                    directory.resolve("encryption.key"), PATIENT), new SecureRandom());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return emptied(h2WithoutJournal);
    }

    public static synchronized JdbcStores emptyPostgresql() {
        if (postgresql == null) {
            String url = TestPostgresql.jdbcUrl("contract");
            postgresql = JdbcStores.open(new JdbcSettings(url, Optional.of(TestPostgresql.USER), Optional.empty(), 10,
                TestPostgresql.keyFile("contract"), PATIENT), new SecureRandom());
        }
        return emptied(postgresql);
    }

    private static JdbcStores emptied(JdbcStores stores) {
        try (Connection connection = stores.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        stores.forgetCachedSteps();
        return stores;
    }
}
