package org.apppasswords.apppassword;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Creates new app passwords: a random 5-symbol public id and a random 26-symbol secret (130 bits),
 * both drawn without bias from the injected {@link SecureRandom}, plus the computed checksum
 * (see {@link AppPasswordFormat}).
 *
 * <p>The result is secret. Ids are random, not unique: the store must refuse (and the caller
 * retry on) an id already held by the same user. Thread-safe when the {@code SecureRandom} is
 * (the JDK's are).
 */
public final class AppPasswordGenerator {
    private final SecureRandom random;

    public AppPasswordGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A fresh app password, for example {@code japna28seyehv2qbawgfpa7ttgebyy5qvx02pjy1}. */
    public AppPassword generate() {
        String idValue = TokenAlphabet.randomString(random, AppPasswordId.LENGTH);
        AppPasswordId id = AppPasswordId.parse(idValue)
            .orElseThrow(() -> new IllegalStateException("generated id outside the alphabet"));
        String secret = TokenAlphabet.randomString(random, AppPasswordFormat.SECRET_LENGTH);
        return AppPasswordFormat.assemble(id, secret);
    }
}
