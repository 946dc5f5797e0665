package org.apppasswords.modules;

import java.security.SecureRandom;
import java.time.Clock;

import javax.inject.Named;
import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.user.api.UsersRepository;
import org.apppasswords.activity.SignInRecorder;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.lifecycle.UserSecrets;
import org.apppasswords.login.AppPasswordCheck;
import org.apppasswords.login.LastUseWriter;
import org.apppasswords.login.LoginObserver;
import org.apppasswords.login.LoginPipeline;
import org.apppasswords.login.PrimaryCheck;
import org.apppasswords.login.PrimaryPasswords;
import org.apppasswords.login.StoreOutageLog;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.repository.AppPasswordsUsersRepository;
import org.apppasswords.repository.TokenEndpointUsersRepository;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.SignedInConnections;
import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.throttle.Throttle;
import org.apppasswords.totp.CodeCheck;
import org.apppasswords.totp.SecondFactorStore;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;

/**
 * The login rules: one {@link LoginPipeline} per node (so that every entrance shares its throttle,
 * whose attempts in flight are counted in one place), and the repositories the launcher hands to
 * James: our decorator of the repository James configured (bound under {@link #WRAPPED} by the
 * launcher) and the stricter view for token-issuing endpoints.
 */
public final class LoginModule extends AbstractModule {
    /** Names the repository James configured (memory, LDAP...), which our decorator wraps. */
    public static final String WRAPPED = "app-passwords-wrapped-users-repository";

    @Override
    protected void configure() {
        bind(SignedInConnections.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    LoginObserver loginObserver(AuditLog audit, MetricFactory metrics, Clock clock, LastUseWriter lastUses,
                                SignedInConnections connections, LocalConnections servers, SecurityNotices notices, SignInRecorder signIns) {
        return new LoginObserver(audit, metrics, new StoreOutageLog(clock), lastUses, connections, servers, notices, signIns);
    }

    @Provides
    @Singleton
    Throttle throttle(LoginFailureStore failures, AppPasswordsConfiguration configuration, Clock clock, SecureRandom random,
                      LoginObserver observer) {
        return new Throttle(failures, configuration.throttle(), clock, random, observer);
    }

    /** Primary passwords checked as {@code usersrepository.xml} says: its algorithm for the decoy, its {@code verifyFailureDelay}. */
    @Provides
    @Singleton
    PrimaryPasswords primaryPasswords(@Named(WRAPPED) UsersRepository wrapped, ConfigurationProvider configurationProvider,
                                      SecureRandom random) throws ConfigurationException {
        return new PrimaryPasswords(wrapped, configurationProvider.getConfiguration("usersrepository"), random);
    }

    @Provides
    @Singleton
    LoginPipeline loginPipeline(@Named(WRAPPED) UsersRepository wrapped, AppPasswordStore appPasswords, SecondFactorStore secondFactors,
                                SecretHasher hasher, CodeCheck codes, AppPasswordsConfiguration configuration, Clock clock,
                                PrimaryPasswords primaryPasswords, Throttle throttle, LoginObserver observer) {
        AppPasswordCheck appPasswordCheck = new AppPasswordCheck(appPasswords, hasher, new IdleExpiry(configuration, clock), wrapped);
        PrimaryCheck primaryCheck = new PrimaryCheck(throttle, secondFactors, codes, primaryPasswords,
            configuration.secondFactorRequired(), configuration.throttle().secondFactorMaxFailures());
        return new LoginPipeline(appPasswordCheck, primaryCheck, observer, clock);
    }

    /**
     * James's repositories depend on the {@code UsersRepository} they are wrapped into (through
     * their {@code UserEntityValidator}). Asking for the wrapped one through an interface-typed key
     * lets Guice break that cycle with a proxy, as it does for James's own binding.
     */
    @Provides
    @Singleton
    AppPasswordsUsersRepository decorator(@Named(WRAPPED) UsersRepository wrapped, LoginPipeline logins, UserSecrets userSecrets) {
        return new AppPasswordsUsersRepository(wrapped, logins, userSecrets);
    }

    @Provides
    @Singleton
    TokenEndpointUsersRepository tokenEndpointView(AppPasswordsUsersRepository decorator, LoginPipeline logins) {
        return new TokenEndpointUsersRepository(decorator, logins);
    }
}
