package org.apppasswords.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.store.jdbc.JdbcSettings;
import org.apppasswords.store.jdbc.JdbcStores;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.totp.SecondFactorStore;

/** One database of the scale run: seeded once, then measured in rounds. */
final class ScaleSize implements AutoCloseable {
    final int users;
    final Latencies latencies = new Latencies();
    final Map<String, Long> calls = new TreeMap<>();
    final Map<String, Long> statements = new TreeMap<>();
    private final String url;
    private final JdbcStores stores;
    private final CallCounter counter = new CallCounter();
    private final BenchLogins logins;
    private final List<String[]> samples;
    private long measured;
    private int cursor;

    private ScaleSize(int users, String url, JdbcStores stores, List<String[]> samples) {
        this.users = users;
        this.url = url;
        this.stores = stores;
        this.samples = samples;
        this.logins = new BenchLogins(counter.wrap(AppPasswordStore.class, stores.appPasswords()),
            counter.wrap(SecondFactorStore.class, stores.secondFactors()), new MemorySelfServiceSessionStore(new MemoryGenerations()),
            stores.generations(), new NoOpUsersRepository(), Clock.systemUTC());
    }

    /** A fresh database {@code bench_USERS}, its schema made by the store's own migrations, then seeded. */
    static ScaleSize prepare(String server, int users, int perUser, int sampleSize) throws Exception {
        String database = "bench_" + users;
        try (Connection admin = DriverManager.getConnection(server + "postgres", "apppasswords", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        }
        String url = server + database;
        Path keyFile = Files.createTempDirectory("bench-key").resolve("encryption.key");
        JdbcStores stores = JdbcStores.open(new JdbcSettings(url, Optional.of("apppasswords"), Optional.empty(), 10, keyFile,
            JdbcSettings.DEFAULT_CONNECTION_TIMEOUT), new SecureRandom());
        long start = System.nanoTime();
        List<String[]> samples;
        try (Connection connection = DriverManager.getConnection(url, "apppasswords", "")) {
            samples = ScaleSeeder.seed(connection, users, perUser, sampleSize);
        }
        LoadHarness.log(String.format("seeded %,d users x %d app passwords in %.1f s", users, perUser, (System.nanoTime() - start) / 1e9));
        return new ScaleSize(users, url, stores, samples);
    }

    /** {@code count} logins one after the other (the first tenth of the first round is a warm-up). */
    void measure(int count, boolean countStatements) throws Exception {
        if (measured == 0) {
            for (int i = 0; i < count / 10; i++) {
                login();
            }
        }
        counter.reset();
        if (countStatements) {
            execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            execute("SELECT pg_stat_statements_reset()");
        }
        for (int i = 0; i < count; i++) {
            long before = System.nanoTime();
            login();
            latencies.add(System.nanoTime() - before);
        }
        measured += count;
        counter.snapshot().forEach((name, value) -> calls.merge(name, value, Long::sum));
        if (countStatements) {
            try (Connection connection = DriverManager.getConnection(url, "apppasswords", "");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT query, calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                     + "WHERE d.datname = current_database() AND query NOT ILIKE '%pg_stat_statements%'")) {
                while (rows.next()) {
                    statements.merge(rows.getString(1).replaceAll("\\s+", " "), rows.getLong(2), Long::sum);
                }
            }
        }
    }

    /** Each entry divided by the logins measured, e.g. {@code AppPasswordStore.find 1.00}. */
    String perLogin(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
            .map(entry -> String.format(java.util.Locale.ROOT, "`%s` %.3f", entry.getKey(), entry.getValue() / (double) measured))
            .collect(Collectors.joining("; "));
    }

    private void login() throws Exception {
        String[] sample = samples.get(cursor++ % samples.size());
        if (!logins.repository.test(Username.of(sample[0]), sample[1])) {
            throw new IllegalStateException("A seeded app password was refused");
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "apppasswords", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        logins.close();
        stores.close();
    }
}
