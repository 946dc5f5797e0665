package org.apppasswords.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the JDBC store lives and how to reach it, defaults already resolved. {@link #toString()}
 * leaves the password out.
 */
public final class JdbcSettings {
    /** How long a login waits for a pooled connection before it is refused: short, so threads never pile up. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final int poolSize;
    private final Path keyFile;
    private final Duration connectionTimeout;

    public JdbcSettings(String url, Optional<String> user, Optional<String> password, int poolSize, Path keyFile, Duration connectionTimeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.poolSize = poolSize;
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        this.connectionTimeout = Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    }

    /** The embedded H2 database file {@code <directory>/store.mv.db}, with its key file beside it. */
    public static JdbcSettings embeddedH2(Path directory, int poolSize) {
        return new JdbcSettings(embeddedH2Url(directory), Optional.empty(), Optional.empty(), poolSize,
            directory.resolve("encryption.key"), DEFAULT_CONNECTION_TIMEOUT);
    }

    /**
     * {@code retry:}: H2's file system that reopens the file when an interrupted thread closed it.
     * Without it one interrupt during a write (Reactor interrupts a cancelled blocking task, for
     * example when an HTTP client hangs up) closes the database until James restarts, and every
     * login is refused. LOCK_TIMEOUT: H2 waits for a row lock 1 s by default, too short for a burst
     * of creates for one user. H2's own write delay is kept: the changes of the login path reach the
     * file in batches, up to half a second after they are answered, and every other change is
     * flushed before it is answered ({@link Database}).
     */
    public static String embeddedH2Url(Path directory) {
        return "jdbc:h2:retry:" + directory.toAbsolutePath().resolve("store") + ";LOCK_TIMEOUT=10000";
    }

    public String url() {
        return url;
    }

    public Optional<String> user() {
        return user;
    }

    public Optional<String> revealPassword() {
        return password;
    }

    public int poolSize() {
        return poolSize;
    }

    public Path keyFile() {
        return keyFile;
    }

    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url + ", user=" + user.orElse("") + ", password=[REDACTED], poolSize=" + poolSize
            + ", keyFile=" + keyFile + "]";
    }
}
