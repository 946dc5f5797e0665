package org.apppasswords.configuration;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the extension keeps its data: {@code store} [jdbc] (or memory, lost at each stop), and for jdbc
 * {@code jdbc.url} [an embedded H2 file, {@code var/app-passwords/store.mv.db} under James's
 * working directory], {@code jdbc.user}, {@code jdbc.password}, {@code jdbc.poolSize} [10] and
 * {@code encryption.keyFile} [{@code var/app-passwords/encryption.key}]. Relative key file paths
 * are resolved against James's working directory. {@link #toString()} hides the password.
 */
public final class StorageConfiguration {
    public enum Kind { MEMORY, JDBC }

    public static final int DEFAULT_POOL_SIZE = 10;
    static final int MAX_POOL_SIZE = 200;

    private final Kind kind;
    private final Optional<String> jdbcUrl;
    private final Optional<String> jdbcUser;
    private final Optional<String> jdbcPassword;
    private final int poolSize;
    private final Optional<Path> keyFile;

    public StorageConfiguration(Kind kind, Optional<String> jdbcUrl, Optional<String> jdbcUser, Optional<String> jdbcPassword, int poolSize,
                                Optional<Path> keyFile) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.jdbcUser = Objects.requireNonNull(jdbcUser, "jdbcUser");
        this.jdbcPassword = Objects.requireNonNull(jdbcPassword, "jdbcPassword");
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new InvalidConfigurationException(AppPasswordsConfiguration.Key.JDBC_POOL_SIZE.name, "a whole number from 1 to " + MAX_POOL_SIZE);
        }
        if (jdbcUrl.isPresent() && !(jdbcUrl.get().startsWith("jdbc:postgresql:") || jdbcUrl.get().startsWith("jdbc:h2:"))) {
            throw new InvalidConfigurationException(AppPasswordsConfiguration.Key.JDBC_URL.name, "a jdbc:postgresql: or jdbc:h2: URL");
        }
        // An in-memory H2 forgets every enrolment at restart, silently turning 2FA off for all.
        if (jdbcUrl.isPresent() && jdbcUrl.get().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            throw new InvalidConfigurationException(AppPasswordsConfiguration.Key.JDBC_URL.name,
                "a persistent database, not jdbc:h2:mem: (store=memory is the explicit way to keep nothing)");
        }
        // The URL is logged; the password has a key of its own that never is.
        if (jdbcUrl.isPresent() && jdbcUrl.get().toLowerCase(Locale.ROOT).contains("password=")) {
            throw new InvalidConfigurationException(AppPasswordsConfiguration.Key.JDBC_URL.name,
                "a URL without a password: put it in " + AppPasswordsConfiguration.Key.JDBC_PASSWORD.name);
        }
        this.poolSize = poolSize;
    }

    /** The embedded H2 default. */
    public static StorageConfiguration defaults() {
        return new StorageConfiguration(Kind.JDBC, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE, Optional.empty());
    }

    public static StorageConfiguration memory() {
        return new StorageConfiguration(Kind.MEMORY, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE, Optional.empty());
    }

    static StorageConfiguration read(ConfigurationReader reader) {
        Kind kind = "memory".equals(reader.choice(AppPasswordsConfiguration.Key.STORE.name, "jdbc", Set.of("memory", "jdbc")))
            ? Kind.MEMORY : Kind.JDBC;
        Optional<String> url = Optional.ofNullable(reader.string(AppPasswordsConfiguration.Key.JDBC_URL.name, null));
        Optional<String> user = Optional.ofNullable(reader.string(AppPasswordsConfiguration.Key.JDBC_USER.name, null));
        Optional<String> password = Optional.ofNullable(reader.string(AppPasswordsConfiguration.Key.JDBC_PASSWORD.name, null));
        int poolSize = reader.positiveInt(AppPasswordsConfiguration.Key.JDBC_POOL_SIZE.name, DEFAULT_POOL_SIZE);
        Optional<Path> keyFile = Optional.ofNullable(reader.string(AppPasswordsConfiguration.Key.ENCRYPTION_KEY_FILE.name, null)).map(Paths::get);
        if (kind == Kind.MEMORY) {
            for (AppPasswordsConfiguration.Key key : new AppPasswordsConfiguration.Key[] {AppPasswordsConfiguration.Key.JDBC_URL,
                AppPasswordsConfiguration.Key.JDBC_USER, AppPasswordsConfiguration.Key.JDBC_PASSWORD, AppPasswordsConfiguration.Key.JDBC_POOL_SIZE,
                AppPasswordsConfiguration.Key.ENCRYPTION_KEY_FILE}) {
                if (reader.string(key.name, null) != null) {
                    throw new InvalidConfigurationException(key.name, "no value while store=memory (it applies to store=jdbc only)");
                }
            }
        }
        return new StorageConfiguration(kind, url, user, password, poolSize, keyFile);
    }

    public Kind kind() {
        return kind;
    }

    /** Empty: the embedded H2 file under James's working directory. */
    public Optional<String> jdbcUrl() {
        return jdbcUrl;
    }

    public Optional<String> jdbcUser() {
        return jdbcUser;
    }

    public Optional<String> revealJdbcPassword() {
        return jdbcPassword;
    }

    public int poolSize() {
        return poolSize;
    }

    /** Empty: {@code var/app-passwords/encryption.key} under James's working directory. */
    public Optional<Path> keyFile() {
        return keyFile;
    }

    @Override
    public String toString() {
        return "StorageConfiguration[kind=" + kind + ", jdbcUrl=" + jdbcUrl.orElse("(embedded H2)") + ", jdbcUser=" + jdbcUser.orElse("")
            + ", jdbcPassword=[REDACTED], poolSize=" + poolSize + ", keyFile=" + keyFile.map(Path::toString).orElse("(default)") + "]";
    }
}
