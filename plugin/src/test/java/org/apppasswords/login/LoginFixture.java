package org.apppasswords.login;

import static org.mockito.Mockito.mock;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apppasswords.activity.SignInRecorder;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.ThrottleConfiguration;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.modules.TestLogins;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.repository.AppPasswordsUsersRepository;
import org.apppasswords.repository.TokenEndpointUsersRepository;
import org.apppasswords.scope.ProtocolScope;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.store.memory.MemoryActivity;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.testing.CountingSecretHasher;
import org.apppasswords.testing.CountingUsersRepository;
import org.apppasswords.testing.MutableClock;
import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.Totp;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.slf4j.MDC;

/**
 * The login rules wired as James runs them ({@link TestLogins}) around James's memory users
 * repository with three users (ALICE, BOB and the administrator ADMIN) on a virtual-hosted domain,
 * memory stores, a clock that moves only when told, and counters on what a login costs: every call
 * that reaches James ({@link #james}), every check of our hasher ({@link #hasher}) and every
 * primary-password hash, James's or the decoy's ({@link PrimaryPasswordHashes}: James and the decoy
 * hash with the {@code usersrepository.xml} given here, as they do in a server). TOTP uses the RFC
 * 6238 SHA1 seed at a fixed instant, so every code is known in advance.
 */
public final class LoginFixture implements AutoCloseable {
    public static final Domain DOMAIN = Domain.of("example.org");
    public static final Username ALICE = Username.of("alice@example.org");
    public static final Username BOB = Username.of("bob@example.org");
    public static final Username ADMIN = Username.of("admin@example.org");
    public static final Username UNKNOWN = Username.of("nobody@example.org");
    public static final String ALICE_PASSWORD = "alice-Primary-1";
    public static final String BOB_PASSWORD = "bob-Primary-2";
    public static final String ADMIN_PASSWORD = "admin-Primary-3";
    // Base32 of the RFC 6238 SHA1 seed, ASCII "12345678901234567890".
    public static final TotpSecret TOTP_SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    public static final Instant START = Instant.parse("2024-03-01T12:00:10Z");
    public static final String ATTACKER = "203.0.113.7";
    public static final String OWNER = "198.51.100.20";

    public final MutableClock clock = new MutableClock(START);
    public final SecureRandom random = new SecureRandom();
    public final AppPasswordsConfiguration configuration;
    /** James's own repository, undecorated: what an external directory change would touch. */
    public final MemoryUsersRepository jamesItself;
    /** James's repository as the rules see it (after the builder's wrapping), every call counted. */
    public final CountingUsersRepository james;
    public final CountingSecretHasher hasher = new CountingSecretHasher(new SaltedSha256SecretHasher(random));
    public final RecordingMetricFactory metrics = new RecordingMetricFactory();
    public final TestLogins logins;
    public final LoginPipeline pipeline;
    public final AppPasswordsUsersRepository decorator;
    public final TokenEndpointUsersRepository tokenEndpoint;

    private LoginFixture(Builder builder) throws Exception {
        this.configuration = builder.configuration;
        BaseHierarchicalConfiguration usersRepositoryXml = builder.usersRepositoryXml;
        usersRepositoryXml.addProperty("administratorId", ADMIN.asString());
        usersRepositoryXml.addProperty("enableVirtualHosting", true);
        this.jamesItself = MemoryUsersRepository.withVirtualHosting(domainList());
        jamesItself.configure(usersRepositoryXml);
        jamesItself.addUser(ALICE, ALICE_PASSWORD);
        jamesItself.addUser(BOB, BOB_PASSWORD);
        jamesItself.addUser(ADMIN, ADMIN_PASSWORD);
        this.james = new CountingUsersRepository(builder.wrapJames.apply(jamesItself));
        MemoryGenerations generations = new MemoryGenerations();
        this.logins = TestLogins.around(james)
            .configuration(configuration)
            .clock(clock)
            .random(random)
            .hasher(hasher)
            .metrics(metrics)
            .usersRepositoryXml(usersRepositoryXml)
            .notices(builder.notices)
            .signIns(builder.signIns, new MemoryActivity())
            .stores(builder.appPasswords.apply(new MemoryAppPasswordStore(generations)),
                builder.secondFactors.apply(new MemorySecondFactorStore(generations)), new MemorySelfServiceSessionStore(generations),
                builder.loginFailures.apply(new MemoryLoginFailureStore()), generations)
            .build();
        this.pipeline = logins.pipeline;
        this.decorator = logins.decorator;
        this.tokenEndpoint = logins.tokenEndpoint;
    }

