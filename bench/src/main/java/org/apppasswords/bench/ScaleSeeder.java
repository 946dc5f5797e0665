package org.apppasswords.bench;

import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills the V1 tables {@code app_password_users} and {@code app_passwords} (created by the store's
 * own Flyway migration) with COPY: USERS users holding PER_USER app passwords each, every hash
 * made by the real hasher from a real generated app password, rows as {@code JdbcAppPasswordStore}
 * writes them (instants in epoch nanoseconds). Keeps the plaintext of one app password of every
 * {@code users / sampleSize}-th user, for the logins.
 */
final class ScaleSeeder {
    private static final int CHUNK = 20_000;

    private ScaleSeeder() {
    }

    /** @return {user, app password} pairs of the sampled users */
    static List<String[]> seed(Connection connection, int users, int perUser, int sampleSize) throws SQLException, IOException {
        SecureRandom random = new SecureRandom();
        AppPasswordGenerator generator = new AppPasswordGenerator(random);
        SaltedSha256SecretHasher hasher = new SaltedSha256SecretHasher(random);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long createdAt = Instant.now().getEpochSecond() * 1_000_000_000L;
        int every = Math.max(1, users / sampleSize);
        List<String[]> samples = new ArrayList<>();
        StringBuilder userRows = new StringBuilder();
        StringBuilder passwordRows = new StringBuilder();
        for (int user = 0; user < users; user++) {
            String name = BenchServerMain.userName("u", user);
            userRows.append(name).append('\n');
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < perUser; i++) {
                AppPassword password = generator.generate();
                while (!ids.add(password.id().asString())) {
                    // The store refuses a second app password with the same public id for one user; so does the service.
                    password = generator.generate();
                }
                passwordRows.append(name).append(',').append(password.id().asString()).append(",client ").append(i).append(',')
                    .append(hasher.hash(password.reveal())).append(',').append(createdAt + i).append(",\n");
                if (i == perUser - 1 && user % every == 0 && samples.size() < sampleSize) {
                    samples.add(new String[] {name, password.reveal()});
                }
            }
            if ((user + 1) % CHUNK == 0 || user == users - 1) {
                copy.copyIn("COPY app_password_users (username) FROM STDIN WITH (FORMAT csv)", new StringReader(userRows.toString()));
                copy.copyIn("COPY app_passwords (username, id, label, encoded_hash, created_at, last_used_at) FROM STDIN WITH (FORMAT csv)",
                    new StringReader(passwordRows.toString()));
                userRows.setLength(0);
                passwordRows.setLength(0);
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE app_password_users");
            statement.execute("VACUUM ANALYZE app_passwords");
        }
        return samples;
    }
}
