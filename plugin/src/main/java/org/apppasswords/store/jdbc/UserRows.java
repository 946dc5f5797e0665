package org.apppasswords.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.UserGenerations;

/**
 * The per-user rows of {@code app_password_users}, which order every change to one user's secrets
 * on every node ({@link UserGenerations}): a change locks the user's row with
 * {@code SELECT ... FOR UPDATE} for its whole transaction, a creation commits only while the
 * row's generation is the one its caller read, and a revocation moves the generation on. Works the
 * same on H2 and PostgreSQL, unlike upserts or advisory locks.
 */
final class UserRows implements UserGenerations {
    private final Database database;

    UserRows(Database database) {
        this.database = database;
    }

    @Override
    public long current(Username user) {
        return database.read("read a user's generation", connection -> {
            try (ResultSet rows = Database.query(connection, "SELECT generation FROM app_password_users WHERE username = ?",
                    user.asString())) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    /** Runs {@code creation} holding the user's row, if the user's generation is still {@code generation}; empty otherwise. */
    <T> Optional<T> creating(String operation, Username user, long generation, Database.Work<T> creation) {
        ensureExists(user);
        return database.inTransaction(operation, connection ->
            lock(connection, user) == generation ? Optional.of(creation.run(connection)) : Optional.<T>empty());
    }

    /** Runs {@code revocation} holding the user's row, then moves the user's generation on, in one transaction. */
    <T> T revoking(String operation, Username user, Database.Work<T> revocation) {
        ensureExists(user);
        return database.inTransaction(operation, connection -> {
            lock(connection, user);
            T result = revocation.run(connection);
            bump(connection, user);
            return result;
        });
    }

    /** {@link #revoking} for two users at once (a rename), their rows locked in a fixed order so that two opposite moves cannot deadlock. */
    <T> T revokingBoth(String operation, Username one, Username other, Database.Work<T> revocation) {
        ensureExists(one);
        ensureExists(other);
        boolean oneFirst = one.asString().compareTo(other.asString()) < 0;
        return database.inTransaction(operation, connection -> {
            lock(connection, oneFirst ? one : other);
            lock(connection, oneFirst ? other : one);
            T result = revocation.run(connection);
            bump(connection, one);
            bump(connection, other);
            return result;
        });
    }

    /** Inserts the user's row when absent. A racing insert by another node or thread is what we wanted too. */
    private void ensureExists(Username user) {
        try {
            database.inTransaction("prepare a user's row", connection -> {
                if (!exists(connection, user)) {
                    Database.update(connection, "INSERT INTO app_password_users (username) VALUES (?)", user.asString());
                }
                return null;
            });
        } catch (StoreUnavailableException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** Holds the user's row until the transaction of {@code connection} ends; its generation. */
    private static long lock(Connection connection, Username user) throws SQLException {
        try (ResultSet rows = Database.query(connection,
                "SELECT generation FROM app_password_users WHERE username = ? FOR UPDATE", user.asString())) {
            if (!rows.next()) {
                throw new SQLException("The row of a user vanished while locking it");
            }
            return rows.getLong(1);
        }
    }

    private static void bump(Connection connection, Username user) throws SQLException {
        Database.update(connection, "UPDATE app_password_users SET generation = generation + 1 WHERE username = ?", user.asString());
    }

    private static boolean exists(Connection connection, Username user) throws SQLException {
        try (ResultSet rows = Database.query(connection,
                "SELECT username FROM app_password_users WHERE username = ?", user.asString())) {
            return rows.next();
        }
    }
}