    public static LoginFixture create() throws Exception {
        return builder().build();
    }

    public static LoginFixture create(AppPasswordsConfiguration configuration) throws Exception {
        return builder().configuration(configuration).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults with {@code secondFactor.required=true}. */
    public static AppPasswordsConfiguration secondFactorRequired() {
        return new AppPasswordsConfiguration(true, 25, true, AppPasswordsConfiguration.OnPrimaryPasswordChange.REVOKE_ALL, "James",
            Duration.ofMinutes(10));
    }

    /** Throttle limits of the given sizes, lockouts from PT1M to PT8M, forgotten after PT24H. */
    public static ThrottleConfiguration throttle(int addressMax, int addressWideMax, int accountMax, int secondFactorMax) {
        Duration lockout = Duration.ofMinutes(1);
        Duration maxLockout = Duration.ofMinutes(8);
        return new ThrottleConfiguration(new ThrottleConfiguration.Rule(addressMax, lockout, maxLockout),
            new ThrottleConfiguration.Rule(addressWideMax, lockout, maxLockout),
            new ThrottleConfiguration.Rule(accountMax, lockout, maxLockout), secondFactorMax, Duration.ofHours(24), 100_000);
    }

    /** Where a login comes from, as James's protocol handlers say it. */
    public static LoginOrigin from(String address, String protocol) {
        return new LoginOrigin(Optional.ofNullable(address), Optional.ofNullable(protocol));
    }

    /** One check through the pipeline, from an origin James gave nothing about. */
    public Verdict check(Entrance entrance, Username user, String presented) {
        return pipeline.check(entrance, user, presented, LoginOrigin.unknown());
    }

    public Verdict check(Entrance entrance, Username user, String presented, LoginOrigin origin) {
        return pipeline.check(entrance, user, presented, origin);
    }

    /** A protocol login as James makes it, through the decorator's {@code test}, James giving no address. */
    public boolean login(Username user, String presented) throws Exception {
        return decorator.test(user, presented);
    }

    /** A protocol login through {@code repository}, with the client's address and protocol in the thread's MDC, as James puts them. */
    public static boolean loginFrom(UsersRepository repository, String address, String protocol, Username user, String presented)
            throws Exception {
        MDC.put("ip", address);
        MDC.put("protocol", protocol);
        try {
            return repository.test(user, presented);
        } finally {
            MDC.remove("ip");
            MDC.remove("protocol");
        }
    }

    /** An IMAP login through the decorator from {@code address}. */
    public boolean loginFrom(String address, Username user, String presented) throws Exception {
        return loginFrom(decorator, address, "IMAP", user, presented);
    }

    /** A new app password of {@code user}, created the way the routes do (with the user's generation now). Secret. */
    public AppPassword createAppPassword(Username user) {
        return createAppPassword(user, ProtocolScope.all());
    }

    /** As {@link #createAppPassword(Username)}, limited to {@code protocols}. */
    public AppPassword createAppPassword(Username user, ProtocolScope protocols) {
        return logins.appPasswordService.create(user, "Mail client", protocols, logins.generations.current(user), Optional.empty()).password();
    }

    /** Enables TOTP for {@code user} with {@link #TOTP_SECRET} (with the user's generation now); returns the recovery codes. */
    public List<RecoveryCode> enableTotp(Username user) {
        return logins.secondFactorService.enable(user, TOTP_SECRET, TotpEnrolment.NO_STEP_USED, logins.generations.current(user));
    }

    /**
     * Stores a self-service session of ten minutes from {@link #START} under {@code digest}, opened as
     * a sign-in opens it (with the user's generation now); false when the store refused it.
     */
    public boolean openSession(Username user, String digest) {
        return logins.sessions.create(new SelfServiceSession(digest, user, START, START.plus(Duration.ofMinutes(10)), true,
            logins.generations.current(user)));
    }

    /** Whether the session stored under {@code digest} is still valid at {@link #START}. */
    public boolean sessionAlive(String digest) {
        return logins.sessions.find(digest, START).isPresent();
    }

    public TotpEnrolment enrolment(Username user) {
        return logins.secondFactors.find(user).orElseThrow();
    }

    public AppPasswordStore appPasswords() {
        return logins.appPasswords;
    }

    public SecondFactorStore secondFactors() {
        return logins.secondFactors;
    }

    public long currentStep() {
        return Totp.timeStep(clock.instant());
    }

    public static String code(long step) {
        return Totp.code(TOTP_SECRET.revealBytes(), step, 6, Totp.Algorithm.SHA1);
    }

    public String currentCode() {
        return code(currentStep());
    }

    /** The code of the next time step, once the clock moved there: never spent before. */
    public String freshCode() {
        clock.advance(Totp.STEP);
        return currentCode();
    }

    /** Six digits that are the code of no step in the window around now. */
    public String wrongCode() {
        return wrongCode(0);
    }

    /** The {@code n}-th of distinct six-digit codes that match no step in the window around now. */
    public String wrongCode(int n) {
        long now = currentStep();
        int found = -1;
        for (int candidate = 1; ; candidate++) {
            String code = String.format("%06d", (Integer.parseInt(currentCode()) + candidate) % 1_000_000);
            if (!code.equals(code(now - 1)) && !code.equals(code(now)) && !code.equals(code(now + 1)) && ++found == n) {
                return code;
            }
        }
    }

    @Override
    public void close() {
        logins.close();
    }

    static MemoryDomainList domainList() throws Exception {
        MemoryDomainList domainList = new MemoryDomainList(mock(DNSService.class));
        domainList.configure(DomainListConfiguration.builder()
            .autoDetect(false)
            .autoDetectIp(false)
            .build());
        domainList.addDomain(DOMAIN);
        return domainList;
    }

    public static final class Builder {
        private AppPasswordsConfiguration configuration = AppPasswordsConfiguration.defaults();
        private final BaseHierarchicalConfiguration usersRepositoryXml = PrimaryPasswordHashes.usersRepositoryXml();
        private UnaryOperator<UsersRepository> wrapJames = UnaryOperator.identity();
        private UnaryOperator<AppPasswordStore> appPasswords = UnaryOperator.identity();
        private UnaryOperator<SecondFactorStore> secondFactors = UnaryOperator.identity();
        private UnaryOperator<LoginFailureStore> loginFailures = UnaryOperator.identity();
        private SecurityNotices notices = SecurityNotices.NONE;
        private SignInRecorder signIns = SignInRecorder.NONE;

        private Builder() {
        }

        public Builder configuration(AppPasswordsConfiguration configuration) {
            this.configuration = configuration;
            return this;
        }

        public Builder throttle(ThrottleConfiguration throttle) {
            this.configuration = configuration.withThrottle(throttle);
            return this;
        }

        /** A key of {@code usersrepository.xml}, which James's repository and the rules both read (as in a server). */
        public Builder usersRepository(String key, Object value) {
            usersRepositoryXml.setProperty(key, value);
            return this;
        }

        /** What stands between James's memory repository and the rules (a directory's behaviour, a read-only view...). */
        public Builder wrapJames(UnaryOperator<UsersRepository> wrapJames) {
            this.wrapJames = wrapJames;
            return this;
        }

        public Builder appPasswords(UnaryOperator<AppPasswordStore> appPasswords) {
            this.appPasswords = appPasswords;
            return this;
        }

        public Builder secondFactors(UnaryOperator<SecondFactorStore> secondFactors) {
            this.secondFactors = secondFactors;
            return this;
        }

        public Builder loginFailures(UnaryOperator<LoginFailureStore> loginFailures) {
            this.loginFailures = loginFailures;
            return this;
        }

        /** What the logins tell their users of (mails, in a server). */
        public Builder notices(SecurityNotices notices) {
            this.notices = notices;
            return this;
        }

        /** Where the logins leave their sign-ins for the users' history. */
        public Builder signIns(SignInRecorder signIns) {
            this.signIns = signIns;
            return this;
        }

        public LoginFixture build() throws Exception {
            return new LoginFixture(this);
        }
    }
}
