package org.apppasswords.store.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.apppasswords.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the key that encrypts TOTP seeds at rest: the base64 of 32 random bytes in the file
 * {@code encryption.keyFile}, created with owner-only permissions (POSIX 600) on the first start.
 * The store keeps a check value (a known text sealed with the key) so that a wrong key, or a
 * missing key file on a store that holds data, stops the start with a clear message instead of
 * locking every enrolled user out. An existing key file that other users may read or write is
 * used, with a warning in the log.
 */
final class EncryptionKey {
    private static final String CHECK_NAME = "encryption.keyCheck";
    private static final String CHECK_TEXT = "james-app-passwords key check v1";
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
        PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
    private static final Logger LOGGER = LoggerFactory.getLogger(EncryptionKey.class);

    private EncryptionKey() {
    }

    static SeedCipher open(Database database, Path keyFile, SecureRandom random) {
        Optional<String> check = storedCheck(database);
        boolean holdsData = check.isPresent() || holdsSeeds(database);
        if (!Files.exists(keyFile) && holdsData) {
            throw new IllegalStateException("The encryption key file " + keyFile + " (encryption.keyFile) is missing, but the app passwords"
                + " store already holds TOTP enrolments encrypted with a key: restore that file (every node needs the same one)");
        }
        SeedCipher cipher = new SeedCipher(readOrCreate(keyFile, random), random);
        if (check.isEmpty()) {
            recordCheck(database, cipher);
        }
        // Read back even after recording it: a node starting at the same time may have won.
        verify(cipher, storedCheck(database).orElseThrow(), keyFile);
        return cipher;
    }

    private static void recordCheck(Database database, SeedCipher cipher) {
        String sealed = cipher.encrypt(CHECK_TEXT.getBytes(StandardCharsets.UTF_8), CHECK_NAME);
        try {
            database.inTransaction("record the key check value", connection ->
                Database.update(connection, "INSERT INTO app_passwords_metadata (fact_name, fact_value) VALUES (?, ?)", CHECK_NAME, sealed));
        } catch (StoreUnavailableException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    private static void verify(SeedCipher cipher, String sealed, Path keyFile) {
        try {
            cipher.decrypt(sealed, CHECK_NAME);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The encryption key in " + keyFile + " (encryption.keyFile) is not the key this app passwords"
                + " store was encrypted with: restore the original key file (every node needs the same one)");
        }
    }

    private static byte[] readOrCreate(Path keyFile, SecureRandom random) {
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile, random);
            } else {
                warnWhenOthersCanRead(keyFile);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
            if (key.length != SeedCipher.KEY_BYTES) {
                throw new IllegalArgumentException("wrong length");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("The encryption key file " + keyFile + " (encryption.keyFile) cannot be read or created: "
                + e.getClass().getSimpleName(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The encryption key file " + keyFile + " (encryption.keyFile) must hold the base64 of "
                + SeedCipher.KEY_BYTES + " bytes");
        }
    }

    /** A key file copied in by hand or restored from a backup often keeps a readable mode: say so, without stopping the start. */
    private static void warnWhenOthersCanRead(Path keyFile) throws IOException {
        if (!keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
        if (!Collections.disjoint(permissions, OPEN_TO_OTHERS)) {
            LOGGER.warn("The encryption key file {} (encryption.keyFile) is open to other users of this machine ({}): "
                + "whoever reads it can decrypt the TOTP seeds of a copy of the store; make it readable by James's user only (chmod 600)",
                keyFile, PosixFilePermissions.toString(permissions));
        }
    }

    private static void create(Path keyFile, SecureRandom random) throws IOException {
        byte[] key = new byte[SeedCipher.KEY_BYTES];
        random.nextBytes(key);
        Path parent = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
        // Written whole to a private temporary file, then linked into place: a reader never sees
        // a half-written key, and when two nodes race the first link wins and both read its key.
        Path temporary = Files.createTempFile(parent, ".encryption-key", ".tmp", ownerOnly);
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(keyFile, temporary);
        } catch (FileAlreadyExistsException e) {
            // another node sharing this directory created it first
        } catch (UnsupportedOperationException e) {
            Files.move(temporary, keyFile);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Optional<String> storedCheck(Database database) {
        return database.read("read the key check value", connection -> {
            try (ResultSet rows = Database.query(connection, "SELECT fact_value FROM app_passwords_metadata WHERE fact_name = ?", CHECK_NAME)) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
            }
        });
    }

    private static boolean holdsSeeds(Database database) {
        try {
            return database.read("look for stored TOTP seeds", connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT (SELECT COUNT(*) FROM totp_enrolments) + (SELECT COUNT(*) FROM totp_pending_enrolments)");
                     ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1) > 0;
                }
            });
        } catch (StoreUnavailableException e) {
            throw new IllegalStateException("The app passwords store cannot be read: " + e.getMessage(), e);
        }
    }
}
