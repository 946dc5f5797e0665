package org.apppasswords.modules;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.user.api.UsersRepository;
import org.apppasswords.activity.SignInHistory;
import org.apppasswords.activity.SignInRecorder;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.apppassword.AppPasswordService;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.lifecycle.UserSecrets;
import org.apppasswords.login.LastUseWriter;
import org.apppasswords.login.LoginPipeline;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.repository.AppPasswordsUsersRepository;
import org.apppasswords.repository.TokenEndpointUsersRepository;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.SignOut;
import org.apppasswords.store.UserGenerations;
import org.apppasswords.store.memory.MemoryActivity;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.totp.CodeCheck;
import org.apppasswords.totp.RecoveryCodes;
import org.apppasswords.totp.SecondFactorService;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpVerifier;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.name.Names;

/**
 * The login rules wired exactly as {@link LoginModule} wires them for James, around stores, a
 * James repository, a clock and a configuration a test (or the benchmarks) chose: memory stores,
 * the system clock and the defaults unless told otherwise. Everything a test reaches for is a field.
 */
public final class TestLogins implements AutoCloseable {
    public final LoginPipeline pipeline;
    public final AppPasswordsUsersRepository decorator;
    public final TokenEndpointUsersRepository tokenEndpoint;
    public final AppPasswordService appPasswordService;
    public final SecondFactorService secondFactorService;
    public final UserSecrets userSecrets;
    public final LastUseWriter lastUses;
    public final AppPasswordStore appPasswords;
    public final SecondFactorStore secondFactors;
    public final SelfServiceSessionStore sessions;
    public final LoginFailureStore loginFailures;
    /** The generations of the stores above: what a creation reads before its checks. */
    public final UserGenerations generations;

    private TestLogins(Builder builder) {
        this.appPasswords = builder.appPasswords;
        this.secondFactors = builder.secondFactors;
        this.sessions = builder.sessions;
        this.loginFailures = builder.loginFailures;
        this.generations = builder.generations;
        this.lastUses = new LastUseWriter(appPasswords, builder.clock);
        Injector injector = Guice.createInjector(new LoginModule(), binder -> {
            binder.bind(AppPasswordsConfiguration.class).toInstance(builder.configuration);
            binder.bind(AppPasswordStore.class).toInstance(builder.appPasswords);
            binder.bind(SecondFactorStore.class).toInstance(builder.secondFactors);
            binder.bind(SelfServiceSessionStore.class).toInstance(builder.sessions);
            binder.bind(LoginFailureStore.class).toInstance(builder.loginFailures);
            binder.bind(UserGenerations.class).toInstance(builder.generations);
            binder.bind(Clock.class).toInstance(builder.clock);
            binder.bind(SecureRandom.class).toInstance(builder.random);
            binder.bind(SecretHasher.class).toInstance(builder.hasher);
            binder.bind(TotpVerifier.class).toInstance(new TotpVerifier(builder.clock));
            // Memory stores lose nothing a login wrote to a crash of their own: no fence after the start.
            binder.bind(CodeCheck.class).toInstance(new CodeCheck(new TotpVerifier(builder.clock), builder.hasher, builder.random,
                Optional.empty()));
            binder.bind(AppPasswordGenerator.class).toInstance(new AppPasswordGenerator(builder.random));
            binder.bind(RecoveryCodes.class).toInstance(new RecoveryCodes(builder.random));
            binder.bind(MetricFactory.class).toInstance(builder.metrics);
            binder.bind(AuditLog.class).toInstance(builder.audit);
            binder.bind(LastUseWriter.class).toInstance(lastUses);
            binder.bind(SignOut.class).toInstance(SignOut.none());
            binder.bind(LocalConnections.class).toInstance(LocalConnections.none());
            binder.bind(SecurityNotices.class).toInstance(builder.notices);
            binder.bind(SignInRecorder.class).toInstance(builder.signIns);
            binder.bind(SignInHistory.class).toInstance(builder.history);
            // Through a provider: Guice would inject the members of an instance, and James's own repositories
            // ask for a UserEntityValidator that James binds, not this injector.
            binder.bind(UsersRepository.class).annotatedWith(Names.named(LoginModule.WRAPPED)).toProvider(() -> builder.james);
            binder.bind(ConfigurationProvider.class).toInstance((component, level) -> builder.usersRepositoryXml);
        });
        this.pipeline = injector.getInstance(LoginPipeline.class);
        this.decorator = injector.getInstance(AppPasswordsUsersRepository.class);
        this.tokenEndpoint = injector.getInstance(TokenEndpointUsersRepository.class);
        this.appPasswordService = injector.getInstance(AppPasswordService.class);
        this.secondFactorService = injector.getInstance(SecondFactorService.class);
        this.userSecrets = injector.getInstance(UserSecrets.class);
    }

