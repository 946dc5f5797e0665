package org.apppasswords.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.totp.PendingTotpEnrolment;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpEnrolment;

/**
 * TOTP enrolments in a SQL database shared by every node, seeds sealed by {@link SecretColumn}.
 * The consuming operations are single conditional statements whose row count says who won:
 * {@code UPDATE ... WHERE last_used_step < ?} and {@code DELETE ... WHERE encoded_hash = ?}.
 * {@link #enable} relies on the primary key of {@code totp_enrolments}: one insert wins.
 */
public final class JdbcSecondFactorStore implements SecondFactorStore {
    private final Database database;
    private final SecretColumn secrets;

    JdbcSecondFactorStore(Database database, SecretColumn secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    @Override
    public Optional<TotpEnrolment> find(Username user) {
        // One statement, the recovery codes joined as one row each (or one row of NULL), because every primary-path login reads this.
        return database.inTransaction("read a TOTP enrolment", connection -> {
            try (PreparedStatement statement = Database.prepare(connection,
                    "SELECT e.encrypted_secret, e.enabled_at, e.last_used_step, e.failed_codes, e.last_wrong_code, e.spent_codes, r.encoded_hash"
                        + " FROM totp_enrolments e"
                        + " LEFT JOIN totp_recovery_codes r ON r.username = e.username WHERE e.username = ? ORDER BY r.slot",
                    user.asString());
                 ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String sealedSecret = rows.getString(1);
                long enabledAt = rows.getLong(2);
                long lastUsedStep = rows.getLong(3);
                int failedCodes = rows.getInt(4);
                Optional<String> lastWrongCode = Optional.ofNullable(rows.getString(5));
                List<String> spentCodes = SpentCodes.parse(rows.getString(6));
                List<String> hashes = new ArrayList<>();
                do {
                    Optional.ofNullable(rows.getString(7)).ifPresent(hashes::add);
                } while (rows.next());
                return Optional.of(new TotpEnrolment(secrets.open(sealedSecret, user), Database.fromNanos(enabledAt), lastUsedStep, hashes,
                    failedCodes, lastWrongCode, spentCodes));
            }
        });
    }

    @Override
    public boolean enable(Username user, TotpEnrolment enrolment) {
        boolean enabled;
        try {
            enabled = database.inTransaction("enable TOTP", connection -> {
                Database.update(connection, "INSERT INTO totp_enrolments (username, encrypted_secret, enabled_at, last_used_step, failed_codes,"
                    + " last_wrong_code, spent_codes) VALUES (?, ?, ?, ?, ?, ?, ?)", user.asString(), secrets.seal(enrolment.secret(), user),
                    Database.toNanos(enrolment.enabledAt()), enrolment.lastUsedStep(), enrolment.failedCodes(),
                    Database.nullableText(enrolment.lastWrongCode()), SpentCodes.format(enrolment.spentCodes()));
                Database.update(connection, "DELETE FROM totp_recovery_codes WHERE username = ?", user.asString());
                List<String> hashes = enrolment.recoveryCodeHashes();
                for (int slot = 0; slot < hashes.size(); slot++) {
                    Database.update(connection, "INSERT INTO totp_recovery_codes (username, slot, encoded_hash) VALUES (?, ?, ?)",
                        user.asString(), slot, hashes.get(slot));
                }
                return true;
            });
        } catch (StoreUnavailableException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            enabled = false;
        }
        deletePending(user);
        return enabled;
    }

    @Override
    public boolean disable(Username user) {
        return database.inTransaction("disable TOTP", connection -> {
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
        return database.inTransaction("read a pending TOTP enrolment", connection -> {
            try (PreparedStatement statement = Database.prepare(connection,
                    "SELECT encrypted_secret, started_at FROM totp_pending_enrolments WHERE username = ?", user.asString());
                 ResultSet rows = statement.executeQuery()) {
                return rows.next()
                    ? Optional.of(new PendingTotpEnrolment(secrets.open(rows.getString(1), user), Database.fromNanos(rows.getLong(2))))
                    : Optional.<PendingTotpEnrolment>empty();
            }
        });
    }

    /**
     * One transaction, with the old name's enrolment locked: a login spending a code or a step
     * under the old name meanwhile either happens before (and moves with it) or fails after.
     */
    @Override
    public boolean moveTo(Username from, Username to) {
        if (from.equals(to)) {
            return false;
        }
        return database.inTransaction("move a TOTP enrolment to a new username", connection -> {
            Database.update(connection, "DELETE FROM totp_pending_enrolments WHERE username = ?", from.asString());
            Optional<String> sealed = sealedSecretLocked(connection, from);
            boolean moved = sealed.isPresent() && !sealedSecretLocked(connection, to).isPresent();
            if (moved) {
                // The seed is sealed with the user name as associated data: moving it means sealing it again.
                String resealed = secrets.seal(secrets.open(sealed.get(), from), to);
                Database.update(connection, "INSERT INTO totp_enrolments (username, encrypted_secret, enabled_at, last_used_step, failed_codes,"
                    + " last_wrong_code, spent_codes) SELECT ?, ?, enabled_at, last_used_step, failed_codes, last_wrong_code, spent_codes"
                    + " FROM totp_enrolments WHERE username = ?", to.asString(), resealed, from.asString());
                Database.update(connection, "DELETE FROM totp_recovery_codes WHERE username = ?", to.asString());
                Database.update(connection, "UPDATE totp_recovery_codes SET username = ? WHERE username = ?", to.asString(), from.asString());
            }
            Database.update(connection, "DELETE FROM totp_recovery_codes WHERE username = ?", from.asString());
            Database.update(connection, "DELETE FROM totp_enrolments WHERE username = ?", from.asString());
            return moved;
        });
    }

    private static Optional<String> sealedSecretLocked(Connection connection, Username user) throws SQLException {
        try (PreparedStatement statement = Database.prepare(connection,
                "SELECT encrypted_secret FROM totp_enrolments WHERE username = ? FOR UPDATE", user.asString());
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    @Override
    public boolean spendCode(Username user, long step, List<String> spentCodes, int maxFailedCodes) {
        return database.inTransaction("spend a TOTP code", connection ->
            Database.update(connection, "UPDATE totp_enrolments SET last_used_step = ?, failed_codes = 0, last_wrong_code = NULL,"
                + " spent_codes = ? WHERE username = ? AND last_used_step < ? AND failed_codes < ?",
                step, SpentCodes.format(spentCodes), user.asString(), step, maxFailedCodes) == 1);
    }

    @Override
    public OptionalInt countWrongCode(Username user, String wrongCodeFingerprint, int maxFailedCodes) {
        return database.inTransaction("count a wrong TOTP code", connection -> {
            int counted = Database.update(connection, "UPDATE totp_enrolments SET failed_codes = failed_codes + 1, last_wrong_code = ?"
                + " WHERE username = ? AND failed_codes < ? AND (last_wrong_code IS NULL OR last_wrong_code <> ?)",
                wrongCodeFingerprint, user.asString(), maxFailedCodes, wrongCodeFingerprint);
            return counted == 1 ? OptionalInt.of(failedCodes(connection, user)) : OptionalInt.empty();
        });
    }

    @Override
    public boolean consumeRecoveryCode(Username user, String encodedHash) {
        return database.inTransaction("spend a recovery code", connection -> {
            boolean consumed = Database.update(connection, "DELETE FROM totp_recovery_codes WHERE username = ? AND encoded_hash = ?",
                user.asString(), encodedHash) == 1;
            if (consumed) {
                forgetWrongCodes(connection, user);
            }
            return consumed;
        });
    }

    @Override
    public void forgetWrongCodes(Username user) {
        database.inTransaction("forget wrong TOTP codes", connection -> forgetWrongCodes(connection, user));
    }

    private static int forgetWrongCodes(Connection connection, Username user) throws SQLException {
        return Database.update(connection, "UPDATE totp_enrolments SET failed_codes = 0, last_wrong_code = NULL WHERE username = ?",
            user.asString());
    }

    private static int failedCodes(Connection connection, Username user) throws SQLException {
        try (PreparedStatement statement = Database.prepare(connection, "SELECT failed_codes FROM totp_enrolments WHERE username = ?",
                user.asString());
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private void deletePending(Username user) {
        database.inTransaction("drop a pending TOTP enrolment", connection ->
            Database.update(connection, "DELETE FROM totp_pending_enrolments WHERE username = ?", user.asString()));
    }
}
