package org.apppasswords.modules;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;

import javax.inject.Singleton;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.StorageConfiguration;
import org.apppasswords.device.ProfileLinkStore;
import org.apppasswords.store.jdbc.JdbcSettings;
import org.apppasswords.store.jdbc.JdbcStores;
import org.apppasswords.store.jdbc.activity.JdbcActivity;
import org.apppasswords.store.jdbc.device.JdbcProfileLinkStore;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * {@code store=jdbc} (the default): the embedded H2 file {@code var/app-passwords/store.mv.db}
 * under James's working directory, or the database {@code jdbc.url} names (PostgreSQL for several
 * nodes). Opening it migrates the schema and opens the encryption key; a database or key that
 * cannot be used stops the start with a message naming the key to fix.
 */
final class JdbcStoreModule extends AbstractModule {
    /** Under James's var directory: the default H2 file and key file. */
    static final String DEFAULT_DIRECTORY = "app-passwords";

    @Provides
    @Singleton
    JdbcStores stores(AppPasswordsConfiguration configuration, JamesDirectoriesProvider directories, SecureRandom random) {
        return JdbcStores.open(settings(configuration.storage(), directories), random);
    }

    @Provides
    @Singleton
    Backend backend(JdbcStores stores) {
        JdbcActivity activity = new JdbcActivity(stores.database());
        return new Backend(stores.appPasswords(), stores.secondFactors(), stores.sessions(), stores.loginFailures(), stores.generations(),
            stores.signOutNotices(), stores.connectionDirectory(), activity, activity, stores.writesBehind(), stores::ping, stores::close);
    }

    /** The links' app passwords are sealed with the key of the TOTP seeds, in the database every node shares. */
    @Provides
    @Singleton
    ProfileLinkStore profileLinks(JdbcStores stores) {
        return new JdbcProfileLinkStore(stores.database(), stores.cipher());
    }

    static JdbcSettings settings(StorageConfiguration storage, JamesDirectoriesProvider directories) {
        Path defaultDirectory = Paths.get(directories.getVarDirectory()).toAbsolutePath().resolve(DEFAULT_DIRECTORY);
        Path root = Paths.get(directories.getRootDirectory()).toAbsolutePath();
        Path keyFile = storage.keyFile().map(root::resolve).orElse(defaultDirectory.resolve("encryption.key"));
        String url = storage.jdbcUrl().orElse(JdbcSettings.embeddedH2Url(defaultDirectory));
        return new JdbcSettings(url, storage.jdbcUser(), storage.revealJdbcPassword(), storage.poolSize(), keyFile,
            JdbcSettings.DEFAULT_CONNECTION_TIMEOUT);
    }
}
