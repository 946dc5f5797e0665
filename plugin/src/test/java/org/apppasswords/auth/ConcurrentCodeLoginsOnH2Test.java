package org.apppasswords.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.james.core.Username;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.testing.Concurrently;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.store.jdbc.JdbcStores;
import org.apppasswords.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many users logging in with {@code primary$CODE} at the same moment, each with a fresh code of
 * their own, over the default embedded H2 store: every one must pass. The load harness once saw
 * a few such logins refused (docs/benchmarks.md); this pins down that concurrent commits of
 * different users' steps do not refuse each other.
 */
class ConcurrentCodeLoginsOnH2Test {
    private static final int USERS = Concurrently.THREADS;
    private static final String PASSWORD = "Primary-Password-1";

    private LoginFixture fixture;
    private List<Username> users;

    @BeforeEach
    void setUp() throws Exception {
        JdbcStores h2 = TestDatabases.emptyH2();
        fixture = new LoginFixture(AppPasswordsConfiguration.defaults(), new LoginFixture.Interposer() {
            @Override
            public AppPasswordStore appPasswords(AppPasswordStore store) {
                return h2.appPasswords();
            }

            @Override
            public SecondFactorStore secondFactors(SecondFactorStore store) {
                return h2.secondFactors();
            }
        });
        users = IntStream.range(0, USERS)
            .mapToObj(index -> Username.of("user" + index + "@" + LoginFixture.DOMAIN.asString()))
            .collect(Collectors.toList());
        for (Username user : users) {
            fixture.james.addUser(user, PASSWORD);
            fixture.enableTotp(user);
        }
    }

    @Test
    void distinctUsersWithFreshCodesShouldAllLogInAtOnceOverH2() throws Exception {
        for (int round = 0; round < 5; round++) {
            String presented = PASSWORD + "$" + fixture.currentCode();

            List<Boolean> outcomes = Concurrently.run(USERS, index -> fixture.testee.test(users.get(index), presented));

            assertThat(outcomes).as("round %d", round).containsOnly(true);
            fixture.clock.advance(Duration.ofSeconds(30));
        }
    }
}
