package org.apppasswords.store.jdbc;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.session.SelfServiceSessionStore;

/**
 * Self-service sessions in a SQL database shared by every node: a sign-out on one node ends the
 * session on all. Opening a session and ending all of a user's hold the user's row
 * ({@link UserRows}), so that a sign-in in flight across a password change cannot outlive it.
 */
public final class JdbcSelfServiceSessionStore implements SelfServiceSessionStore {
    private final Database database;
    private final UserRows userRows;

    JdbcSelfServiceSessionStore(Database database, UserRows userRows) {
        this.database = database;
        this.userRows = userRows;
    }

    @Override
    public boolean create(SelfServiceSession session) {
        return userRows.creating("create a self-service session", session.user(), session.generation(), connection ->
            Database.update(connection, "INSERT INTO self_service_sessions (token_digest, username, created_at, expires_at, second_factor_verified) VALUES (?, ?, ?, ?, ?)",
            session.tokenDigest(), session.user().asString(), Database.toNanos(session.createdAt()), Database.toNanos(session.expiresAt()),
            session.secondFactorVerified())).isPresent();
    }

    @Override
    public Optional<SelfServiceSession> find(String tokenDigest, Instant now) {
        return database.read("read a self-service session", connection -> {
            try (ResultSet rows = Database.query(connection,
                    // The user's generation in the same statement: read no later than the session's validity.
                    "SELECT s.username, s.created_at, s.expires_at, s.second_factor_verified, COALESCE(u.generation, 0)"
                        + " FROM self_service_sessions s LEFT JOIN app_password_users u ON u.username = s.username"
                        + " WHERE s.token_digest = ? AND s.expires_at > ?", tokenDigest, Database.toNanos(now))) {
                if (!rows.next()) {
                    return Optional.<SelfServiceSession>empty();
                }
                return Optional.of(new SelfServiceSession(tokenDigest, Username.of(rows.getString(1)), Database.fromNanos(rows.getLong(2)),
                    Database.fromNanos(rows.getLong(3)), rows.getBoolean(4), rows.getLong(5)));
            }
        });
    }

    @Override
    public boolean markSecondFactorVerified(String tokenDigest) {
        return database.inTransaction("mark a self-service session as second-factor verified", connection ->
            Database.update(connection, "UPDATE self_service_sessions SET second_factor_verified = TRUE WHERE token_digest = ?",
                tokenDigest) == 1);
    }

    @Override
    public boolean revoke(String tokenDigest) {
        return database.inTransaction("end a self-service session", connection ->
            Database.update(connection, "DELETE FROM self_service_sessions WHERE token_digest = ?", tokenDigest) == 1);
    }

    @Override
    public int revokeAll(Username user) {
        return userRows.revoking("end a user's self-service sessions", user, connection ->
            Database.update(connection, "DELETE FROM self_service_sessions WHERE username = ?", user.asString()));
    }

    @Override
    public int removeExpired(Instant now) {
        return database.behind("forget expired self-service sessions", connection ->
            Database.update(connection, "DELETE FROM self_service_sessions WHERE expires_at <= ?", Database.toNanos(now)));
    }
}
