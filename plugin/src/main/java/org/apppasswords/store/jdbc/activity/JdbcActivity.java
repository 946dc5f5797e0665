package org.apppasswords.store.jdbc.activity;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Instant;

import org.apache.james.core.Username;
import org.apppasswords.activity.KnownAddresses;
import org.apppasswords.activity.SignIn;
import org.apppasswords.activity.SignInHistory;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.jdbc.Database;

/** The sign-in history ({@code sign_ins}) and the addresses known to each app password ({@code app_password_addresses}), V10. */
public final class JdbcActivity implements SignInHistory, KnownAddresses {
    private static final String SUCCESS = SignIn.Outcome.SUCCESS.apiName();

    private final Database database;

    public JdbcActivity(Database database) {
        this.database = database;
    }

    @Override
    public void add(Username user, SignIn signIn) {
        database.behind("add a sign-in", connection -> {
            Database.update(connection, "INSERT INTO sign_ins (username, signed_in_at, protocol, address, method, app_password_id, label, outcome)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                user.asString(), Database.toNanos(signIn.at()), signIn.protocol(), Database.nullableText(signIn.address()),
                signIn.method().apiName(), Database.nullableText(signIn.appPasswordId()), Database.nullableText(signIn.label()),
                signIn.outcome().apiName());
            Database.update(connection, "DELETE FROM sign_ins WHERE username = ? AND outcome <> ? AND sequence_number <= (SELECT"
                + " sequence_number FROM sign_ins WHERE username = ? AND outcome <> ? ORDER BY sequence_number DESC LIMIT 1 OFFSET "
                + REFUSALS_KEPT_PER_USER + ")", user.asString(), SUCCESS, user.asString(), SUCCESS);
            return Database.update(connection, "DELETE FROM sign_ins WHERE username = ? AND sequence_number <= (SELECT sequence_number"
                + " FROM sign_ins WHERE username = ? ORDER BY sequence_number DESC LIMIT 1 OFFSET " + KEPT_PER_USER + ")",
                user.asString(), user.asString());
        });
    }

    @Override
    public List<SignIn> latest(Username user, Instant since) {
        return database.read("read sign-ins", connection -> {
            try (ResultSet rows = Database.query(connection, "SELECT signed_in_at, protocol, address, method, app_password_id, label, outcome"
                    + " FROM sign_ins WHERE username = ? AND signed_in_at >= ? ORDER BY signed_in_at DESC, sequence_number DESC LIMIT "
                    + KEPT_PER_USER, user.asString(), Database.toNanos(since))) {
                List<SignIn> signIns = new ArrayList<>();
                while (rows.next()) {
                    Optional<SignIn.Method> method = SignIn.Method.fromApiName(rows.getString(4));
                    Optional<SignIn.Outcome> outcome = SignIn.Outcome.fromApiName(rows.getString(7));
                    if (method.isPresent() && outcome.isPresent()) {
                        signIns.add(new SignIn(Database.fromNanos(rows.getLong(1)), rows.getString(2), Optional.ofNullable(rows.getString(3)),
                            method.get(), Optional.ofNullable(rows.getString(5)), Optional.ofNullable(rows.getString(6)), outcome.get()));
                    }
                }
                return signIns;
            }
        });
    }

    @Override
    public void forgetBefore(Instant before) {
        database.behind("forget old sign-ins", connection -> Database.update(connection,
            "DELETE FROM sign_ins WHERE signed_in_at < ?", Database.toNanos(before)));
    }

    @Override
    public void forget(Username user) {
        database.inTransaction("forget a user's sign-ins and known addresses", connection -> {
            Database.update(connection, "DELETE FROM sign_ins WHERE username = ?", user.asString());
            return Database.update(connection, "DELETE FROM app_password_addresses WHERE username = ?", user.asString());
        });
    }

    @Override
    public boolean add(Username user, String appPasswordId, String address) {
        try {
            return database.inTransaction("note an address", connection -> {
                try (ResultSet count = Database.query(connection,
                        "SELECT COUNT(*) FROM app_password_addresses WHERE username = ? AND app_password_id = ?", user.asString(), appPasswordId)) {
                    if (count.next() && count.getInt(1) >= KEPT_PER_APP_PASSWORD) {
                        return false;
                    }
                }
                return Database.update(connection, "INSERT INTO app_password_addresses (username, app_password_id, address) VALUES (?, ?, ?)",
                    user.asString(), appPasswordId, address) == 1;
            });
        } catch (StoreUnavailableException e) {
            if (Database.isUniqueViolation(e)) {
                // Known already: noted by an earlier use, here or on another node.
                return false;
            }
            throw e;
        }
    }
}
