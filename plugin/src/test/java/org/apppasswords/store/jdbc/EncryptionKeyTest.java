package org.apppasswords.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The key file of an embedded H2 store: created on the first start, required and checked on every later one. */
class EncryptionKeyTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Username ALICE = Username.of("alice@example.org");
    private static final Username BOB = Username.of("bob@example.org");
    private static final TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

    @TempDir
    Path directory;

    @Test
    void firstStartShouldCreateAnOwnerOnlyKeyFile() throws Exception {
        open().close();

        Path keyFile = directory.resolve("encryption.key");
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).trim())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void aKeyFileOthersCanReadShouldBeUsedWithAWarning() throws Exception {
        open().close();
        Path keyFile = directory.resolve("encryption.key");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        List<String> warnings = warningsWhileOpening();

        assertThat(warnings).singleElement().asString().contains(keyFile.toString(), "rw-r--r--", "chmod 600");
    }

    @Test
    void anOwnerOnlyKeyFileShouldBeUsedWithoutAWarning() throws Exception {
        open().close();

        assertThat(warningsWhileOpening()).isEmpty();
    }

    @Test
    void restartWithTheSameKeyShouldReadTheSeedBack() {
        try (JdbcStores stores = open()) {
            stores.secondFactors().enable(ALICE, TotpEnrolment.enabled(SECRET, Instant.EPOCH, List.of()), stores.generations().current(ALICE));
        }

        try (JdbcStores stores = open()) {
            assertThat(stores.secondFactors().find(ALICE).orElseThrow().secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        }
    }

    @Test
    void startWithAnotherKeyShouldStopWithAClearMessage() throws Exception {
        open().close();
        byte[] otherKey = new byte[32];
        RANDOM.nextBytes(otherKey);
        Files.writeString(directory.resolve("encryption.key"), Base64.getEncoder().encodeToString(otherKey), StandardCharsets.US_ASCII);

        assertThatThrownBy(this::open)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("encryption.keyFile")
            .hasMessageContaining("is not the key");
    }

    @Test
    void startWithoutTheKeyFileOnAStoreThatHoldsDataShouldStopWithAClearMessage() throws Exception {
        try (JdbcStores stores = open()) {
            stores.secondFactors().enable(ALICE, TotpEnrolment.enabled(SECRET, Instant.EPOCH, List.of()), stores.generations().current(ALICE));
        }
        Files.delete(directory.resolve("encryption.key"));

        assertThatThrownBy(this::open)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("is missing");
        assertThat(directory.resolve("encryption.key")).doesNotExist();
    }

    @Test
    void startWithAMalformedKeyFileShouldStopWithAClearMessage() throws Exception {
        Files.writeString(directory.resolve("encryption.key"), "not a key");

        assertThatThrownBy(this::open)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("base64 of 32 bytes");
    }

    @Test
    void aSeedCopiedToAnotherUsersRowShouldNotDecrypt() throws Exception {
        try (JdbcStores stores = open()) {
            stores.secondFactors().enable(ALICE, TotpEnrolment.enabled(SECRET, Instant.EPOCH, List.of()), stores.generations().current(ALICE));
            stores.secondFactors().enable(BOB, TotpEnrolment.enabled(TotpSecret.generate(RANDOM), Instant.EPOCH, List.of()),
                stores.generations().current(BOB));
            try (Connection connection = TestDatabases.connectionTo(stores); Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE totp_enrolments SET encrypted_secret = "
                    + "(SELECT encrypted_secret FROM totp_enrolments WHERE username = 'alice@example.org') WHERE username = 'bob@example.org'");
            }

            assertThatThrownBy(() -> stores.secondFactors().find(BOB))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("does not decrypt");
        }
    }

    private List<String> warningsWhileOpening() {
        Logger logger = (Logger) LoggerFactory.getLogger(EncryptionKey.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            open().close();
        } finally {
            logger.detachAppender(events);
        }
        return events.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
            .collect(Collectors.toList());
    }

    private JdbcStores open() {
        return TestDatabases.open(new JdbcSettings(JdbcSettings.embeddedH2Url(directory), Optional.empty(), Optional.empty(), 2,
            directory.resolve("encryption.key"), JdbcSettings.DEFAULT_CONNECTION_TIMEOUT));
    }
}
