package org.apppasswords.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.configuration.ThrottleConfiguration;
import org.apppasswords.throttle.Check;
import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.throttle.LoginFailureStoreContract;
import org.apppasswords.throttle.Throttle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class H2LoginFailureStoreTest implements LoginFailureStoreContract {
    private JdbcStores stores;
    private LoginFailureStore store;

    @BeforeEach
    void setUp() {
        stores = TestDatabases.emptyH2();
        store = stores.loginFailures();
    }

    @Override
    public LoginFailureStore testee() {
        return store;
    }

    @Test
    void theDatabaseShouldHoldNeitherTheWrongValueNorAnUnkeyedHashOfIt() throws Exception {
        String wrong = "Correct-Horse-Battery-Stapl3";
        Throttle throttle = new Throttle(store, ThrottleConfiguration.defaults(), Clock.systemUTC(), new SecureRandom(), (user, origin, scope, until) -> { });
        throttle.guard(Username.of("alice@example.org"), new LoginOrigin(Optional.of("203.0.113.7"), Optional.of("IMAP")), wrong, new Check() {
            @Override
            public Outcome run() {
                return Outcome.REFUSED;
            }

            @Override
            public void imitate() {
            }
        });
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(wrong.getBytes(StandardCharsets.UTF_8));

        String stored = dump("login_failures") + dump("login_successes");

        assertThat(stored).contains("alice@example.org").contains("203.0.113.7")
            .doesNotContainIgnoringCase(wrong)
            .doesNotContainIgnoringCase(String.format("%064x", new BigInteger(1, sha256)))
            .doesNotContain(Base64.getEncoder().encodeToString(sha256).substring(0, 16))
            .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256).substring(0, 16));
    }

    private String dump(String table) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection connection = TestDatabases.connectionTo(stores); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    text.append(rows.getString(column)).append('|');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }
}
