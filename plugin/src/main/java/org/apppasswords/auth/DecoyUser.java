package org.apppasswords.auth;

import java.security.SecureRandom;
import java.util.Base64;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.core.Username;
import org.apache.james.user.lib.model.Algorithm;
import org.apache.james.user.lib.model.DefaultUser;

/**
 * A user that exists only in memory, never in James's repository, with a random password hashed
 * by the algorithm {@code usersrepository.xml} configures for James's own users (James's defaults
 * when the keys are absent: PBKDF2, plain hashing mode). Verifying any input against it costs one
 * James password hash and always fails.
 */
public final class DecoyUser {
    private static final String DEFAULT_ALGORITHM = "PBKDF2";
    private static final String DEFAULT_HASHING_MODE = "plain";

    private DecoyUser() {
    }

    public static DefaultUser hashedAs(Configuration usersRepository, SecureRandom random) {
        Algorithm algorithm = Algorithm.of(usersRepository.getString("algorithm", DEFAULT_ALGORITHM),
            usersRepository.getString("hashingMode", DEFAULT_HASHING_MODE));
        // The name only salts the hash: the decoy is never stored, so no account can be it.
        DefaultUser decoy = new DefaultUser(Username.of("app-passwords-decoy"), algorithm, algorithm);
        byte[] password = new byte[32];
        random.nextBytes(password);
        decoy.setPassword(Base64.getEncoder().encodeToString(password));
        return decoy;
    }
}
