package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.apache.james.core.Username;
import org.apppasswords.store.jdbc.JdbcSettings;
import org.apppasswords.store.jdbc.JdbcStores;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conf/app-passwords.properties} is read when James starts, through the launcher: an
 * invalid value stops the start with a message naming the key and not repeating the value; so
 * does a store that cannot be used (unreachable database, wrong or missing encryption key).
 * (A missing file means defaults: many other end-to-end classes start that way.)
 */
class LauncherConfigurationTest {
    @TempDir
    Path workingDirectory;

    @Test
    void invalidValueShouldStopTheStartNamingTheKeyButNotTheValue() throws Exception {
        String failure = startFailureWith("appPasswords.maxPerUser=zero-Sentinel\n");

        assertThat(failure).contains("appPasswords.maxPerUser").doesNotContain("zero-Sentinel");
    }

    @Test
    void unknownKeyShouldStopTheStart() throws Exception {
        assertThat(startFailureWith("secondfactor.required=true\n")).contains("Unknown key 'secondfactor.required'");
    }

    @Test
    void secondFactorRequiredShouldAcceptOnlyBooleans() throws Exception {
        assertThat(startFailureWith("secondFactor.required=yes\n")).contains("secondFactor.required");
    }

    /**
     * Keys that would weaken a promise together are refused, naming both: {@code secondFactor.required}
     * promises nobody logs in without a second factor, and app passwords minted without TOTP would.
     */
    @Test
    void secondFactorRequiredWithAppPasswordsNotRequiringItShouldStopTheStartNamingBothKeys() throws Exception {
        assertThat(startFailureWith("secondFactor.required=true\nappPasswords.requireSecondFactor=false\n"))
            .contains("secondFactor.required").contains("appPasswords.requireSecondFactor");
    }

    @Test
    void jdbcKeysShouldBeRefusedWithStoreMemory() throws Exception {
        assertThat(startFailureWith("store=memory\njdbc.url=jdbc:postgresql://127.0.0.1/james\n")).contains("'jdbc.url'").contains("store=memory");
    }

    @Test
    void unreachableDatabaseShouldStopTheStartNamingJdbcUrl() throws Exception {
        assertThat(startFailureWith("jdbc.url=jdbc:postgresql://127.0.0.1:1/james\n")).contains("cannot be reached").contains("(jdbc.url)");
    }

    @Test
    void anotherEncryptionKeyOnTheDefaultStoreShouldStopTheStart() throws Exception {
        Path storeDirectory = workingDirectory.resolve("var").resolve("app-passwords");
        try (JdbcStores stores = JdbcStores.open(JdbcSettings.embeddedH2(storeDirectory, 2), new SecureRandom())) {
            stores.secondFactors().enable(Username.of("alice@" + JamesWithAppPasswords.DOMAIN),
                TotpEnrolment.enabled(TotpSecret.generate(new SecureRandom()), Instant.now(), List.of()), 0);
        }
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        Files.writeString(storeDirectory.resolve("encryption.key"), Base64.getEncoder().encodeToString(otherKey));

        assertThat(startFailureWith(null)).contains("is not the key this app passwords store was encrypted with").contains("encryption.keyFile");
    }

    @Test
    void missingEncryptionKeyOnADefaultStoreHoldingDataShouldStopTheStart() throws Exception {
        Path storeDirectory = workingDirectory.resolve("var").resolve("app-passwords");
        try (JdbcStores stores = JdbcStores.open(JdbcSettings.embeddedH2(storeDirectory, 2), new SecureRandom())) {
            stores.secondFactors().enable(Username.of("alice@" + JamesWithAppPasswords.DOMAIN),
                TotpEnrolment.enabled(TotpSecret.generate(new SecureRandom()), Instant.now(), List.of()), 0);
        }
        Files.delete(storeDirectory.resolve("encryption.key"));

        assertThat(startFailureWith(null)).contains("is missing").contains("encryption.keyFile");
    }

    /** The stack trace of the failed start, as the operator reads it in James's log. */
    private String startFailureWith(String properties) throws Exception {
        JamesConfDirectory.create(workingDirectory, properties);
        GuiceJamesServer server = JamesWithAppPasswords.build(workingDirectory, List.of());
        try {
            Throwable failure = catchThrowable(server::start);
            assertThat(failure).as("the start should fail").isNotNull();
            StringWriter stackTrace = new StringWriter();
            failure.printStackTrace(new PrintWriter(stackTrace));
            return stackTrace.toString();
        } finally {
            server.stop();
        }
    }
}
