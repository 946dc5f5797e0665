package org.apppasswords.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import org.apache.james.core.Username;

/**
 * The second-factor operations a login makes, each one conditional statement whose row count says
 * who won (RFC 6238 section 5.2): spending a code ({@code UPDATE ... WHERE last_used_step < ? AND
 * failed_codes < ?}), counting a wrong one, spending a recovery code. The {@code spent_codes} column
 * holds fingerprints (URL-safe base64, never a comma) joined by commas.
 */
final class JdbcSecondFactorCodes {
    private final Database database;

    JdbcSecondFactorCodes(Database database) {
        this.database = database;
    }

    boolean spend(Username user, long step, List<String> spentCodes, int maxFailedCodes) {
        return database.behind("spend a TOTP code", connection ->
            Database.update(connection, "UPDATE totp_enrolments SET last_used_step = ?, failed_codes = 0, last_wrong_code = NULL,"
                + " spent_codes = ? WHERE username = ? AND last_used_step < ? AND failed_codes < ?",
                step, String.join(",", spentCodes), user.asString(), step, maxFailedCodes) == 1);
    }

    OptionalInt countWrong(Username user, String wrongCodeFingerprint, int maxFailedCodes) {
        return database.behind("count a wrong TOTP code", connection -> {
            int counted = Database.update(connection, "UPDATE totp_enrolments SET failed_codes = failed_codes + 1, last_wrong_code = ?"
                + " WHERE username = ? AND failed_codes < ? AND (last_wrong_code IS NULL OR last_wrong_code <> ?)",
                wrongCodeFingerprint, user.asString(), maxFailedCodes, wrongCodeFingerprint);
            return counted == 1 ? OptionalInt.of(failedCodes(connection, user)) : OptionalInt.empty();
        });
    }

    boolean consumeRecoveryCode(Username user, String encodedHash) {
        return database.inTransaction("spend a recovery code", connection -> {
            boolean consumed = Database.update(connection, "DELETE FROM totp_recovery_codes WHERE username = ? AND encoded_hash = ?",
                user.asString(), encodedHash) == 1;
            if (consumed) {
                forgetWrong(connection, user);
            }
            return consumed;
        });
    }

    void forgetWrong(Username user) {
        database.inTransaction("forget wrong TOTP codes", connection -> forgetWrong(connection, user));
    }

    static List<String> parseSpent(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }

    private static int forgetWrong(Connection connection, Username user) throws SQLException {
        return Database.update(connection, "UPDATE totp_enrolments SET failed_codes = 0, last_wrong_code = NULL WHERE username = ?",
            user.asString());
    }

    private static int failedCodes(Connection connection, Username user) throws SQLException {
        try (ResultSet rows = Database.query(connection, "SELECT failed_codes FROM totp_enrolments WHERE username = ?",
                user.asString())) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
