package org.apppasswords.store;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apppasswords.auth.LastUseWriter;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.StorageConfiguration;
import org.apppasswords.store.jdbc.JdbcSettings;
import org.apppasswords.store.jdbc.JdbcStores;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;

/**
 * The stores {@code store=} chose, opened once at start: memory, or JDBC (the embedded H2
 * file {@code var/app-passwords/store.mv.db} under James's working directory unless
 * {@code jdbc.url} says otherwise), and the writer of last uses. James calls {@link #close()}
 * when it stops.
 */
@Singleton
public final class Stores implements AutoCloseable {
    /** Under James's var directory: the default H2 file and key file. */
    public static final String DEFAULT_DIRECTORY = "app-passwords";

    private final AppPasswordStore appPasswords;
    private final SecondFactorStore secondFactors;
    private final SelfServiceSessionStore sessions;
    private final LoginFailureStore loginFailures;
    private final JdbcStores jdbc;
    private final LastUseWriter lastUses;

    @Inject
    Stores(AppPasswordsConfiguration configuration, JamesDirectoriesProvider directories, SecureRandom random) {
        StorageConfiguration storage = configuration.storage();
        if (storage.kind() == StorageConfiguration.Kind.MEMORY) {
            this.jdbc = null;
            this.appPasswords = new MemoryAppPasswordStore();
            this.secondFactors = new MemorySecondFactorStore();
            this.sessions = new MemorySelfServiceSessionStore();
            this.loginFailures = new MemoryLoginFailureStore();
        } else {
            this.jdbc = JdbcStores.open(settings(storage, directories), random);
            this.appPasswords = jdbc.appPasswords();
            this.secondFactors = jdbc.secondFactors();
            this.sessions = jdbc.sessions();
            this.loginFailures = jdbc.loginFailures();
        }
        this.lastUses = LastUseWriter.background(appPasswords);
    }

    static JdbcSettings settings(StorageConfiguration storage, JamesDirectoriesProvider directories) {
        Path defaultDirectory = Paths.get(directories.getVarDirectory()).toAbsolutePath().resolve(DEFAULT_DIRECTORY);
        Path root = Paths.get(directories.getRootDirectory()).toAbsolutePath();
        Path keyFile = storage.keyFile().map(root::resolve).orElse(defaultDirectory.resolve("encryption.key"));
        String url = storage.jdbcUrl().orElse(JdbcSettings.embeddedH2Url(defaultDirectory));
        JdbcSettings settings = new JdbcSettings(url, storage.jdbcUser(), storage.revealJdbcPassword(), storage.poolSize(), keyFile,
            JdbcSettings.DEFAULT_CONNECTION_TIMEOUT);
        // Only the default file is surely this process's alone; a jdbc.url may be shared (H2 over TCP, AUTO_SERVER, PostgreSQL).
        return storage.jdbcUrl().isPresent() ? settings : settings.withSpentStepJournalIn(defaultDirectory);
    }

    public AppPasswordStore appPasswords() {
        return appPasswords;
    }

    public SecondFactorStore secondFactors() {
        return secondFactors;
    }

    public SelfServiceSessionStore sessions() {
        return sessions;
    }

    /** Failed primary-path logins, shared by every node of a jdbc store. */
    public LoginFailureStore loginFailures() {
        return loginFailures;
    }

    /**
     * Checks that the store answers: a trivial query on JDBC, nothing for memory.
     *
     * @throws StoreUnavailableException when the database does not answer
     */
    public void ping() {
        if (jdbc != null) {
            jdbc.ping();
        }
    }

    /** Last uses of app passwords, written off the login path. */
    public LastUseWriter lastUseWriter() {
        return lastUses;
    }

    /** Writes the pending last uses, then closes the pool. */
    @PreDestroy
    @Override
    public void close() {
        lastUses.close();
        if (jdbc != null) {
            jdbc.close();
        }
    }
}
