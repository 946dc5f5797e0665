package org.apppasswords.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import org.apache.james.core.Username;
import org.apppasswords.totp.TotpEnrolment;

/**
 * The second-factor operations a login makes (RFC 6238 section 5.2). Spending a TOTP code is one
 * conditional statement whose row count says who won ({@code UPDATE ... WHERE last_used_step < ? AND
 * failed_codes < ?}); counting a wrong code and spending a recovery code hold the enrolment's row
 * ({@code SELECT ... FOR UPDATE}) while they read and extend its spent codes, so that the same code
 * from two logins at once counts once. A TOTP spend writes the spent codes it read: a code counted
 * wrong in between may leave them, and would then count once more. The {@code spent_codes} column
 * holds fingerprints (URL-safe base64, never a comma) joined by commas.
 */
final class JdbcSecondFactorCodes {
    private final Database database;

    JdbcSecondFactorCodes(Database database) {
        this.database = database;
    }

    boolean spend(Username user, long step, List<String> spentCodes, int maxFailedCodes) {
        return database.behind("spend a TOTP code", connection ->
            Database.update(connection, "UPDATE totp_enrolments SET last_used_step = ?, failed_codes = 0, spent_codes = ?"
                + " WHERE username = ? AND last_used_step < ? AND failed_codes < ?",
                step, joinSpent(spentCodes), user.asString(), step, maxFailedCodes) == 1);
    }

    OptionalInt countWrong(Username user, String codeFingerprint, int maxFailedCodes) {
        return database.behind("count a wrong TOTP code", connection -> {
            try (ResultSet row = heldCodes(connection, user)) {
                if (!row.next() || row.getInt(1) >= maxFailedCodes || parseSpent(row.getString(2)).contains(codeFingerprint)) {
                    return OptionalInt.empty();
                }
                int counted = row.getInt(1) + 1;
                Database.update(connection, "UPDATE totp_enrolments SET failed_codes = ?, spent_codes = ? WHERE username = ?",
                    counted, joinSpent(TotpEnrolment.spentCodesWith(parseSpent(row.getString(2)), codeFingerprint)), user.asString());
                return OptionalInt.of(counted);
            }
        });
    }

    boolean consumeRecoveryCode(Username user, String encodedHash, String codeFingerprint) {
        return database.inTransaction("spend a recovery code", connection -> {
            try (ResultSet row = heldCodes(connection, user)) {
                if (!row.next() || Database.update(connection, "DELETE FROM totp_recovery_codes WHERE username = ? AND encoded_hash = ?",
                        user.asString(), encodedHash) != 1) {
                    return false;
                }
                Database.update(connection, "UPDATE totp_enrolments SET failed_codes = 0, spent_codes = ? WHERE username = ?",
                    joinSpent(TotpEnrolment.spentCodesWith(parseSpent(row.getString(2)), codeFingerprint)), user.asString());
                return true;
            }
        });
    }

    void forgetWrong(Username user) {
        database.inTransaction("forget wrong TOTP codes", connection ->
            Database.update(connection, "UPDATE totp_enrolments SET failed_codes = 0 WHERE username = ?", user.asString()));
    }

    static List<String> parseSpent(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }

    static String joinSpent(List<String> spentCodes) {
        return String.join(",", spentCodes);
    }

    /** The enrolment's wrong codes counted and spent codes, its row held until the transaction ends. */
    private static ResultSet heldCodes(Connection connection, Username user) throws SQLException {
        return Database.query(connection, "SELECT failed_codes, spent_codes FROM totp_enrolments WHERE username = ? FOR UPDATE",
            user.asString());
    }
}
