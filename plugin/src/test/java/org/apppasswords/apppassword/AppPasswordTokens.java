package org.apppasswords.apppassword;

import java.security.SecureRandom;

/** Tokens other packages' tests need but cannot build: the package's factory is package-private. */
public final class AppPasswordTokens {
    private AppPasswordTokens() {
    }

    /** A well-formed token (valid checksum) with the same public id as {@code original} and another secret. */
    public static AppPassword withSameIdAndAnotherSecret(AppPassword original, SecureRandom random) {
        String secret;
        do {
            secret = TokenAlphabet.randomString(random, AppPasswordFormat.SECRET_LENGTH);
        } while (original.reveal().contains(secret));
        return AppPasswordFormat.assemble(original.id(), secret);
    }
}
