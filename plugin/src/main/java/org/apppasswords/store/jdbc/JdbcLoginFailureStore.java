package org.apppasswords.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.throttle.ClientAddress;
import org.apppasswords.throttle.LoginFailure;
import org.apppasswords.throttle.LoginFailureStore;

/**
 * Failed attempts in {@code login_failures}, one row per (account, address, fingerprint), and the
 * last success of each account from each address in {@code login_successes}, shared by every node.
 * Rows are only inserted, refreshed and deleted, never compared and swapped: racing attempts on
 * several nodes cannot lose a count. {@link #read} is one statement over both tables.
 */
public final class JdbcLoginFailureStore implements LoginFailureStore {
    private static final String READ = "SELECT 'F', username, address, fingerprint, failed_at, forgiven FROM login_failures"
        + " WHERE username = ? AND failed_at >= ?"
        + " UNION ALL SELECT 'F', username, address, fingerprint, failed_at, forgiven FROM login_failures"
        + " WHERE address = ? AND username <> ? AND failed_at >= ?"
        + " UNION ALL SELECT 'S', username, address, '', succeeded_at, FALSE FROM login_successes"
        + " WHERE username = ? AND address = ? AND succeeded_at >= ?";

    private final Database database;

    JdbcLoginFailureStore(Database database) {
        this.database = database;
    }

    @Override
    public History read(Username user, ClientAddress address, Instant since) {
        long from = Database.toNanos(since);
        return database.read("read login failures", connection -> {
            try (ResultSet rows = Database.query(connection, READ, user.asString(), from, address.asString(), user.asString(),
                    from, user.asString(), address.asString(), from)) {
                List<LoginFailure> failures = new ArrayList<>();
                Optional<Instant> lastSuccess = Optional.empty();
                while (rows.next()) {
                    Instant at = Database.fromNanos(rows.getLong(5));
                    if ("S".equals(rows.getString(1))) {
                        lastSuccess = Optional.of(at);
                    } else {
                        failures.add(new LoginFailure(Username.of(rows.getString(2)), ClientAddress.stored(rows.getString(3)), rows.getString(4), at,
                            rows.getBoolean(6)));
                    }
                }
                return new History(failures, lastSuccess);
            }
        });
    }

    @Override
    public void record(LoginFailure failure) {
        upsert("record a login failure",
            "UPDATE login_failures SET failed_at = ?, forgiven = FALSE WHERE username = ? AND address = ? AND fingerprint = ?",
            "INSERT INTO login_failures (failed_at, username, address, fingerprint) VALUES (?, ?, ?, ?)",
            Database.toNanos(failure.at()), failure.user().asString(), failure.address().asString(), failure.fingerprint());
    }

    @Override
    public void succeeded(Username user, ClientAddress address, Instant at, boolean forgiveFailures, boolean noteSuccess) {
        if (forgiveFailures) {
            database.behind("forgive login failures after a success", connection ->
                Database.update(connection, "UPDATE login_failures SET forgiven = TRUE WHERE username = ? AND address = ? AND forgiven = FALSE",
                    user.asString(), address.asString()));
        }
        if (noteSuccess) {
            upsert("note a successful login",
                "UPDATE login_successes SET succeeded_at = ? WHERE username = ? AND address = ?",
                "INSERT INTO login_successes (succeeded_at, username, address) VALUES (?, ?, ?)",
                Database.toNanos(at), user.asString(), address.asString());
        }
    }

    @Override
    public void forget(Username user) {
        database.inTransaction("forget a user's login failures", connection -> {
            Database.update(connection, "DELETE FROM login_failures WHERE username = ?", user.asString());
            return Database.update(connection, "DELETE FROM login_successes WHERE username = ?", user.asString());
        });
    }

    @Override
    public long removeBefore(Instant before) {
        long limit = Database.toNanos(before);
        return database.behind("forget old login failures", connection -> {
            Database.update(connection, "DELETE FROM login_failures WHERE failed_at < ?", limit);
            Database.update(connection, "DELETE FROM login_successes WHERE succeeded_at < ?", limit);
            return count(connection);
        });
    }

    /** Refreshes the row, or inserts it when there is none; an insert racing another one is that one's. */
    private void upsert(String operation, String update, String insert, Object... parameters) {
        try {
            database.behind(operation, connection -> Database.update(connection, update, parameters) == 1
                || Database.update(connection, insert, parameters) == 1);
        } catch (StoreUnavailableException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM login_failures");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
