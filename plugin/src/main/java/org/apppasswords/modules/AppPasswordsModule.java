package org.apppasswords.modules;

import java.io.FileNotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.server.core.filesystem.FileSystemImpl;
import org.apache.james.utils.PropertiesProvider;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.ClientSettings;
import org.apppasswords.configuration.InvalidConfigurationException;
import org.apppasswords.configuration.NotificationSettings;
import org.apppasswords.configuration.StorageConfiguration;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.login.LastUseWriter;
import org.apppasswords.notice.NoticeSender;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.signout.DirectoryPublisher;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.SignOut;
import org.apppasswords.store.TimedStore;
import org.apppasswords.store.UserGenerations;
import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.totp.CodeCheck;
import org.apppasswords.totp.RecoveryCodes;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpVerifier;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/**
 * Everything of the extension that James does not bind, in one place: the configuration, read from
 * {@code conf/app-passwords.properties} when James starts (an invalid value stops the start with a
 * message naming the key); the store's module, chosen by {@code store=} as James chooses its own
 * repositories' modules ({@link JdbcStoreModule}, {@link MemoryStoreModule}); hashing, TOTP and the
 * login rules ({@link LoginModule}). It binds nothing James binds (James's {@code Clock} is reused),
 * so it can join any James server; the launcher adds the {@code UsersRepository} override on top.
 */
public final class AppPasswordsModule extends AbstractModule {
    private final Configuration james;

    /** {@code james}: where James reads its own configuration, which holds ours too. */
    public AppPasswordsModule(Configuration james) {
        this.james = james;
    }

    @Override
    protected void configure() {
        Optional<org.apache.commons.configuration2.Configuration> properties = readProperties();
        AppPasswordsConfiguration configuration = properties.map(AppPasswordsConfiguration::from).orElse(AppPasswordsConfiguration.defaults());
        bind(AppPasswordsConfiguration.class).toInstance(configuration);
        ClientSettings clients = properties.map(ClientSettings::from).orElse(ClientSettings.none());
        bind(ClientSettings.class).toInstance(clients);
        bind(NotificationSettings.class).toInstance(properties.map(read -> NotificationSettings.from(read, clients))
            .orElse(NotificationSettings.defaults()));
        install(configuration.storage().kind() == StorageConfiguration.Kind.MEMORY ? new MemoryStoreModule() : new JdbcStoreModule());
        bind(Stores.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(StoreHealthCheck.class);
        install(new LoginModule());
        install(new ActivityModule());
        // The launcher binds its servers' own (overriding this): without them no connection is signed out.
        bind(LocalConnections.class).toInstance(LocalConnections.none());
        // The launcher hands notices to James's mail pipeline (overriding this): without it none is sent.
        bind(NoticeSender.class).toInstance(NoticeSender.NONE);
    }

    /** Revocations sign out through the store, so that every node sharing it ends its own connections. */
    @Provides
    @Singleton
    SignOut signOut(Stores stores) {
        return stores.signOut;
    }

    /** A user's live connections on every node, for the admin's and the user's lists. */
    @Provides
    @Singleton
    DirectoryPublisher connectionDirectory(Stores stores) {
        return stores.connections;
    }

    /** {@code conf/app-passwords.properties}; empty when there is none (every key has its default). */
    private Optional<org.apache.commons.configuration2.Configuration> readProperties() {
        PropertiesProvider properties = new PropertiesProvider(new FileSystemImpl(james.directories()), james.configurationPath());
        try {
            return Optional.of(properties.getConfiguration(AppPasswordsConfiguration.FILE_NAME));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (ConfigurationException e) {
            throw new InvalidConfigurationException(AppPasswordsConfiguration.FILE_NAME + ".properties cannot be parsed as a properties file");
        }
    }

    /** Every store call timed through James's metrics ({@link TimedStore}), under {@code appPasswords.store.<store>.<method>}. */
    @Provides
    @Singleton
    AppPasswordStore appPasswordStore(Stores stores, MetricFactory metrics) {
        return TimedStore.wrap(AppPasswordStore.class, stores.backend.appPasswords, "appPasswords", metrics);
    }

    @Provides
    @Singleton
    SecondFactorStore secondFactorStore(Stores stores, MetricFactory metrics) {
        return TimedStore.wrap(SecondFactorStore.class, stores.backend.secondFactors, "secondFactors", metrics);
    }

    @Provides
    @Singleton
    SelfServiceSessionStore selfServiceSessionStore(Stores stores, MetricFactory metrics) {
        return TimedStore.wrap(SelfServiceSessionStore.class, stores.backend.sessions, "sessions", metrics);
    }

    @Provides
    @Singleton
    LoginFailureStore loginFailureStore(Stores stores, MetricFactory metrics) {
        return TimedStore.wrap(LoginFailureStore.class, stores.backend.loginFailures, "loginFailures", metrics);
    }

    @Provides
    @Singleton
    UserGenerations userGenerations(Stores stores) {
        return stores.backend.generations;
    }

    @Provides
    @Singleton
    LastUseWriter lastUseWriter(Stores stores) {
        return stores.lastUses;
    }

    /** James 3.8.1 binds no SecureRandom; were a later James to bind one, this must move behind a qualifier. */
    @Provides
    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Provides
    @Singleton
    SecretHasher secretHasher(SecureRandom random) {
        return new SaltedSha256SecretHasher(random);
    }

    @Provides
    @Singleton
    AppPasswordGenerator appPasswordGenerator(SecureRandom random) {
        return new AppPasswordGenerator(random);
    }

    @Provides
    @Singleton
    RecoveryCodes recoveryCodes(SecureRandom random) {
        return new RecoveryCodes(random);
    }

    @Provides
    @Singleton
    TotpVerifier totpVerifier(Clock clock) {
        return new TotpVerifier(clock);
    }

    /** Fenced after this start where the store may have lost the last spent steps to a crash. */
    @Provides
    @Singleton
    CodeCheck codeCheck(TotpVerifier verifier, SecretHasher hasher, SecureRandom random, Stores stores, Clock clock) {
        return new CodeCheck(verifier, hasher, random, stores.backend.writesBehind ? Optional.of(clock.instant()) : Optional.empty());
    }
}
