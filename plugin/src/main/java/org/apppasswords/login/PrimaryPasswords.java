package org.apppasswords.login;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apache.james.user.lib.model.Algorithm;
import org.apache.james.user.lib.model.DefaultUser;
import org.apache.james.util.DurationParser;

/**
 * Checks primary passwords the way James's own repository does ({@code getUserByName(u)
 * .verifyPassword(p)}: a hash, or an LDAP bind), with two differences that make every refusal
 * alike. A name James does not know is checked against a decoy user, whose random password is
 * hashed with the algorithm {@code usersrepository.xml} configures, so an unknown name costs what a
 * wrong password costs; and James's own {@code verifyFailureDelay} is applied here, by
 * {@link #delayRefusal}, to every refusal of the primary path (unknown names, locked attempts, wrong
 * codes alike) rather than by James to wrong passwords only. A locked attempt
 * ({@link #imitate}) never reaches James's repository at all.
 */
public final class PrimaryPasswords {
    private static final String DEFAULT_ALGORITHM = "PBKDF2";
    private static final String DEFAULT_HASHING_MODE = "plain";

    /** What a check found. */
    enum Result { MATCHES, WRONG, UNKNOWN_USER }

    private final UsersRepository users;
    private final User decoy;
    private final Duration failureDelay;

    /**
     * @param users the repository James configured (never our decorator)
     * @param usersRepository the {@code usersrepository.xml} configuration: {@code algorithm},
     *     {@code hashingMode} and {@code verifyFailureDelay}, with James's defaults
     */
    public PrimaryPasswords(UsersRepository users, Configuration usersRepository, SecureRandom random) {
        this.users = users;
        this.decoy = decoy(usersRepository, random);
        this.failureDelay = Optional.ofNullable(usersRepository.getString("verifyFailureDelay", null))
            .map(text -> DurationParser.parse(text, ChronoUnit.SECONDS))
            .orElse(Duration.ZERO);
    }

    Result verify(Username user, String primary) {
        Optional<User> found = find(user);
        if (found.isEmpty()) {
            decoy.verifyPassword(primary);
            return Result.UNKNOWN_USER;
        }
        return found.get().verifyPassword(primary) ? Result.MATCHES : Result.WRONG;
    }

    /** The work of {@link #verify} without asking James: for a locked attempt. */
    void imitate(String presented) {
        decoy.verifyPassword(presented);
    }

    /** James's {@code verifyFailureDelay}, on the calling thread, as James applies it: the only sleep of the login path. */
    void delayRefusal() {
        if (failureDelay.isZero()) {
            return;
        }
        try {
            Thread.sleep(failureDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<User> find(Username user) {
        try {
            return Optional.ofNullable(users.getUserByName(user));
        } catch (UsersRepositoryException e) {
            // A name the repository rejects (a wrong virtual-hosting shape) is a name it does not know.
            return Optional.empty();
        }
    }

    /** A user that exists only here, never in James's repository: verifying anything against it costs one James hash and fails. */
    private static User decoy(Configuration usersRepository, SecureRandom random) {
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
