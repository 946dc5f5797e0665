package org.apppasswords.store.jdbc.device;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordFormat;
import org.apppasswords.device.PendingProfile;
import org.apppasswords.device.ProfileLinkStore;
import org.apppasswords.store.jdbc.Database;
import org.apppasswords.store.jdbc.SeedCipher;

/**
 * Profile links in the SQL database every node shares ({@code device_profile_links}, V11): a link
 * issued on one node opens on any other, once. The app password is sealed with the cipher of the
 * TOTP seeds, bound to the row's digest and user (a ciphertext copied to another row does not
 * open). {@link #take} locks the row ({@code SELECT ... FOR UPDATE}) and deletes it in one
 * transaction, so that of two nodes opening one link at the same moment only the one whose delete
 * removed the row hands it out.
 */
public final class JdbcProfileLinkStore implements ProfileLinkStore {
    private final Database database;
    private final SeedCipher cipher;

    public JdbcProfileLinkStore(Database database, SeedCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    @Override
    public void save(PendingProfile profile) {
        String sealed = cipher.encrypt(profile.password().reveal().getBytes(StandardCharsets.US_ASCII), associatedData(profile.tokenDigest(),
            profile.user()));
        database.inTransaction("keep a device profile link", connection -> Database.update(connection,
            "INSERT INTO device_profile_links (token_digest, username, encrypted_password, expires_at) VALUES (?, ?, ?, ?)",
            profile.tokenDigest(), profile.user().asString(), sealed, Database.toNanos(profile.expiresAt())));
    }

    @Override
    public Optional<PendingProfile> take(String tokenDigest, Instant now) {
        return database.inTransaction("open a device profile link", connection -> {
            Username user;
            String sealed;
            Instant expiresAt;
            try (ResultSet rows = Database.query(connection,
                    "SELECT username, encrypted_password, expires_at FROM device_profile_links WHERE token_digest = ? FOR UPDATE", tokenDigest)) {
                if (!rows.next()) {
                    return Optional.<PendingProfile>empty();
                }
                user = Username.of(rows.getString(1));
                sealed = rows.getString(2);
                expiresAt = Database.fromNanos(rows.getLong(3));
            }
            boolean removedHere = Database.update(connection, "DELETE FROM device_profile_links WHERE token_digest = ?", tokenDigest) == 1;
            if (!removedHere || !now.isBefore(expiresAt)) {
                return Optional.<PendingProfile>empty();
            }
            return Optional.of(new PendingProfile(tokenDigest, user, open(sealed, tokenDigest, user), expiresAt));
        });
    }

    @Override
    public int removeExpired(Instant now) {
        return database.inTransaction("forget expired device profile links", connection ->
            Database.update(connection, "DELETE FROM device_profile_links WHERE expires_at <= ?", Database.toNanos(now)));
    }

    private AppPassword open(String sealed, String tokenDigest, Username user) throws SQLException {
        try {
            String plaintext = new String(cipher.decrypt(sealed, associatedData(tokenDigest, user)), StandardCharsets.US_ASCII);
            return AppPasswordFormat.recognise(plaintext).orElseThrow(() -> new GeneralSecurityException("not an app password"));
        } catch (GeneralSecurityException e) {
            throw new SQLException("A stored device profile link does not decrypt for its row (wrong key or a row copied from another)");
        }
    }

    private static String associatedData(String tokenDigest, Username user) {
        return "device-profile-link " + tokenDigest + " " + user.asString();
    }
}