    /** {@code james}: the repository James would have configured, which the rules wrap. */
    public static Builder around(UsersRepository james) {
        return new Builder(james);
    }

    @Override
    public void close() {
        lastUses.close();
    }

    public static final class Builder {
        private final UsersRepository james;
        private final MemoryGenerations memoryGenerations = new MemoryGenerations();
        private AppPasswordStore appPasswords = new MemoryAppPasswordStore(memoryGenerations);
        private SecondFactorStore secondFactors = new MemorySecondFactorStore(memoryGenerations);
        private SelfServiceSessionStore sessions = new MemorySelfServiceSessionStore(memoryGenerations);
        private LoginFailureStore loginFailures = new MemoryLoginFailureStore();
        private UserGenerations generations = memoryGenerations;
        private AppPasswordsConfiguration configuration = AppPasswordsConfiguration.defaults();
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private SecretHasher hasher;
        private MetricFactory metrics = new RecordingMetricFactory();
        private AuditLog audit = new AuditLog();
        private SecurityNotices notices = SecurityNotices.NONE;
        private SignInRecorder signIns = SignInRecorder.NONE;
        private SignInHistory history = new MemoryActivity();
        private HierarchicalConfiguration<ImmutableNode> usersRepositoryXml = new BaseHierarchicalConfiguration();

        private Builder(UsersRepository james) {
            this.james = james;
        }

        /** Stores of one backend, with the generations they share ({@code MemoryGenerations}, {@code JdbcStores.generations()}). */
        public Builder stores(AppPasswordStore appPasswords, SecondFactorStore secondFactors, SelfServiceSessionStore sessions,
                              LoginFailureStore loginFailures, UserGenerations generations) {
            this.appPasswords = appPasswords;
            this.secondFactors = secondFactors;
            this.sessions = sessions;
            this.loginFailures = loginFailures;
            this.generations = generations;
            return this;
        }

        public Builder configuration(AppPasswordsConfiguration configuration) {
            this.configuration = configuration;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        public Builder hasher(SecretHasher hasher) {
            this.hasher = hasher;
            return this;
        }

        public Builder metrics(MetricFactory metrics) {
            this.metrics = metrics;
            return this;
        }

        public Builder audit(AuditLog audit) {
            this.audit = audit;
            return this;
        }

        public Builder notices(SecurityNotices notices) {
            this.notices = notices;
            return this;
        }

        /** {@code history} is what {@link UserSecrets} forgets a removed user's sign-ins from. */
        public Builder signIns(SignInRecorder signIns, SignInHistory history) {
            this.signIns = signIns;
            this.history = history;
            return this;
        }

        /** What {@code usersrepository.xml} says: its {@code algorithm}, {@code hashingMode} and {@code verifyFailureDelay}. */
        public Builder usersRepositoryXml(HierarchicalConfiguration<ImmutableNode> usersRepositoryXml) {
            this.usersRepositoryXml = usersRepositoryXml;
            return this;
        }

        public TestLogins build() {
            if (hasher == null) {
                hasher = new SaltedSha256SecretHasher(random);
            }
            return new TestLogins(this);
        }
    }
}
