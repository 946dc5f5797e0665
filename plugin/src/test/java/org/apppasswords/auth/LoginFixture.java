package org.apppasswords.auth;

import static org.mockito.Mockito.mock;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.apppassword.AppPasswordService;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.lifecycle.UserSecrets;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.RecoveryCodes;
import org.apppasswords.totp.SecondFactorService;
import org.apppasswords.totp.Totp;
import org.apppasswords.totp.TotpSecret;
import org.apppasswords.totp.TotpVerifier;

/**
 * A James memory users repository with three users (ALICE, BOB and the administrator ADMIN) on a
 * virtual-hosted domain, wrapped by {@link LoginPolicy#decorate}, with memory stores, the real
 * hasher and a clock that moves only when told. TOTP uses the RFC 6238 SHA1 seed at a fixed
 * instant, so every code below is deterministic.
 */
public final class LoginFixture {
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

    /** Lets a test slip decorators (counters) between the policy and its collaborators. */
    public interface Interposer {
        default UsersRepository delegate(UsersRepository james) {
            return james;
        }

        default SecretHasher hasher(SecretHasher hasher) {
            return hasher;
        }

        default AppPasswordStore appPasswords(AppPasswordStore store) {
            return store;
        }

        default SecondFactorStore secondFactors(SecondFactorStore store) {
            return store;
        }

        default LoginFailureStore loginFailures(LoginFailureStore store) {
            return store;
        }
    }

    public final MutableClock clock = new MutableClock(START);
    public final SecureRandom random = new SecureRandom();
    public final AppPasswordsConfiguration configuration;
    /** James's own repository, undecorated: what an external directory change would touch. */
    public final MemoryUsersRepository james;
    public final SecretHasher hasher;
    public final AppPasswordStore appPasswords;
    public final SecondFactorStore secondFactors;
    public final SelfServiceSessionStore sessions = new MemorySelfServiceSessionStore();
    public final LoginFailureStore loginFailures;
    public final RecordingMetricFactory metrics = new RecordingMetricFactory();
    public final UserSecrets userSecrets;
    public final LoginPolicy policy;
    public final AppPasswordsUsersRepository testee;
    public final AppPasswordService appPasswordService;
    public final SecondFactorService secondFactorService;

    public static LoginFixture create() throws Exception {
        return create(AppPasswordsConfiguration.defaults());
    }

    public static LoginFixture create(AppPasswordsConfiguration configuration) throws Exception {
        return new LoginFixture(configuration, new Interposer() { });
    }

    public LoginFixture(AppPasswordsConfiguration configuration, Interposer interposer) throws Exception {
        this.configuration = configuration;
        this.james = MemoryUsersRepository.withVirtualHosting(domainList());
        BaseHierarchicalConfiguration repositoryConfiguration = new BaseHierarchicalConfiguration();
        repositoryConfiguration.addProperty("administratorId", ADMIN.asString());
        repositoryConfiguration.addProperty("enableVirtualHosting", true);
        james.configure(repositoryConfiguration);
        james.addUser(ALICE, ALICE_PASSWORD);
        james.addUser(BOB, BOB_PASSWORD);
        james.addUser(ADMIN, ADMIN_PASSWORD);

        this.loginFailures = interposer.loginFailures(new MemoryLoginFailureStore());
        this.hasher = interposer.hasher(new SaltedSha256SecretHasher(random));
        this.appPasswords = interposer.appPasswords(new MemoryAppPasswordStore());
        this.secondFactors = interposer.secondFactors(new MemorySecondFactorStore());
        this.userSecrets = new UserSecrets(appPasswords, secondFactors, sessions, configuration, loginFailures, new AuditLog());
        this.policy = new LoginPolicy(appPasswords, secondFactors, loginFailures, hasher, new TotpVerifier(clock), clock, random,
            configuration, userSecrets, LastUseWriter.immediate(appPasswords), metrics, new AuditLog());
        this.testee = policy.decorate(interposer.delegate(james));
        this.appPasswordService = new AppPasswordService(appPasswords, new AppPasswordGenerator(random), hasher, clock, configuration);
        this.secondFactorService = new SecondFactorService(secondFactors, new RecoveryCodes(random), hasher, clock);
    }

    /** Another node: its own policy (and so its own attempts in flight) over this fixture's stores and James repository. */
    public UsersRepository anotherNode() {
        LoginPolicy node = new LoginPolicy(appPasswords, secondFactors, loginFailures, hasher, new TotpVerifier(clock), clock, random,
            configuration, userSecrets, LastUseWriter.immediate(appPasswords), metrics, new AuditLog());
        return node.decorate(james);
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

    /** A new app password of {@code user}, created the way the routes will. Secret. */
    public AppPassword createAppPassword(Username user) {
        return appPasswordService.create(user, "Mail client").password();
    }

    /** Enables TOTP for {@code user} with {@link #TOTP_SECRET}; returns the recovery codes. */
    public List<RecoveryCode> enableTotp(Username user) {
        return secondFactorService.enable(user, TOTP_SECRET);
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

    /** Six digits that are the code of no step in the window around now. */
    public String wrongCode() {
        long now = currentStep();
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", (Integer.parseInt(currentCode()) + 1 + candidate) % 1_000_000);
            if (!code.equals(code(now - 1)) && !code.equals(code(now)) && !code.equals(code(now + 1))) {
                return code;
            }
        }
    }

    public PrimaryPasswordOnlyUsersRepository primaryPasswordOnly() {
        // Wired as the launcher wires it: over the decorator, checking primaries with James's repository.
        return policy.primaryPasswordOnly(testee, james);
    }
}
