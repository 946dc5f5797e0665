package org.apppasswords.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SeedCipherTest {
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SeedCipher cipher = new SeedCipher(key(), RANDOM);

    @Test
    void decryptShouldReturnWhatWasEncrypted() throws Exception {
        assertThat(cipher.decrypt(cipher.encrypt(SEED, "alice@example.org"), "alice@example.org")).isEqualTo(SEED);
    }

    @Test
    void encryptShouldUseAFreshNonceEachTime() {
        assertThat(cipher.encrypt(SEED, "alice@example.org")).isNotEqualTo(cipher.encrypt(SEED, "alice@example.org"));
    }

    @Test
    void ciphertextShouldNotContainThePlaintext() {
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt(SEED, "alice@example.org"));

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(new String(SEED, StandardCharsets.ISO_8859_1));
    }

    @Test
    void decryptShouldRefuseAnotherUsersCiphertext() {
        String sealed = cipher.encrypt(SEED, "alice@example.org");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "bob@example.org")).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void decryptShouldRefuseAnotherKey() {
        String sealed = cipher.encrypt(SEED, "alice@example.org");

        assertThatThrownBy(() -> new SeedCipher(key(), RANDOM).decrypt(sealed, "alice@example.org"))
            .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void decryptShouldRefuseATamperedCiphertext() {
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt(SEED, "alice@example.org"));
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(sealed), "alice@example.org"))
            .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void decryptShouldRefuseATruncatedCiphertext() {
        assertThatThrownBy(() -> cipher.decrypt("AAAA", "alice@example.org")).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void decryptShouldRefuseTextThatIsNotBase64() {
        assertThatThrownBy(() -> cipher.decrypt("not base64 !", "alice@example.org")).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void constructorShouldRefuseAKeyThatIsNot256Bits() {
        assertThatThrownBy(() -> new SeedCipher(new byte[16], RANDOM)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShouldHideTheKey() {
        assertThat(cipher.toString()).contains("[REDACTED]");
    }

    private static byte[] key() {
        byte[] key = new byte[SeedCipher.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }
}
