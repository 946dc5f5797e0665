package org.apppasswords.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;

/**
 * The per-user row of {@code app_password_users}, locked with {@code SELECT ... FOR UPDATE} to
 * serialise the changes to one user's app passwords across every node. Works the same on H2 and
 * PostgreSQL, unlike upserts or advisory locks.
 */
final class UserRowLock {
    private final Database database;

    UserRowLock(Database database) {
        this.database = database;
    }

    /** Inserts the user's row when absent. A racing insert by another node or thread is what we wanted too. */
    void ensureExists(Username user) {
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

    /** Holds the user's row until the transaction of {@code connection} ends. */
    void lock(Connection connection, Username user) throws SQLException {
        try (PreparedStatement statement = Database.prepare(connection,
                "SELECT username FROM app_password_users WHERE username = ? FOR UPDATE", user.asString());
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("The row of a user vanished while locking it");
            }
        }
    }

    /** Locks two users' rows in a fixed order, so two opposite moves cannot deadlock. */
    void lockBoth(Connection connection, Username one, Username other) throws SQLException {
        boolean oneFirst = one.asString().compareTo(other.asString()) < 0;
        lock(connection, oneFirst ? one : other);
        lock(connection, oneFirst ? other : one);
    }

    private static boolean exists(Connection connection, Username user) throws SQLException {
        try (PreparedStatement statement = Database.prepare(connection,
                "SELECT username FROM app_password_users WHERE username = ?", user.asString());
             ResultSet rows = statement.executeQuery()) {
            return rows.next();
        }
    }
}
