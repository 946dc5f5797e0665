package org.apppasswords.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apppasswords.configuration.StorageConfiguration;
import org.apppasswords.store.jdbc.JdbcSettings;
import org.junit.jupiter.api.Test;

/** Where the JDBC store and its key file go when the configuration leaves them out, and how given paths resolve. */
class JdbcStoreModuleTest {
    private static final Path ROOT = Paths.get("/opt/james");
    private static final JamesDirectoriesProvider DIRECTORIES = new JamesDirectoriesProvider() {
        @Override
        public String getAbsoluteDirectory() {
            return ROOT.toString();
        }

        @Override
        public String getConfDirectory() {
            return ROOT + "/conf/";
        }

        @Override
        public String getVarDirectory() {
            return ROOT + "/var/";
        }

        @Override
        public String getRootDirectory() {
            return ROOT.toString();
        }
    };

    @Test
    void defaultsShouldPutTheH2FileAndTheKeyUnderVarAppPasswords() {
        JdbcSettings settings = JdbcStoreModule.settings(StorageConfiguration.defaults(), DIRECTORIES);

        assertThat(settings.url()).startsWith("jdbc:h2:retry:/opt/james/var/app-passwords/store;");
        assertThat(settings.keyFile()).isEqualTo(Paths.get("/opt/james/var/app-passwords/encryption.key"));
        assertThat(settings.poolSize()).isEqualTo(StorageConfiguration.DEFAULT_POOL_SIZE);
    }

    @Test
    void aRelativeKeyFileShouldBeResolvedAgainstJamesWorkingDirectory() {
        JdbcSettings settings = JdbcStoreModule.settings(jdbc(Optional.empty(), Optional.of(Paths.get("conf/app-passwords.key"))), DIRECTORIES);

        assertThat(settings.keyFile()).isEqualTo(Paths.get("/opt/james/conf/app-passwords.key"));
    }

    @Test
    void anAbsoluteKeyFileShouldBeKept() {
        JdbcSettings settings = JdbcStoreModule.settings(jdbc(Optional.empty(), Optional.of(Paths.get("/etc/james/key"))), DIRECTORIES);

        assertThat(settings.keyFile()).isEqualTo(Paths.get("/etc/james/key"));
    }

    @Test
    void aGivenUrlShouldBeUsedAsIs() {
        JdbcSettings settings = JdbcStoreModule.settings(jdbc(Optional.of("jdbc:postgresql://db/james"), Optional.empty()), DIRECTORIES);

        assertThat(settings.url()).isEqualTo("jdbc:postgresql://db/james");
        assertThat(settings.keyFile()).isEqualTo(Paths.get("/opt/james/var/app-passwords/encryption.key"));
    }

    @Test
    void theUserThePasswordAndThePoolSizeShouldBeCarried() {
        StorageConfiguration storage = new StorageConfiguration(StorageConfiguration.Kind.JDBC, Optional.of("jdbc:postgresql://db/james"),
            Optional.of("james"), Optional.of("Zq7xSecretMarker"), 4, Optional.empty());

        JdbcSettings settings = JdbcStoreModule.settings(storage, DIRECTORIES);

        assertThat(settings.user()).contains("james");
        assertThat(settings.revealPassword()).contains("Zq7xSecretMarker");
        assertThat(settings.poolSize()).isEqualTo(4);
        assertThat(settings.connectionTimeout()).isEqualTo(JdbcSettings.DEFAULT_CONNECTION_TIMEOUT);
    }

    @Test
    void settingsToStringShouldHideThePassword() {
        StorageConfiguration storage = new StorageConfiguration(StorageConfiguration.Kind.JDBC, Optional.of("jdbc:postgresql://db/james"),
            Optional.of("james"), Optional.of("Zq7xSecretMarker"), 4, Optional.empty());

        assertThat(JdbcStoreModule.settings(storage, DIRECTORIES).toString()).doesNotContain("Zq7xSecretMarker").contains("[REDACTED]");
    }

    private static StorageConfiguration jdbc(Optional<String> url, Optional<Path> keyFile) {
        return new StorageConfiguration(StorageConfiguration.Kind.JDBC, url, Optional.empty(), Optional.empty(), 10, keyFile);
    }
}
