package org.apppasswords.store.jdbc;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;

import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.signout.ConnectionDirectory;
import org.apppasswords.signout.SignOutNotices;
import org.apppasswords.store.UserGenerations;
import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.totp.SecondFactorStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * The JDBC stores over one HikariCP pool: opening migrates the schema with Flyway
 * ({@code classpath:org/apppasswords/store/jdbc/migration}, history in
 * {@code app_passwords_schema_history}) and opens the encryption key. Pool timeouts are short, so
 * that an unreachable database refuses logins within seconds instead of holding threads, and a
 * database that comes back is used again without a restart (the pool reconnects on demand).
 */
public final class JdbcStores implements AutoCloseable {
    private static final String MIGRATIONS = "classpath:org/apppasswords/store/jdbc/migration";

    private final HikariDataSource dataSource;
    private final Database database;
    private final SeedCipher cipher;
    private final UserRows userRows;
    private final JdbcAppPasswordStore appPasswords;
    private final JdbcSecondFactorStore secondFactors;
    private final JdbcSelfServiceSessionStore sessions;
    private final JdbcLoginFailureStore loginFailures;
    private final JdbcLiveSignOut liveSignOut;

    private JdbcStores(HikariDataSource dataSource, Database database, SeedCipher cipher) {
        this.dataSource = dataSource;
        this.database = database;
        this.cipher = cipher;
        this.userRows = new UserRows(database);
        this.appPasswords = new JdbcAppPasswordStore(database, userRows);
        this.secondFactors = new JdbcSecondFactorStore(database, userRows, cipher);
        this.sessions = new JdbcSelfServiceSessionStore(database, userRows);
        this.loginFailures = new JdbcLoginFailureStore(database);
        this.liveSignOut = new JdbcLiveSignOut(database);
    }

    /** @throws IllegalStateException with an operator-facing message when the database or the key cannot be used */
    public static JdbcStores open(JdbcSettings settings, SecureRandom random) {
        HikariDataSource dataSource = pool(settings);
        try {
            migrate(dataSource);
            Database database = new Database(dataSource, Database.writesBehind(settings.url()));
            return new JdbcStores(dataSource, database, EncryptionKey.open(database, settings.keyFile(), random));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource pool(JdbcSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("app-passwords");
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.revealPassword().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(1000, settings.connectionTimeout().toMillis()));
        config.setExceptionOverrideClassName(TimeoutsKeepTheConnection.class.getName());
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // Seconds; bound a connect and a statement to a vanished server. URL parameters win.
            config.addDataSourceProperty("connectTimeout", "2");
            config.addDataSourceProperty("socketTimeout", "5");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The app passwords store at " + settings.url() + " (jdbc.url) cannot be reached: "
                + rootMessage(e), e);
        }
    }

    private static void migrate(HikariDataSource dataSource) {
        try {
            Flyway.configure(JdbcStores.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table("app_passwords_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("The app passwords store schema cannot be created or upgraded: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The database, for the stores of sub-packages ({@code store.jdbc.device}, {@code store.jdbc.activity}), which this package does not know. */
    public Database database() {
        return database;
    }

    /** The cipher of the TOTP seeds, for the stores of sub-packages that keep a secret they must read back. */
    public SeedCipher cipher() {
        return cipher;
    }

    public AppPasswordStore appPasswords() {
        return appPasswords;
    }

    public SecondFactorStore secondFactors() {
        return secondFactors;
    }

    public SelfServiceSessionStore sessions() {
        return sessions;
    }

    /**
     * Whether a change of the login path (a spent TOTP step, a failure counted) may reach the disk
     * after the login is answered, and so be lost to a crash: on H2 with its default write delay.
     */
    public boolean writesBehind() {
        return database.writesBehind();
    }

    /** The per-user generations every change to a user's secrets is ordered by. */
    public UserGenerations generations() {
        return userRows;
    }

    public LoginFailureStore loginFailures() {
        return loginFailures;
    }

    public SignOutNotices signOutNotices() {
        return liveSignOut;
    }

    public ConnectionDirectory connectionDirectory() {
        return liveSignOut;
    }

    /** Runs a trivial query ({@code SELECT 1}); throws {@link org.apppasswords.store.StoreUnavailableException} when the database does not answer. */
    public void ping() {
        database.read("check that the store answers", connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                return statement.execute("SELECT 1");
            }
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * Tells HikariCP that a statement that timed out (H2's row-lock timeout) left its connection
     * usable. By default the pool evicts the connection and logs the whole exception at WARN, and H2's
     * text of a lock timeout quotes the locked row: a user name with a sealed TOTP seed or an app
     * password's hash, which have no place in a log. Our own message names the operation only. A
     * connection error (SQLSTATE class 08) is still evicted. Named in the pool's configuration, so
     * HikariCP creates it: public, with a public constructor.
     */
    public static final class TimeoutsKeepTheConnection implements SQLExceptionOverride {
        @java.lang.Override
        public Override adjudicate(SQLException exception) {
            String state = exception.getSQLState();
            boolean connectionError = state != null && state.startsWith("08");
            return exception instanceof SQLTimeoutException && !connectionError ? Override.DO_NOT_EVICT : Override.CONTINUE_EVICT;
        }
    }
}
