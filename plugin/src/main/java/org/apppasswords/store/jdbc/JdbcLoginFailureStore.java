package org.apppasswords.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.store.LoginFailureChange;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailures;
import org.apppasswords.store.StoreUnavailableException;

/**
 * Failure counters in the SQL database every node shares. A replacement is one conditional
 * {@code UPDATE ... WHERE version = ?} (or an {@code INSERT} that meets the primary key), whose row
 * count tells whether this login won the race; the changes of one {@link #apply} share one
 * transaction, rolled back when one of them loses.
 */
public final class JdbcLoginFailureStore implements LoginFailureStore {
    static final int CLEANUP_BATCH = 1_000;

    private final Database database;

    JdbcLoginFailureStore(Database database) {
        this.database = database;
    }

    @Override
    public Map<Username, Map<String, LoginFailures>> findAll(Collection<Username> users) {
        List<String> names = users.stream().map(Username::asString).distinct().collect(Collectors.toList());
        if (names.isEmpty()) {
            return Map.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(names.size(), "?"));
        return database.inTransaction("read login failures", connection -> {
            Map<Username, Map<String, LoginFailures>> records = new HashMap<>();
            try (PreparedStatement statement = Database.prepare(connection, "SELECT username, scope, failures, last_failure_at, locked_until,"
                    + " fingerprints, version FROM login_failures WHERE username IN (" + placeholders + ")", names.toArray());
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.computeIfAbsent(Username.of(rows.getString(1)), name -> new HashMap<>()).put(rows.getString(2), read(rows));
                }
            }
            return records;
        });
    }

    private static LoginFailures read(ResultSet row) throws SQLException {
        long lockedUntil = row.getLong(5);
        Optional<Instant> locked = row.wasNull() ? Optional.empty() : Optional.of(Database.fromNanos(lockedUntil));
        String fingerprints = row.getString(6);
        List<String> kept = fingerprints.isEmpty() ? List.of() : Arrays.asList(fingerprints.split(","));
        return new LoginFailures(row.getInt(3), Database.fromNanos(row.getLong(4)), locked, kept, row.getLong(7));
    }

    @Override
    public boolean apply(List<LoginFailureChange> changes) {
        try {
            return database.inTransaction("count failed logins", connection -> {
                for (LoginFailureChange change : changes) {
                    if (!write(connection, change)) {
                        // Rolls back the changes made so far: all or nothing.
                        throw LostRace.INSTANCE;
                    }
                }
                return true;
            });
        } catch (LostRace e) {
            return false;
        } catch (StoreUnavailableException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean write(Connection connection, LoginFailureChange change) throws SQLException {
        String user = change.user().asString();
        if (change.isRemoval()) {
            Database.update(connection, "DELETE FROM login_failures WHERE username = ? AND scope = ?", user, change.scope());
            return true;
        }
        LoginFailures updated = change.updated();
        Long lockedUntil = updated.lockedUntil().map(Database::toNanos).orElse(null);
        String fingerprints = String.join(",", updated.fingerprints());
        if (change.expected().isEmpty()) {
            return Database.update(connection, "INSERT INTO login_failures (username, scope, failures, last_failure_at, locked_until,"
                    + " fingerprints, version) VALUES (?, ?, ?, ?, ?, ?, ?)", user, change.scope(), updated.failures(),
                Database.toNanos(updated.lastFailureAt()), lockedUntil, fingerprints, updated.version()) == 1;
        }
        return Database.update(connection, "UPDATE login_failures SET failures = ?, last_failure_at = ?, locked_until = ?,"
                + " fingerprints = ?, version = ? WHERE username = ? AND scope = ? AND version = ?", updated.failures(),
            Database.toNanos(updated.lastFailureAt()), lockedUntil, fingerprints, updated.version(), user, change.scope(),
            change.expected().get().version()) == 1;
    }

    /** A replacement met another version: thrown to roll the transaction back, never seen outside. */
    private static final class LostRace extends RuntimeException {
        static final LostRace INSTANCE = new LostRace();

        private LostRace() {
            super("lost a compare-and-set race", null, false, false);
        }
    }

    @Override
    public void clear(Username user, String... scopes) {
        database.inTransaction("forget login failures", connection -> {
            for (String scope : scopes) {
                Database.update(connection, "DELETE FROM login_failures WHERE username = ? AND scope = ?", user.asString(), scope);
            }
            return null;
        });
    }

    @Override
    public void clearAll(Username user) {
        database.inTransaction("forget a user's login failures", connection ->
            Database.update(connection, "DELETE FROM login_failures WHERE username = ?", user.asString()));
    }

    @Override
    public int removeIdle(String scope, Instant idleSince, Instant now) {
        String scopeCondition = scope.endsWith(":") ? "scope LIKE ?" : "scope = ?";
        String scopeValue = scope.endsWith(":") ? scope + "%" : scope;
        // In batches, each its own short transaction, so that a large cleanup never holds many locks at once.
        String sql = "DELETE FROM login_failures WHERE (username, scope) IN (SELECT username, scope FROM login_failures WHERE "
            + scopeCondition + " AND last_failure_at < ? AND (locked_until IS NULL OR locked_until <= ?) LIMIT " + CLEANUP_BATCH + ")";
        int total = 0;
        int removed;
        do {
            removed = database.inTransaction("forget idle login failures", connection ->
                Database.update(connection, sql, scopeValue, Database.toNanos(idleSince), Database.toNanos(now)));
            total += removed;
        } while (removed >= CLEANUP_BATCH);
        return total;
    }
}
