package org.apppasswords.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.apppasswords.store.StoreUnavailableException;

/**
 * Runs one unit of work on a pooled connection, as a transaction, and turns every
 * {@link SQLException} into a {@link StoreUnavailableException}. Nothing is cached: every call
 * reads the database, so what another node wrote is seen at once.
 *
 * <p>Three kinds of work. A {@link #read} changes nothing. A change ({@link #inTransaction}) is on
 * disk before it returns, on every database: a revocation or a spent recovery code answered is never
 * lost to a crash. A change {@link #behind the answer} (the login path's: a failure counted, a TOTP
 * step spent, a last use) may reach the disk up to half a second later on an H2 database that
 * delays its writes (its default {@code WRITE_DELAY}): one commit per login would otherwise write
 * new pages each time, cost several times the commit and grow the file by kilobytes per login, and
 * what a crash can lose there is made harmless elsewhere (a start refuses the steps a lost spend
 * could replay, see {@code CodeCheck}).
 */
public final class Database {
    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Binds SQL NULL to a text column (a plain null binds a BIGINT NULL, which PostgreSQL refuses for text). */
    private static final Object TEXT_NULL = new Object();

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final boolean writesBehind;

    /** {@code writesBehind}: an H2 database with a write delay, whose commits reach the disk up to that delay later. */
    Database(DataSource dataSource, boolean writesBehind) {
        this.dataSource = dataSource;
        this.writesBehind = writesBehind;
    }

    /** Whether the database at {@code url} delays its writes: H2 does unless told {@code WRITE_DELAY=0}. */
    static boolean writesBehind(String url) {
        return url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=0");
    }

    /** Whether changes made {@link #behind the answer} may be lost to a crash (what {@code CodeCheck} must then fence). */
    boolean writesBehind() {
        return writesBehind;
    }

    /** Reads in one transaction. */
    public <T> T read(String operation, Work<T> work) {
        return run(operation, work, false);
    }

    /** Changes in one transaction, on disk when this returns: committed when {@code work} returns, rolled back when it throws. */
    public <T> T inTransaction(String operation, Work<T> work) {
        return run(operation, work, writesBehind);
    }

    /** Changes in one transaction, which may reach the disk after this returns (the login path's writes). */
    <T> T behind(String operation, Work<T> work) {
        return run(operation, work, false);
    }

    private <T> T run(String operation, Work<T> work, boolean flush) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                if (flush) {
                    try (Statement checkpoint = connection.createStatement()) {
                        checkpoint.execute("CHECKPOINT");
                    }
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackKeeping(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("App passwords store: " + operation + " failed: " + e.getMessage(), e);
        }
    }

    /** A rollback that fails too (the connection is gone) must not hide why the work failed. */
    private static void rollbackKeeping(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /** True when {@link #inTransaction} failed because an insert met an existing key. */
    static boolean isUniqueViolation(StoreUnavailableException e) {
        return e.getCause() instanceof SQLException && isUniqueViolation((SQLException) e.getCause());
    }

    /** The value, or the marker that {@link #prepare} binds as a text NULL. */
    static Object nullableText(Optional<String> value) {
        return value.<Object>map(text -> text).orElse(TEXT_NULL);
    }

    /** Runs a query with its parameters bound ({@link #prepare}); close the result set, never the statement. */
    public static ResultSet query(Connection connection, String sql, Object... parameters) throws SQLException {
        return prepare(connection, sql, parameters).executeQuery();
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        return prepare(connection, sql, parameters).executeUpdate();
    }

    /**
     * The statement of {@code sql} on this connection, prepared once and kept while the connection
     * lives ({@link PreparedStatements}), with the parameters bound in order: strings, longs, ints,
     * booleans; null only for the nullable BIGINT columns, {@link #nullableText} for text.
     */
    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = PreparedStatements.of(connection, sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == TEXT_NULL) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (parameters[i] == null) {
                statement.setNull(i + 1, Types.BIGINT);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }

    /** Epoch nanoseconds: exact for every instant between 1677 and 2262. */
    public static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    public static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /**
     * The prepared statements of each pooled connection, kept while it lives. Measured on the default
     * H2 store: preparing the throttle's read costs about 25 µs each time (H2 parses it again), using
     * it prepared about 5 µs; a primary-path login makes three such statements, about a tenth of its
     * whole cost beside James's own password hash. A connection is used by one thread at a time (the
     * pool hands it over with a memory barrier), so its own statements need no lock; the map of
     * connections does. Statements of a connection the pool closed are dropped when a new connection
     * first prepares.
     */
    private static final class PreparedStatements {
        private static final Map<Connection, Map<String, PreparedStatement>> BY_CONNECTION = new HashMap<>();

        static PreparedStatement of(Connection pooled, String sql) throws SQLException {
            // The pool's connection is a new wrapper each time it is lent; the driver's connection stays.
            Connection connection = pooled.unwrap(Connection.class);
            Map<String, PreparedStatement> statements = statementsOf(connection);
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }

        private static Map<String, PreparedStatement> statementsOf(Connection connection) throws SQLException {
            synchronized (BY_CONNECTION) {
                Map<String, PreparedStatement> statements = BY_CONNECTION.get(connection);
                if (statements == null) {
                    for (Connection known : BY_CONNECTION.keySet().toArray(new Connection[0])) {
                        if (known.isClosed()) {
                            BY_CONNECTION.remove(known);
                        }
                    }
                    statements = new HashMap<>();
                    BY_CONNECTION.put(connection, statements);
                }
                return statements;
            }
        }
    }
}
