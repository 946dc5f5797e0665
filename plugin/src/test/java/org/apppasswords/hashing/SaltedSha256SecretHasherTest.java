package org.apppasswords.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SaltedSha256SecretHasherTest {
    private static final String SECRET = "japna28seyehv2qbawgfpa7ttgebyy5qvx02pjy1";
    private static final String WELL_FORMED = "^\\$sha256\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$";

    private final SecretHasher hasher = new SaltedSha256SecretHasher(new SecureRandom());

    @Test
    void matchesShouldAcceptItsOwnHash() {
        assertThat(hasher.matches(SECRET, hasher.hash(SECRET))).isTrue();
    }

    @Test
    void matchesShouldAcceptHashFromAnotherInstance() {
        String encoded = new SaltedSha256SecretHasher(new SecureRandom()).hash(SECRET);

        assertThat(hasher.matches(SECRET, encoded)).isTrue();
    }

    @Test
    void matchesShouldAcceptKnownAnswer() throws Exception {
        // Independent computation of SHA-256(salt || UTF-8(secret)) with the JDK.
        byte[] salt = new byte[16];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(salt);
        byte[] digest = sha256.digest("é-secret".getBytes(StandardCharsets.UTF_8));
        Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
        String encoded = "$sha256$" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(digest);

        assertThat(hasher.matches("é-secret", encoded)).isTrue();
    }

    @Test
    void hashShouldBeSelfDescribing() {
        assertThat(hasher.hash(SECRET)).startsWith("$sha256$").matches(WELL_FORMED);
    }

    @Test
    void dummyHashShouldBeWellFormedAndStable() {
        assertThat(hasher.dummyHash()).matches(WELL_FORMED).isEqualTo(hasher.dummyHash());
    }

    @Test
    void hashShouldNotContainTheSecret() {
        assertThat(hasher.hash(SECRET)).doesNotContain(SECRET).doesNotContain(SECRET.substring(8, 20));
    }

    @Test
    void hashesOfTheSameSecretShouldDiffer() {
        assertThat(hasher.hash(SECRET)).isNotEqualTo(hasher.hash(SECRET));
    }

    @Test
    void matchesShouldRejectAnotherSecret() {
        String encoded = hasher.hash(SECRET);

        assertThat(hasher.matches(SECRET.replace('n', 'm'), encoded)).isFalse();
        assertThat(hasher.matches(SECRET.toUpperCase(), encoded)).isFalse();
        assertThat(hasher.matches("", encoded)).isFalse();
    }

    @Test
    void matchesShouldRejectNullSecretWithoutThrowing() {
        assertThat(hasher.matches(null, hasher.hash(SECRET))).isFalse();
        assertThat(hasher.matches(null, hasher.hash(""))).isFalse();
    }

    @Test
    void matchesShouldRejectTheDummyHash() {
        assertThat(hasher.matches(SECRET, hasher.dummyHash())).isFalse();
        assertThat(hasher.matches("", hasher.dummyHash())).isFalse();
    }

    @Test
    void matchesShouldRejectHashWithAlteredDigest() {
        String encoded = hasher.hash(SECRET);
        char last = encoded.charAt(encoded.length() - 2);
        String altered = encoded.substring(0, encoded.length() - 2) + (last == 'A' ? 'B' : 'A') + encoded.charAt(encoded.length() - 1);

        assertThat(hasher.matches(SECRET, altered)).isFalse();
    }

    @Test
    void matchesShouldRejectHashWithAnotherAlgorithmId() {
        String encoded = hasher.hash(SECRET);

        assertThat(hasher.matches(SECRET, encoded.replace("$sha256$", "$sha512$"))).isFalse();
        assertThat(hasher.matches(SECRET, encoded.replace("$sha256$", "$SHA256$"))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "$", "$$", "$$$", "$sha256$", "$sha256$$", "$sha256$$$",
        "plaintext-password",
        "{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "$sha256$!!!!$????",
        "$sha256$AAAAAAAAAAAAAAAAAAAAAA",
        "$sha256$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
        "$sha256$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$sha256$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$extra",
        "sha256$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    })
    void matchesShouldRejectMalformedOrForeignHashesWithoutThrowing(String encoded) {
        assertThatCode(() -> hasher.matches(SECRET, encoded)).doesNotThrowAnyException();
        assertThat(hasher.matches(SECRET, encoded)).isFalse();
        assertThat(hasher.matches("", encoded)).isFalse();
        assertThat(hasher.matches(null, encoded)).isFalse();
    }
}
