package org.apppasswords.hashing;

/**
 * Hashes high-entropy secrets (app passwords, recovery codes, session tokens) for storage and
 * checks candidates against stored hashes.
 *
 * <p>Encoded hashes are self-describing PHC-style strings, {@code $id$salt$hash}, for example
 * {@code $sha256$j8E39LPvjeXtRtA/Lm2Y7w$Xt+JnKbQvL5pi/b3LSAE7UC49qqzYpTQB2tC8Ve4k/U} (base64
 * without padding), so that another algorithm can be added later and old rows rehashed on a
 * successful login.
 *
 * <p>The plaintext passed in is secret; encoded hashes are not secret but must not be shown to
 * clients. Implementations are thread-safe, never log or echo their inputs, and compare digests
 * in constant time.
 */
public interface SecretHasher {
    /** A new encoded hash of {@code secret}, with a fresh random salt. */
    String hash(String secret);

    /**
     * True only when {@code secret} hashes to {@code encodedHash}. Returns false, never throws,
     * for a null secret and for a null, empty, malformed or foreign {@code encodedHash}, and in
     * that case still does one full hash computation, so that every failure costs the same.
     * The digest comparison is constant-time.
     */
    boolean matches(String secret, String encodedHash);

    /**
     * A well-formed hash of a random value nobody knows, fixed for the life of this hasher.
     * Callers verify against it when no stored hash exists (unknown user, unknown id), so that
     * path does the same work as a wrong secret. No candidate ever matches it in practice.
     */
    String dummyHash();
}
