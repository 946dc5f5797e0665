package org.apppasswords.store.jdbc;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignOutNotice;
import org.apppasswords.signout.SignOutNotices;

/** Sign-out notices in {@code sign_out_notices}, read by every node sharing the database. */
public final class JdbcSignOutNotices implements SignOutNotices {
    private final Database database;

    JdbcSignOutNotices(Database database) {
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
}
