package org.apppasswords.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.james.core.Username;
import org.apppasswords.totp.PendingTotpEnrolment;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpEnrolment;

/**
 * TOTP enrolments in a SQL database shared by every node, seeds sealed by {@link SeedCipher}.
 * Enabling, disabling and copying hold the user's row ({@link UserRows}); what a login does with a
 * code is {@link JdbcSecondFactorCodes}'.
 */
public final class JdbcSecondFactorStore implements SecondFactorStore {
    private final Database database;
    private final UserRows userRows;
    private final SeedCipher secrets;
    private final JdbcSecondFactorCodes codes;

    JdbcSecondFactorStore(Database database, UserRows userRows, SeedCipher secrets) {
        this.database = database;
        this.userRows = userRows;
        this.secrets = secrets;
        this.codes = new JdbcSecondFactorCodes(database);
    }

    @Override
    public Optional<TotpEnrolment> find(Username user) {
        return database.read("read a TOTP enrolment", connection -> find(connection, user));
    }

    @Override
    public EnableOutcome enable(Username user, TotpEnrolment enrolment, long generation) {
        return userRows.creating("enable TOTP", user, generation, connection -> {
            Database.update(connection, "DELETE FROM totp_pending_enrolments WHERE username = ?", user.asString());
            if (sealedSecret(connection, user).isPresent()) {
                return EnableOutcome.ALREADY_ENABLED;
            }
            insert(connection, user, enrolment, secrets.seal(enrolment.secret(), user));
            return EnableOutcome.ENABLED;
        }).orElse(EnableOutcome.SUPERSEDED);
    }

    @Override
    public boolean disable(Username user) {
        return userRows.revoking("disable TOTP", user, connection -> {
            Database.update(connection, "DELETE FROM totp_pending_enrolments WHERE username = ?", user.asString());
            Database.update(connection, "DELETE FROM totp_recovery_codes WHERE username = ?", user.asString());
            return Database.update(connection, "DELETE FROM totp_enrolments WHERE username = ?", user.asString()) == 1;
        });
    }

    @Override
    public void startEnrolment(Username user, PendingTotpEnrolment pending) {
        String sealed = secrets.seal(pending.secret(), user);
        database.inTransaction("start a TOTP enrolment", connection -> {
            Database.update(connection, "DELETE FROM totp_pending_enrolments WHERE username = ?", user.asString());
            return Database.update(connection, "INSERT INTO totp_pending_enrolments (username, encrypted_secret, started_at) VALUES (?, ?, ?)",
                user.asString(), sealed, Database.toNanos(pending.startedAt()));
        });
    }

    @Override
    public Optional<PendingTotpEnrolment> findPendingEnrolment(Username user) {
        return database.read("read a pending TOTP enrolment", connection -> {
            try (ResultSet rows = Database.query(connection,
                    "SELECT encrypted_secret, started_at FROM totp_pending_enrolments WHERE username = ?", user.asString())) {
                return rows.next()
                    ? Optional.of(new PendingTotpEnrolment(secrets.open(rows.getString(1), user), Database.fromNanos(rows.getLong(2))))
                    : Optional.<PendingTotpEnrolment>empty();
            }
        });
    }

    /** One transaction holding both users' rows: a login spending a code under the old name meanwhile happens before or after. */
    @Override
    public boolean copyTo(Username from, Username to) {
        if (from.equals(to)) {
            return false;
        }
        return userRows.revokingBoth("copy a TOTP enrolment to a new username", from, to, connection -> {
            Database.update(connection, "DELETE FROM totp_pending_enrolments WHERE username = ?", from.asString());
            Optional<TotpEnrolment> enrolment = find(connection, from);
            if (enrolment.isEmpty() || sealedSecret(connection, to).isPresent()) {
                return false;
            }
            // The seed is sealed with the user name as associated data: the copy is sealed again for its name.
            insert(connection, to, enrolment.get(), secrets.seal(enrolment.get().secret(), to));
            return true;
        });
    }

    @Override
    public boolean spendCode(Username user, long step, List<String> spentCodes, int maxFailedCodes) {
        return codes.spend(user, step, spentCodes, maxFailedCodes);
    }

    @Override
    public OptionalInt countWrongCode(Username user, String codeFingerprint, int maxFailedCodes) {
        return codes.countWrong(user, codeFingerprint, maxFailedCodes);
    }

    @Override
    public boolean consumeRecoveryCode(Username user, String encodedHash, String codeFingerprint) {
        return codes.consumeRecoveryCode(user, encodedHash, codeFingerprint);
    }

    @Override
    public void forgetWrongCodes(Username user) {
        codes.forgetWrong(user);
    }

    private static void insert(Connection connection, Username user, TotpEnrolment enrolment, String sealedSecret) throws SQLException {
        Database.update(connection, "INSERT INTO totp_enrolments (username, encrypted_secret, enabled_at, last_used_step, failed_codes,"
            + " spent_codes) VALUES (?, ?, ?, ?, ?, ?)", user.asString(), sealedSecret,
            Database.toNanos(enrolment.enabledAt()), enrolment.lastUsedStep(), enrolment.failedCodes(),
            JdbcSecondFactorCodes.joinSpent(enrolment.spentCodes()));
        Database.update(connection, "DELETE FROM totp_recovery_codes WHERE username = ?", user.asString());
        List<String> hashes = enrolment.recoveryCodeHashes();
        for (int slot = 0; slot < hashes.size(); slot++) {
            Database.update(connection, "INSERT INTO totp_recovery_codes (username, slot, encoded_hash) VALUES (?, ?, ?)",
                user.asString(), slot, hashes.get(slot));
        }
    }

    /** One statement, the recovery codes joined as one row each (or one row of NULL): every primary-path login reads this. */
    private Optional<TotpEnrolment> find(Connection connection, Username user) throws SQLException {
        try (ResultSet rows = Database.query(connection,
                "SELECT e.encrypted_secret, e.enabled_at, e.last_used_step, e.failed_codes, e.spent_codes, r.encoded_hash"
                    + " FROM totp_enrolments e LEFT JOIN totp_recovery_codes r ON r.username = e.username WHERE e.username = ? ORDER BY r.slot",
                user.asString())) {
            if (!rows.next()) {
                return Optional.empty();
            }
            TotpEnrolment read = new TotpEnrolment(secrets.open(rows.getString(1), user), Database.fromNanos(rows.getLong(2)),
                rows.getLong(3), List.of(), rows.getInt(4), JdbcSecondFactorCodes.parseSpent(rows.getString(5)));
            List<String> hashes = new ArrayList<>();
            do {
                Optional.ofNullable(rows.getString(6)).ifPresent(hashes::add);
            } while (rows.next());
            return Optional.of(read.withRecoveryCodeHashes(hashes));
        }
    }

    private static Optional<String> sealedSecret(Connection connection, Username user) throws SQLException {
        try (ResultSet rows = Database.query(connection,
                "SELECT encrypted_secret FROM totp_enrolments WHERE username = ?", user.asString())) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }
}
