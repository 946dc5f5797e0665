package org.apppasswords.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.scope.ProtocolScope;

/**
 * App passwords in a SQL database shared by every node. Every change holds the user's row of
 * {@code app_password_users} ({@link UserRows}): concurrent adds for one user, on any node, run one
 * after the other so the limit holds, and an add authorised before a revoke-all, a rename or any
 * other revocation of the user's secrets cannot commit after it.
 */
public final class JdbcAppPasswordStore implements AppPasswordStore {
    private static final String COLUMNS = "id, label, encoded_hash, created_at, last_used_at, last_used_protocol, last_used_address, protocols";

    private final Database database;
    private final UserRows userRows;

    JdbcAppPasswordStore(Database database, UserRows userRows) {
        this.database = database;
        this.userRows = userRows;
    }

    @Override
    public AddOutcome add(Username user, StoredAppPassword entry, int maxPerUser, long generation) {
        return userRows.creating("add an app password", user, generation, connection -> {
            if (count(connection, user) >= maxPerUser) {
                return AddOutcome.LIMIT_REACHED;
            }
            if (findIn(connection, user, entry.id()).isPresent()) {
                return AddOutcome.ID_TAKEN;
            }
            Database.update(connection, "INSERT INTO app_passwords (username, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                user.asString(), entry.id().asString(), entry.label(), entry.encodedHash(), Database.toNanos(entry.createdAt()),
                entry.lastUsedAt().map(Database::toNanos).orElse(null), Database.nullableText(entry.lastUsedProtocol()),
                Database.nullableText(entry.lastUsedAddress()), Database.nullableText(entry.protocols().stored()));
            return AddOutcome.ADDED;
        }).orElse(AddOutcome.SUPERSEDED);
    }

    @Override
    public Optional<StoredAppPassword> find(Username user, AppPasswordId id) {
        return database.read("find an app password", connection -> findIn(connection, user, id));
    }

    @Override
    public List<StoredAppPassword> list(Username user) {
        return database.read("list app passwords", connection -> {
            try (ResultSet rows = Database.query(connection,
                    "SELECT " + COLUMNS + " FROM app_passwords WHERE username = ? ORDER BY created_at, id", user.asString())) {
                List<StoredAppPassword> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(read(rows));
                }
                return entries;
            }
        });
    }

    @Override
    public boolean revoke(Username user, AppPasswordId id) {
        return database.inTransaction("revoke an app password", connection ->
            Database.update(connection, "DELETE FROM app_passwords WHERE username = ? AND id = ?", user.asString(), id.asString()) == 1);
    }

    @Override
    public int revokeAll(Username user) {
        return userRows.revoking("revoke all app passwords", user, connection ->
            Database.update(connection, "DELETE FROM app_passwords WHERE username = ?", user.asString()));
    }

    @Override
    public void recordUse(Username user, AppPasswordId id, Instant usedAt, Optional<String> protocol, Optional<String> address) {
        database.behind("record the last use of an app password", connection -> Database.update(connection,
            "UPDATE app_passwords SET last_used_at = ?, last_used_protocol = ?, last_used_address = ? WHERE username = ? AND id = ?",
            Database.toNanos(usedAt), Database.nullableText(protocol), Database.nullableText(address), user.asString(), id.asString()));
    }

    @Override
    public int moveAll(Username from, Username to) {
        if (from.equals(to)) {
            return 0;
        }
        return userRows.revokingBoth("move app passwords to a new username", from, to, connection -> {
            Database.update(connection, "DELETE FROM app_passwords WHERE username = ? AND id IN "
                + "(SELECT id FROM app_passwords WHERE username = ?)", from.asString(), to.asString());
            return Database.update(connection, "UPDATE app_passwords SET username = ? WHERE username = ?", to.asString(), from.asString());
        });
    }

    private static int count(Connection connection, Username user) throws SQLException {
        try (ResultSet rows = Database.query(connection, "SELECT COUNT(*) FROM app_passwords WHERE username = ?", user.asString())) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Optional<StoredAppPassword> findIn(Connection connection, Username user, AppPasswordId id) throws SQLException {
        try (ResultSet rows = Database.query(connection,
                "SELECT " + COLUMNS + " FROM app_passwords WHERE username = ? AND id = ?", user.asString(), id.asString())) {
            return rows.next() ? Optional.of(read(rows)) : Optional.empty();
        }
    }

    private static StoredAppPassword read(ResultSet rows) throws SQLException {
        AppPasswordId id = AppPasswordId.parse(rows.getString("id"))
            .orElseThrow(() -> new SQLException("A stored app password id is malformed"));
        long lastUsed = rows.getLong("last_used_at");
        Optional<Instant> lastUsedAt = rows.wasNull() ? Optional.empty() : Optional.of(Database.fromNanos(lastUsed));
        return new StoredAppPassword(id, rows.getString("label"), rows.getString("encoded_hash"),
            Database.fromNanos(rows.getLong("created_at")), lastUsedAt, Optional.ofNullable(rows.getString("last_used_protocol")),
            Optional.ofNullable(rows.getString("last_used_address")), ProtocolScope.fromStored(Optional.ofNullable(rows.getString("protocols"))));
    }
}
