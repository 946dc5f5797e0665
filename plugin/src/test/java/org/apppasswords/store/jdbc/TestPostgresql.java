package org.apppasswords.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, never a mock and never skipped: when
 * {@code APP_PASSWORDS_TEST_POSTGRESQL_PORT} names a server (scripts/test-all starts one), it is
 * used; otherwise one is started in a temporary directory with scripts/start-test-postgresql and
 * stopped when the JVM exits. When PostgreSQL is not installed the script fails, and so does the
 * test (scripts/ensure-postgresql installs it). Each caller gets a database of its own.
 */
public final class TestPostgresql {
    public static final String USER = "apppasswords";
    static final String PORT_VARIABLE = "APP_PASSWORDS_TEST_POSTGRESQL_PORT";

    private static Server shared;

    private TestPostgresql() {
    }

    /** A new empty database on the shared server. */
    public static String jdbcUrl(String prefix) {
        return shared().createDatabase(prefix);
    }

    /** A key file path, not created yet, in a fresh temporary directory. */
    public static Path keyFile(String prefix) {
        try {
            return Files.createTempDirectory(prefix + "-key").resolve("encryption.key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized Server shared() {
        if (shared == null) {
            String port = System.getenv(PORT_VARIABLE);
            shared = port == null || port.isBlank() ? Server.startOwn() : new Server(null, Integer.parseInt(port.trim()));
        }
        return shared;
    }

    /** One PostgreSQL server on 127.0.0.1; the ones this JVM started can be stopped and started again. */
    public static final class Server {
        private final Path directory;
        private final int port;

        private Server(Path directory, int port) {
            this.directory = directory;
            this.port = port;
        }

        /** A server of this JVM's own, stopped at JVM exit. */
        public static Server startOwn() {
            try {
                Path directory = Files.createTempDirectory("app-passwords-postgresql");
                int port = Integer.parseInt(script("start-test-postgresql", directory.toString()).trim());
                Server server = new Server(directory, port);
                Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public int port() {
            return port;
        }

        public Path directory() {
            return directory;
        }

        public String createDatabase(String prefix) {
            String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
            try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create a test database on PostgreSQL at port " + port, e);
            }
            return url(name);
        }

        public String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        public void stop() {
            script("stop-test-postgresql", ownDirectory().toString());
        }

        public void start() {
            script("start-test-postgresql", ownDirectory().toString(), Integer.toString(port));
        }

        private Path ownDirectory() {
            if (directory == null) {
                throw new IllegalStateException("Only a server this JVM started can be stopped or restarted");
            }
            return directory;
        }

        /** At JVM exit: stops the server and removes its directory. */
        private void stopQuietly() {
            try {
                stop();
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            } catch (RuntimeException | IOException e) {
                // the JVM is exiting: nothing more to do
            }
        }
    }

    /** Runs one of the project's scripts and returns its standard output; fails the test when it fails. */
    static String script(String name, String... arguments) {
        Path script = scriptsDirectory().resolve(name);
        String[] command = new String[arguments.length + 1];
        command[0] = script.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Path errors = Files.createTempFile(name, ".stderr");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exitCode = process.waitFor();
            String errorOutput = Files.readString(errors);
            Files.delete(errors);
            if (exitCode != 0) {
                // What the script printed (the server's log on a failed start) is what CI shows of a failure.
                throw new IllegalStateException(name + " failed (is PostgreSQL installed? see scripts/ensure-postgresql):\n" + errorOutput);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path scriptsDirectory() {
        Path current = Paths.get("").toAbsolutePath();
        while (current != null) {
            Path scripts = current.resolve("scripts");
            if (Files.isExecutable(scripts.resolve("start-test-postgresql"))) {
                return scripts;
            }
            current = current.getParent();
        }
        throw new IllegalStateException("scripts/start-test-postgresql not found above " + Paths.get("").toAbsolutePath());
    }
}
