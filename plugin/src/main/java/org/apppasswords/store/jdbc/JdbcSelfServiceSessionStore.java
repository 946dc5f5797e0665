package org.apppasswords.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.session.SelfServiceSessionStore;

/** Self-service sessions in a SQL database shared by every node: a sign-out on one node ends the session on all. */
public final class JdbcSelfServiceSessionStore implements SelfServiceSessionStore {
    private final Database database;

    JdbcSelfServiceSessionStore(Database database) {
        this.database = database;
    }

    @Override
    public void create(SelfServiceSession session) {
        database.inTransaction("create a self-service session", connection -> Database.update(connection,
            "INSERT INTO self_service_sessions (token_digest, username, created_at, expires_at, second_factor_verified) VALUES (?, ?, ?, ?, ?)",
            session.tokenDigest(), session.user().asString(), Database.toNanos(session.createdAt()), Database.toNanos(session.expiresAt()),
            session.secondFactorVerified()));
    }

    @Override
    public Optional<SelfServiceSession> find(String tokenDigest, Instant now) {
        return database.inTransaction("read a self-service session", connection -> {
            try (PreparedStatement statement = Database.prepare(connection,
                    "SELECT username, created_at, expires_at, second_factor_verified FROM self_service_sessions"
                        + " WHERE token_digest = ? AND expires_at > ?", tokenDigest, Database.toNanos(now));
                 ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.<SelfServiceSession>empty();
                }
                return Optional.of(new SelfServiceSession(tokenDigest, Username.of(rows.getString(1)), Database.fromNanos(rows.getLong(2)),
                    Database.fromNanos(rows.getLong(3)), rows.getBoolean(4)));
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
        return database.inTransaction("end a user's self-service sessions", connection ->
            Database.update(connection, "DELETE FROM self_service_sessions WHERE username = ?", user.asString()));
    }

    @Override
    public int removeExpired(Instant now) {
        return database.inTransaction("forget expired self-service sessions", connection ->
            Database.update(connection, "DELETE FROM self_service_sessions WHERE expires_at <= ?", Database.toNanos(now)));
    }
}
