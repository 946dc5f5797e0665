package org.apppasswords.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.james.core.Username;
import org.apppasswords.store.jdbc.JdbcSettings;
import org.apppasswords.store.jdbc.JdbcStores;
import org.apppasswords.store.jdbc.TestDatabases;
import org.apppasswords.testing.Concurrently;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many users logging in with {@code primary$CODE} at the same moment, each with a fresh code of
 * their own and from an address of their own, over the default embedded H2 store (every store of
 * the login on it, the failure store included): every one must pass. The load harness once saw a
 * few such logins refused; this pins down that concurrent commits of different users' codes do not
 * refuse each other.
 */
class ConcurrentCodeLoginsOnH2Test {
    private static final int USERS = Concurrently.THREADS;
    private static final String PASSWORD = "Primary-Password-1";

    @TempDir
    Path directory;

    private JdbcStores h2;
    private LoginFixture fixture;
    private List<Username> users;

    @BeforeEach
    void setUp() throws Exception {
        h2 = TestDatabases.open(new JdbcSettings(JdbcSettings.embeddedH2Url(directory), Optional.empty(), Optional.empty(), 10,
            directory.resolve("encryption.key"), Duration.ofSeconds(30)));
        fixture = LoginFixture.builder()
            .appPasswords(memory -> h2.appPasswords())
            .secondFactors(memory -> h2.secondFactors())
            .loginFailures(memory -> h2.loginFailures())
            .build();
        users = IntStream.range(0, USERS)
            .mapToObj(index -> Username.of("user" + index + "@" + LoginFixture.DOMAIN.asString()))
            .collect(Collectors.toList());
        for (Username user : users) {
            fixture.jamesItself.addUser(user, PASSWORD);
            fixture.enableTotp(user);
        }
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        h2.close();
    }

    @Test
    void distinctUsersWithFreshCodesShouldAllLogInAtOnceOverH2() throws Exception {
        for (int round = 0; round < 5; round++) {
            String presented = PASSWORD + "$" + fixture.currentCode();

            List<Boolean> outcomes = Concurrently.run(USERS, index ->
                LoginFixture.loginFrom(fixture.decorator, "192.0.2." + index, "IMAP", users.get(index), presented));

            assertThat(outcomes).as("round %d", round).containsOnly(true);
            fixture.clock.advance(Duration.ofSeconds(30));
        }
    }
}
