package org.apppasswords.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.james.core.Username;
import org.apppasswords.totp.TotpSecret;

/**
 * AES-256-GCM for the TOTP seeds a store must be able to read back (they cannot be hashed). Each
 * value gets a fresh 96-bit nonce from the injected {@link SecureRandom}; the user name is the
 * associated data, so a ciphertext copied to another user's row fails to decrypt. Stored form:
 * base64 of {@code nonce || ciphertext || 128-bit tag}. {@link #toString()} hides the key. Public
 * for the backends of sub-packages (the profile links' app passwords are sealed with it too).
 */
public final class SeedCipher {
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random;

    SeedCipher(byte[] key, SecureRandom random) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("An AES-256 key has " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    public String encrypt(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    /** @throws GeneralSecurityException when the key, the associated data or the ciphertext is not the one sealed */
    public byte[] decrypt(String stored, String associatedData) throws GeneralSecurityException {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("A stored ciphertext is not base64");
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("A stored ciphertext is too short");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    /** The text stored in an {@code encrypted_secret} column for {@code secret}, bound to {@code user}. */
    String seal(TotpSecret secret, Username user) {
        return encrypt(secret.revealBase32().getBytes(StandardCharsets.US_ASCII), user.asString());
    }

    /** The seed of a stored column; a row that does not open (another key, or copied from another user) reads as an error, never as a secret. */
    TotpSecret open(String stored, Username user) throws SQLException {
        try {
            return TotpSecret.fromBase32(new String(decrypt(stored, user.asString()), StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SQLException("A stored TOTP seed does not decrypt for its user (wrong key or a row copied from another user)");
        }
    }

    @Override
    public String toString() {
        return "SeedCipher[AES-256-GCM, key=[REDACTED]]";
    }
}
