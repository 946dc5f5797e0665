package org.apppasswords;

import java.io.FileNotFoundException;
import java.security.SecureRandom;
import java.time.Clock;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.utils.PropertiesProvider;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.auth.LastUseWriter;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.InvalidConfigurationException;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.store.AppPasswordStore;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.SelfServiceSessionStore;
import org.apppasswords.store.StoreHealthCheck;
import org.apppasswords.store.Stores;
import org.apppasswords.store.TimedStore;
import org.apppasswords.totp.RecoveryCodes;
import org.apppasswords.totp.TotpVerifier;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/**
 * Binds the extension's own pieces: configuration, stores, hashing, TOTP. It binds nothing that
 * James binds (James's {@code Clock} is reused), so it can join any James server; the launcher
 * adds the {@code UsersRepository} override on top.
 */
public final class AppPasswordsModule extends AbstractModule {
    @Override
    protected void configure() {
        // Guice builds Stores itself, so James stages its @PreDestroy when the server stops.
        bind(Stores.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(StoreHealthCheck.class);
    }

    /**
     * {@code store=}: embedded H2 by default, PostgreSQL through {@code jdbc.url}, or memory for
     * tests; every call timed through James's metrics ({@link TimedStore}).
     */
    @Provides
    @Singleton
    AppPasswordStore appPasswordStore(Stores stores, MetricFactory metrics) {
        return TimedStore.wrap(AppPasswordStore.class, stores.appPasswords(), "appPasswords", metrics);
    }

    @Provides
    @Singleton
    SecondFactorStore secondFactorStore(Stores stores, MetricFactory metrics) {
        return TimedStore.wrap(SecondFactorStore.class, stores.secondFactors(), "secondFactors", metrics);
    }

    @Provides
    @Singleton
    SelfServiceSessionStore selfServiceSessionStore(Stores stores, MetricFactory metrics) {
        return TimedStore.wrap(SelfServiceSessionStore.class, stores.sessions(), "sessions", metrics);
    }

    @Provides
    @Singleton
    LoginFailureStore loginFailureStore(Stores stores) {
        return stores.loginFailures();
    }

    @Provides
    @Singleton
    LastUseWriter lastUseWriter(Stores stores) {
        return stores.lastUseWriter();
    }

    /** Read once at start; an invalid value stops the start with a message naming the key. */
    @Provides
    @Singleton
    AppPasswordsConfiguration configuration(PropertiesProvider propertiesProvider) {
        try {
            return AppPasswordsConfiguration.from(propertiesProvider.getConfiguration(AppPasswordsConfiguration.FILE_NAME));
        } catch (FileNotFoundException e) {
            return AppPasswordsConfiguration.defaults();
        } catch (ConfigurationException e) {
            throw new InvalidConfigurationException(AppPasswordsConfiguration.FILE_NAME + ".properties cannot be parsed as a properties file");
        }
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
}
