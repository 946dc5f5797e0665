package org.apppasswords.hashing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * {@link SecretHasher} computing SHA-256(salt || UTF-8(secret)) with a 16-byte random salt.
 *
 * <p>Stored format: {@code $sha256$<salt, base64 no padding>$<hash, base64 no padding>}, e.g.
 * {@code $sha256$j8E39LPvjeXtRtA/Lm2Y7w$Xt+JnKbQvL5pi/b3LSAE7UC49qqzYpTQB2tC8Ve4k/U} for the app
 * password {@code japna28seyehv2qbawgfpa7ttgebyy5qvx02pjy1}.
 *
 * <p>Why not a slow KDF: every input is drawn from {@link SecureRandom}, with 130 bits of entropy
 * for app passwords and 60 bits for recovery codes (which are also single-use and throttled), so
 * brute-forcing a stolen hash is out of reach whatever the hash speed, and stretching adds no
 * safety. It would add a denial-of-service vector: JMAP Basic calls
 * {@code UsersRepository.test()} on every HTTP request (Argon2id measured at 34-80 ms per check
 * here, SHA-256 at well under a microsecond). Human-chosen passwords must never be hashed with
 * this class. The {@code sha256} id in the format lets a future algorithm sit beside this one.
 *
 * <p>Thread-safe: a {@link MessageDigest} is created per call.
 */
public final class SaltedSha256SecretHasher implements SecretHasher {
    static final String ID = "sha256";
    private static final String PREFIX = "$" + ID + "$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final SecureRandom random;
    private final String dummyHash;
    // Used when a stored hash cannot be parsed, so the failure path still hashes once.
    private final byte[] fallbackSalt;
    private final byte[] fallbackDigest;

    public SaltedSha256SecretHasher(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        byte[] unknowable = new byte[32];
        random.nextBytes(unknowable);
        this.dummyHash = hash(ENCODER.encodeToString(unknowable));
        this.fallbackSalt = new byte[SALT_BYTES];
        random.nextBytes(fallbackSalt);
        this.fallbackDigest = new byte[HASH_BYTES];
        random.nextBytes(fallbackDigest);
    }

    @Override
    public String hash(String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return PREFIX + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(digest(salt, secret));
    }

    @Override
    public boolean matches(String secret, String encodedHash) {
        byte[][] parsed = parse(encodedHash);
        boolean wellFormed = parsed != null && secret != null;
        byte[] salt = parsed != null ? parsed[0] : fallbackSalt;
        byte[] expected = parsed != null ? parsed[1] : fallbackDigest;
        byte[] actual = digest(salt, secret != null ? secret : "");
        boolean equal = MessageDigest.isEqual(expected, actual);
        return wellFormed & equal;
    }

    @Override
    public String dummyHash() {
        return dummyHash;
    }

    /** {salt, digest} when {@code encoded} is a well-formed {@code $sha256$} hash, else null. */
    private static byte[][] parse(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 2) {
            return null;
        }
        try {
            byte[] salt = DECODER.decode(parts[0]);
            byte[] digest = DECODER.decode(parts[1]);
            if (salt.length != SALT_BYTES || digest.length != HASH_BYTES) {
                return null;
            }
            return new byte[][] {salt, digest};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] digest(byte[] salt, String secret) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        sha256.update(salt);
        sha256.update(secret.getBytes(StandardCharsets.UTF_8));
        return sha256.digest();
    }
}
