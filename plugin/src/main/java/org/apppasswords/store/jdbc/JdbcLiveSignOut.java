package org.apppasswords.store.jdbc;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.signout.ConnectionDirectory;
import org.apppasswords.signout.ListedConnection;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignOutNotice;
import org.apppasswords.signout.SignOutNotices;
import org.apppasswords.signout.SignedInConnection;

/**
 * What live sign-out shares between the nodes of one database: the sign-out notices
 * ({@code sign_out_notices}) and the directory of live connections ({@code live_connections}, by
 * {@code live_instances} alive).
 */
public final class JdbcLiveSignOut implements SignOutNotices, ConnectionDirectory {
    private final Database database;

    JdbcLiveSignOut(Database database) {
        this.database = database;
    }

    @Override
    public void publish(Username user, OpenedWith openedWith, Instant at) {
        database.behind("publish a sign-out", connection -> Database.update(connection,
            "INSERT INTO sign_out_notices (username, opened_with, published_at) VALUES (?, ?, ?)",
            user.asString(), openedWith.stored(), Database.toNanos(at)));
    }

    @Override
    public List<SignOutNotice> since(Instant from) {
        return database.read("read sign-outs", connection -> {
            try (ResultSet rows = Database.query(connection, "SELECT sequence_number, username, opened_with, published_at"
                    + " FROM sign_out_notices WHERE published_at >= ? ORDER BY sequence_number", Database.toNanos(from))) {
                List<SignOutNotice> notices = new ArrayList<>();
                while (rows.next()) {
                    long sequence = rows.getLong(1);
                    Username user = Username.of(rows.getString(2));
                    Instant at = Database.fromNanos(rows.getLong(4));
                    OpenedWith.fromStored(rows.getString(3)).ifPresent(openedWith -> notices.add(new SignOutNotice(sequence, user, openedWith, at)));
                }
                return notices;
            }
        });
    }

    @Override
    public void forgetBefore(Instant before) {
        database.behind("forget old sign-outs", connection -> Database.update(connection,
            "DELETE FROM sign_out_notices WHERE published_at < ?", Database.toNanos(before)));
    }

    @Override
    public void publish(String instance, String node, Username user, List<SignedInConnection> connections) {
        database.behind("publish live connections", connection -> {
            Database.update(connection, "DELETE FROM live_connections WHERE instance = ? AND username = ?", instance, user.asString());
            for (SignedInConnection signedIn : connections) {
                Database.update(connection, "INSERT INTO live_connections (instance, node, username, protocol, address, logged_in_at,"
                        + " app_password_id) VALUES (?, ?, ?, ?, ?, ?, ?)", instance, node, user.asString(), signedIn.protocol(),
                    Database.nullableText(signedIn.address()), Database.toNanos(signedIn.since()),
                    Database.nullableText(signedIn.appPasswordId()));
            }
            return null;
        });
    }

    @Override
    public boolean alive(String instance, Instant at) {
        return database.behind("note an instance alive", connection -> {
            boolean known = Database.update(connection, "UPDATE live_instances SET alive_at = ? WHERE instance = ?",
                Database.toNanos(at), instance) > 0;
            if (!known) {
                Database.update(connection, "INSERT INTO live_instances (instance, alive_at) VALUES (?, ?)", instance, Database.toNanos(at));
            }
            return known;
        });
    }

    @Override
    public List<ListedConnection> of(Username user, Instant aliveSince, String except) {
        return database.read("list live connections", connection -> {
            try (ResultSet rows = Database.query(connection, "SELECT c.node, c.protocol, c.address, c.logged_in_at, c.app_password_id"
                    + " FROM live_connections c JOIN live_instances i ON i.instance = c.instance"
                    + " WHERE c.username = ? AND i.alive_at >= ? AND c.instance <> ?", user.asString(), Database.toNanos(aliveSince), except)) {
                List<ListedConnection> listed = new ArrayList<>();
                while (rows.next()) {
                    listed.add(new ListedConnection(rows.getString(1), new SignedInConnection(user, rows.getString(2),
                        Optional.ofNullable(rows.getString(3)), Database.fromNanos(rows.getLong(4)), Optional.ofNullable(rows.getString(5)))));
                }
                return listed;
            }
        });
    }

    @Override
    public void forget(String instance) {
        database.behind("forget an instance", connection -> {
            Database.update(connection, "DELETE FROM live_connections WHERE instance = ?", instance);
            return Database.update(connection, "DELETE FROM live_instances WHERE instance = ?", instance);
        });
    }

    @Override
    public void forgetSilentSince(Instant before) {
        database.behind("forget silent instances", connection -> {
            Database.update(connection, "DELETE FROM live_connections WHERE instance IN"
                + " (SELECT instance FROM live_instances WHERE alive_at < ?)", Database.toNanos(before));
            return Database.update(connection, "DELETE FROM live_instances WHERE alive_at < ?", Database.toNanos(before));
        });
    }
}
