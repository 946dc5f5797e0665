package org.apppasswords.login;

import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;

/**
 * Counts primary-password hashes, James's and the decoy's alike. James hashes a password with the
 * {@code algorithm} of {@code usersrepository.xml} through {@link MessageDigest#getInstance} (any
 * name that is not PBKDF2), and {@link PrimaryPasswords} builds its decoy with the same setting; so
 * a test that configures both with {@link #ALGORITHM} sees every hash of a primary password here,
 * whether James checked it or the decoy did. Together with a count of the calls that reached
 * James, that proves which of the two did the work. SHA-256 underneath: fast, like James's default.
 */
public final class PrimaryPasswordHashes {
    /** A digest name of this test JVM only. */
    public static final String ALGORITHM = "COUNTED-SHA-256";
    private static final AtomicInteger DIGESTS = new AtomicInteger();

    static {
        Security.addProvider(new CountingProvider());
    }

    private PrimaryPasswordHashes() {
    }

    /** The {@code usersrepository.xml} keys that make James (or the decoy) hash with {@link #ALGORITHM}. */
    public static BaseHierarchicalConfiguration usersRepositoryXml() {
        BaseHierarchicalConfiguration configuration = new BaseHierarchicalConfiguration();
        configuration.addProperty("algorithm", ALGORITHM);
        return configuration;
    }

    /** Primary-password hashes since the JVM started: read it before and after what you measure. */
    public static int count() {
        return DIGESTS.get();
    }

    /** Registered once per JVM, by this class's initialisation. */
    private static final class CountingProvider extends Provider {
        private static final long serialVersionUID = 1L;

        CountingProvider() {
            super("AppPasswordsTestCounting", "1.0", "Counts the digests of " + ALGORITHM);
            put("MessageDigest." + ALGORITHM, CountingDigest.class.getName());
        }
    }

    /** Looked up by name through the provider, so public with a public constructor. */
    public static final class CountingDigest extends MessageDigestSpi {
        private final MessageDigest sha256;

        public CountingDigest() throws NoSuchAlgorithmException {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        }

        @Override
        protected void engineUpdate(byte input) {
            sha256.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            sha256.update(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            DIGESTS.incrementAndGet();
            return sha256.digest();
        }

        @Override
        protected void engineReset() {
            sha256.reset();
        }
    }
}
