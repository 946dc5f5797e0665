package org.apppasswords.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * The PostgreSQL store at two sizes, LARGE users and SMALL users each holding PER_USER app
 * passwords, each in a database of its own on one server: app-password logins through the
 * launcher's decorator ({@link BenchLogins} over a no-op James repository), measured in
 * alternating rounds, one login at a time. Reports p50/p99 per size, store calls per login (a
 * counting proxy in front of the stores) and, when {@code pg_stat_statements} is loaded, the SQL
 * statements per login the server saw.
 *
 * <p>Options: {@code --port PORT} (required; the server of {@code scripts/start-test-postgresql})
 * {@code --large 100000 --small 1000 --per-user 5 --logins 20000 --rounds 4 --out FILE}.
 */
public final class ScaleRun {
    private ScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--large", "100000", "--small", "1000", "--per-user", "5",
            "--logins", "20000", "--rounds", "4", "--sample", "1000"));
        for (int i = 0; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String server = "jdbc:postgresql://127.0.0.1:" + options.get("--port") + "/";
        int perUser = Integer.parseInt(options.get("--per-user"));
        int logins = Integer.parseInt(options.get("--logins"));
        int rounds = Integer.parseInt(options.get("--rounds"));
        int sample = Integer.parseInt(options.get("--sample"));
        List<ScaleSize> sizes = new ArrayList<>();
        for (String key : List.of("--small", "--large")) {
            int users = Integer.parseInt(options.get(key));
            sizes.add(ScaleSize.prepare(server, users, perUser, Math.min(sample, users)));
        }
        boolean statements = enableStatementCounts(server);
        try {
            for (int round = 0; round < rounds; round++) {
                for (ScaleSize size : round % 2 == 0 ? sizes : List.of(sizes.get(1), sizes.get(0))) {
                    size.measure(logins / rounds, statements);
                    LoadHarness.log(String.format(Locale.ROOT, "  round %d, %,d users: p50 so far %.3f ms", round + 1, size.users,
                        size.latencies.millis(0.5)));
                }
            }
            String report = report(sizes, perUser, statements);
            System.out.println(report);
            if (options.containsKey("--out")) {
                Path out = Paths.get(options.get("--out"));
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, report);
            }
        } finally {
            for (ScaleSize size : sizes) {
                size.close();
            }
        }
        System.exit(0);
    }

    private static boolean enableStatementCounts(String server) {
        try (Connection connection = DriverManager.getConnection(server + "postgres", "apppasswords", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW shared_preload_libraries")) {
            rows.next();
            if (!rows.getString(1).contains("pg_stat_statements")) {
                LoadHarness.log("pg_stat_statements is not loaded: statements per login come from the counting proxy only");
                return false;
            }
            return true;
        } catch (Exception e) {
            LoadHarness.log("pg_stat_statements unavailable: " + e.getMessage());
            return false;
        }
    }

    private static String report(List<ScaleSize> sizes, int perUser, boolean statements) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Scale: PostgreSQL store, %d app passwords per user, "
            + "app-password logins one at a time through the decorator over a no-op James repository%n%n", perUser));
        out.append("| users | app passwords stored | logins | p50 ms | p99 ms | store calls per login (proxy) | SQL statements per login (pg_stat_statements) |\n");
        out.append("| ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (ScaleSize size : sizes) {
            out.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %.3f | %.3f | %s | %s |%n", size.users, (long) size.users * perUser,
                size.latencies.size(), size.latencies.millis(0.5), size.latencies.millis(0.99), size.perLogin(size.calls),
                statements ? size.perLogin(size.statements) : "not loaded"));
        }
        ScaleSize small = sizes.get(0);
        ScaleSize large = sizes.get(1);
        out.append(String.format(Locale.ROOT, "%np50 ratio %,d / %,d users: %.2f%n", large.users, small.users,
            large.latencies.millis(0.5) / small.latencies.millis(0.5)));
        return out.toString();
    }
}
