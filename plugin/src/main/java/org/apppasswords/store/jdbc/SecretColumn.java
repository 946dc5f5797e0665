package org.apppasswords.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.SQLException;

import org.apache.james.core.Username;
import org.apppasswords.totp.TotpSecret;

/**
 * Turns a TOTP seed into the text stored in an {@code encrypted_secret} column and back, bound to
 * the user it belongs to. A row that does not open (another key, or copied from another user)
 * reads as an error, never as a secret.
 */
final class SecretColumn {
    private final SeedCipher cipher;

    SecretColumn(SeedCipher cipher) {
        this.cipher = cipher;
    }

    String seal(TotpSecret secret, Username user) {
        return cipher.encrypt(secret.revealBase32().getBytes(StandardCharsets.US_ASCII), user.asString());
    }

    TotpSecret open(String stored, Username user) throws SQLException {
        try {
            return TotpSecret.fromBase32(new String(cipher.decrypt(stored, user.asString()), StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SQLException("A stored TOTP seed does not decrypt for its user (wrong key or a row copied from another user)");
        }
    }
}
